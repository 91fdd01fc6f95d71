// Where the corpus is kept between visits: IndexedDB, used only by the worker. The saved
// files are the truth; the corpus snapshot (`Corpus.toBytes()`) is a cache that makes a
// reload fast and is rebuilt from the files whenever it is missing, damaged or stale.
//
// IndexedDB database "qarin", schema version 1 (bump DB_VERSION and add a step to
// `upgrade` for any change; never edit a released step):
//
//   files      keyPath "seq", autoIncrement: one record per file that gave articles
//   │            {seq,                 upload order; replaying files in seq order rebuilds the corpus
//   │             name,                the file's name or path inside a folder
//   │             bytes: ArrayBuffer,  the file exactly as read (ingest runs again on restore)
//   │             hashes: [hash],      content hashes of the articles it gave when added
//   │             removed: [hash],     articles of this file the user removed
//   │             outlets?: {hash: name}, outlets the user named ("" = none), applied on
//   │                                  every re-read (absent in records written before)
//   │             origin,              "upload" | "seed" | "link" | "bundle"
//   │             saved: Date}
//   │          index "hash" on hashes (multiEntry): which file holds an article
//   meta       out-of-line keys
//   │            "generation" → integer, +1 in the same transaction as every change to `files`
//   │            "seeded"     → true once the demo articles were loaded (they never come back
//   │                           by themselves; "Load the demo corpus" brings them back)
//   │            "names"      → {format: 1, entries: [lexicon entry]}: the user's own names
//   │                           (pkg-userlex/; entries as the core's lexicon JSON form)
//   snapshot   out-of-line key "corpus"
//                {format: 1, generation, core, bytes: Uint8Array}
//                used only when `generation` equals meta "generation" and `core` names the
//                running wasm build; otherwise the corpus is rebuilt from `files`
//
// A file record is written before the page hears of its articles, so everything reported
// as added survives a reload, a closed tab or a crash. When IndexedDB cannot be opened
// (some private modes), a memory store with the same methods keeps the tab working and
// the page says that nothing will be kept.

export const DB_NAME = 'qarin';
export const DB_VERSION = 1;
export const SNAPSHOT_FORMAT = 1;

/** An error whose `code` the worker turns into a message: "quota" when storage is full. */
export class StoreError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** Opens the IndexedDB store, or a memory store when IndexedDB is unavailable. */
export async function openStore() {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
    const db = await request(indexedDB.open(DB_NAME, DB_VERSION), (req) => {
      req.onupgradeneeded = (e) => upgrade(req.result, e.oldVersion);
    });
    return new IdbStore(db);
  } catch (e) {
    // Some private modes have no IndexedDB: the tab keeps working, and says nothing is kept.
    const { MemoryStore } = await import('./pkg-store/memory.js');
    return new MemoryStore(e);
  }
}

function upgrade(db, oldVersion) {
  if (oldVersion < 1) {
    const files = db.createObjectStore('files', { keyPath: 'seq', autoIncrement: true });
    files.createIndex('hash', 'hashes', { multiEntry: true });
    db.createObjectStore('meta');
    db.createObjectStore('snapshot');
  }
}

/** A request as a promise; `setup(req)` runs before it can fire. */
function request(req, setup) {
  return new Promise((resolve, reject) => {
    setup?.(req);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('the saved corpus is open in an older version of this page in another tab'));
  });
}

/** Resolves when `tx` commits; rejects (with a StoreError "quota" when storage is full) when it aborts. */
function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    const fail = () => reject(storeError(tx.error));
    tx.onabort = fail;
    tx.onerror = (e) => e.preventDefault?.(); // the abort that follows reports it
  });
}

function storeError(err) {
  if (err && (err.name === 'QuotaExceededError' || /quota/i.test(err.message ?? ''))) {
    return new StoreError('the browser has no more storage for this page', 'quota');
  }
  return new StoreError(err?.message ?? 'the browser refused to save', 'failed');
}

class IdbStore {
  constructor(db) {
    this.db = db;
    this.persistent = true;
    // Another tab upgrading the schema: let it, this tab's worker stops saving.
    db.onversionchange = () => db.close();
  }

  /** `{generation, seeded, snapshot|null, files}`: what a start needs to decide. */
  async state() {
    const tx = this.db.transaction(['meta', 'snapshot', 'files'], 'readonly');
    const meta = tx.objectStore('meta');
    const [generation, seeded, snapshot, files] = await Promise.all([
      request(meta.get('generation')),
      request(meta.get('seeded')),
      request(tx.objectStore('snapshot').get('corpus')),
      request(tx.objectStore('files').count()),
    ]);
    return { generation: generation ?? 0, seeded: seeded === true, snapshot: snapshot ?? null, files };
  }

  /** Every file record in upload order, read in chunks so a big store does not stall. */
  async allFiles() {
    const out = [];
    let after = -Infinity;
    for (;;) {
      const tx = this.db.transaction('files', 'readonly');
      const range = after === -Infinity ? null : IDBKeyRange.lowerBound(after, true);
      const chunk = await request(tx.objectStore('files').getAll(range, 500));
      out.push(...chunk);
      if (chunk.length < 500) return out;
      after = chunk[chunk.length - 1].seq;
    }
  }

  /**
   * Saves file records in one transaction: all or none. Returns `{before, after}` generations
   * (`before` tells whether another tab changed the store meanwhile).
   */
  async putFiles(records) {
    return this.change(['files'], (tx) => {
      const files = tx.objectStore('files');
      for (const r of records) files.add({ ...r, removed: r.removed ?? [], saved: new Date() });
    });
  }

