// The store's stand-in when IndexedDB cannot be opened (some private modes): the same
// methods as store.js's IdbStore, kept in memory, so the tab keeps working and the page says
// that nothing will be kept. Loaded only then (not part of the start-up shell).

/** The same methods, kept in memory: nothing survives the tab. */
export class MemoryStore {
  constructor(reason) {
    this.persistent = false;
    this.reason = reason?.message ?? String(reason ?? '');
    this.files = [];
    this.seq = 0;
    this.generation = 0;
    this.seeded = false;
  }
  async state() {
    return { generation: this.generation, seeded: this.seeded, snapshot: null, files: this.files.length };
  }
  async allFiles() {
    return [...this.files];
  }
  bump() {
    this.generation++;
    return { before: this.generation - 1, after: this.generation };
  }
  async putFiles(records) {
    for (const r of records) this.files.push({ ...r, removed: r.removed ?? [], seq: ++this.seq });
    return this.bump();
  }
  async setHashes(updates) {
    if (!updates.length) return null;
    for (const { seq, hashes } of updates) {
      const rec = this.files.find((r) => r.seq === seq);
      if (rec) rec.hashes = hashes;
    }
    return this.bump();
  }
  async setOutlets(names) {
    for (const rec of this.files) {
      for (const h of rec.hashes) if (h in names) rec.outlets = { ...rec.outlets, [h]: names[h] };
    }
    return this.bump();
  }
  async removeHashes(hashes) {
    const wanted = new Set(hashes);
    this.files = this.files.flatMap((rec) => {
      const removed = new Set([...rec.removed, ...rec.hashes.filter((h) => wanted.has(h))]);
      return rec.hashes.every((h) => removed.has(h)) ? [] : [{ ...rec, removed: [...removed] }];
    });
    return this.bump();
  }
  async filesFor(hashes) {
    return hashes.map((hash) => {
      const rec = this.files.find((r) => r.hashes.includes(hash));
      return rec ? { hash, name: rec.name, bytes: rec.bytes } : null;
    });
  }
  async clear() {
    this.files = [];
    return this.bump();
  }
  async replaceFiles(records) {
    this.files = records.map((r) => ({ ...r, removed: r.removed ?? [], seq: ++this.seq }));
    return this.bump();
  }
  async setSeeded(value) {
    this.seeded = value === true;
  }
  async getMeta(key) {
    return this.meta?.get(key);
  }
  async putMeta(key, value) {
    (this.meta ??= new Map()).set(key, value);
  }
  async putSnapshot() {}
  async deleteSnapshot() {}
}