  /**
   * Rewrites the article hashes of saved files (`[{seq, hashes}]`): after an update of the
   * core reads a file into different articles, the index must name the new ones.
   */
  async setHashes(updates) {
    if (!updates.length) return null;
    return this.change(['files'], async (tx) => {
      const files = tx.objectStore('files');
      await Promise.all(updates.map(async ({ seq, hashes }) => {
        const rec = await request(files.get(seq));
        if (rec) files.put({ ...rec, hashes });
      }));
    });
  }

  /** Records outlets the user named (`{hash: name}`) on the files holding those articles. */
  async setOutlets(names) {
    return this.change(['files'], async (tx) => {
      const files = tx.objectStore('files');
      const index = files.index('hash');
      const bySeq = new Map();
      await Promise.all(Object.keys(names).map(async (hash) => {
        const seq = await request(index.getKey(hash));
        if (seq !== undefined) bySeq.set(seq, [...(bySeq.get(seq) ?? []), hash]);
      }));
      await Promise.all([...bySeq].map(async ([seq, hashes]) => {
        const rec = await request(files.get(seq));
        if (!rec) return;
        const outlets = { ...rec.outlets };
        for (const h of hashes) outlets[h] = names[h];
        files.put({ ...rec, outlets });
      }));
    });
  }

  /** Marks articles removed; a file with no article left is deleted. */
  async removeHashes(hashes) {
    const wanted = new Set(hashes);
    return this.change(['files'], async (tx) => {
      const files = tx.objectStore('files');
      const index = files.index('hash');
      // Keys first, then each file once: a record holds its file's bytes (a 5,000-row
      // table is one record), and reading it per hash cloned it per hash (35 s for 117
      // removals from 20,000 articles in 4 files).
      const seqs = new Set(await Promise.all([...wanted].map((hash) => request(index.getKey(hash)))));
      seqs.delete(undefined);
      const records = await Promise.all([...seqs].map((seq) => request(files.get(seq))));
      for (const rec of records) {
        if (!rec) continue;
        const removed = new Set([...(rec.removed ?? []), ...rec.hashes.filter((h) => wanted.has(h))]);
        if (rec.hashes.every((h) => removed.has(h))) files.delete(rec.seq);
        else files.put({ ...rec, removed: [...removed] });
      }
    });
  }

  /** `[{hash, name, bytes} | null]`: the saved file holding each article. */
  async filesFor(hashes) {
    const tx = this.db.transaction('files', 'readonly');
    const files = tx.objectStore('files');
    const index = files.index('hash');
    // Each file read once, however many of its articles are asked for (see removeHashes).
    const bySeq = new Map();
    return Promise.all(hashes.map(async (hash) => {
      const seq = await request(index.getKey(hash));
      if (seq === undefined) return null;
      if (!bySeq.has(seq)) bySeq.set(seq, request(files.get(seq)));
      const rec = await bySeq.get(seq);
      return rec ? { hash, name: rec.name, bytes: rec.bytes } : null;
    }));
  }

  /** Deletes every file and the snapshot. */
  async clear() {
    return this.change(['files', 'snapshot'], (tx) => {
      tx.objectStore('files').clear();
      tx.objectStore('snapshot').clear();
    });
  }

  /**
   * Replaces every saved file by `records` and deletes the snapshot, in one transaction: a
   * failure (storage full) leaves the old files as they were.
   */
  async replaceFiles(records) {
    return this.change(['files', 'snapshot'], (tx) => {
      const files = tx.objectStore('files');
      files.clear();
      tx.objectStore('snapshot').clear();
      for (const r of records) files.add({ ...r, removed: r.removed ?? [], saved: new Date() });
    });
  }

  async setSeeded(value) {
    const tx = this.db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put(value === true, 'seeded');
    await done(tx);
  }

  /** A value of the meta store (`"names"`: see the drawing above), or undefined. */
  async getMeta(key) {
    return request(this.db.transaction('meta', 'readonly').objectStore('meta').get(key));
  }

  async putMeta(key, value) {
    const tx = this.db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put(value, key);
    await done(tx);
  }

  /** Saves the snapshot cache; failing to (storage full) only costs speed on the next start. */
  async putSnapshot(snapshot) {
    const tx = this.db.transaction('snapshot', 'readwrite');
    tx.objectStore('snapshot').put({ format: SNAPSHOT_FORMAT, ...snapshot }, 'corpus');
    await done(tx);
  }

  async deleteSnapshot() {
    const tx = this.db.transaction('snapshot', 'readwrite');
    tx.objectStore('snapshot').delete('corpus');
    await done(tx);
  }

  /** Runs `fn(tx)` with the generation bumped in the same transaction. */
  async change(stores, fn) {
    const tx = this.db.transaction([...stores, 'meta'], 'readwrite');
    const committed = done(tx);
    committed.catch(() => {}); // handled below; keeps an early abort from being "unhandled"
    const meta = tx.objectStore('meta');
    let before = 0;
    try {
      before = (await request(meta.get('generation'))) ?? 0;
      await fn(tx);
      meta.put(before + 1, 'generation');
    } catch (e) {
      try { tx.abort(); } catch { /* already finished */ }
      await committed.catch(() => {});
      throw e instanceof StoreError ? e : storeError(e);
    }
    await committed;
    return { before, after: before + 1 };
  }
}
