// The Web Worker that owns the wasm core, the corpus and its store. The page thread only
// renders; everything that reads or scores text happens in the `Corpus` here, and every
// IndexedDB access in store.js. I/O only: this file reads bytes, hands them to wasm, saves
// them, and posts plain objects back.
import init, { Corpus as SmallCorpus } from './pkg/qarin.js';

// The start-up build reads plain text and has no regex search, to keep the app shell
// small; the full build (pkg-full/) is loaded the first time a file or a query needs it,
// and the corpus moves over through toBytes()/fromBytes().
let Corpus = SmallCorpus;
let fullBuild = null;

/** Switches to the full build (once), carrying the corpus over. */
function useFullBuild() {
  fullBuild ??= (async () => {
    const full = await import('./pkg-full/qarin.js');
    await full.default();
    const moved = full.Corpus.fromBytes(corpus.toBytes());
    corpus.free?.();
    corpus = moved;
    Corpus = full.Corpus;
  })();
  return fullBuild;
}

/** A `/regex/` at the start of a query or after a space, parenthesis or minus. */
const REGEX_QUERY = /(^|[\s(-])\/[^/]/;
import { Request, Event } from './protocol.js';
import { openStore } from './store.js';
import { encodeBundle, decodeBundle, bundleName } from './bundle.js';
import { toCsv, toJson, RESULT_COLUMNS } from './export.js';
import { t } from './i18n.js';

/** Progress events are posted at most this often while files are read. */
const PROGRESS_EVERY_MS = 100;
/** A batch of added files is saved in one transaction after this much work or this many files. */
const BATCH_MS = 60;
const BATCH_FILES = 250;
/** Files read ahead of the one being added. */
const READ_AHEAD = 16;

let corpus = null;
let store = null;
let dead = null; // the message of a fatal error: the wasm instance must not be used again
let coreTag = ''; // names the wasm build; a snapshot from another build is not used
let known = 0; // the store generation this corpus reflects
let staleSent = false;
const idOf = new Map(); // hash → core id
const hashOf = new Map(); // core id → hash
let cancelEpoch = 0; // ADD jobs started before a CANCEL stop
let queue = Promise.resolve(); // changes to the corpus run one at a time, in order
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('qarin-store') : null;

const ready = start();

async function start() {
  try {
    const res = await fetch(new URL('./pkg/qarin_bg.wasm', import.meta.url));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const bytes = await res.arrayBuffer();
    coreTag = `${bytes.byteLength}-${fnv1a(new Uint8Array(bytes))}`;
    await init({ module_or_path: bytes });
    corpus = new Corpus();
  } catch (e) {
    fatal(note('core_failed', { error: messageOf(e) }));
    return;
  }
  store = await openStore();
  channel?.addEventListener('message', (e) => {
    if (typeof e.data?.generation === 'number' && e.data.generation > known) stale();
  });
  let restored;
  try {
    restored = await restore();
  } catch (e) {
    restored = { from: 'empty', report: emptyReport(0) };
    restored.report.warnings.push({ file: '', ...note('saved_corpus_unreadable', { error: messageOf(e) }), skipped: true });
  }
  self.postMessage({
    type: Event.READY,
    size: corpus.size,
    report: restored.report,
    storage: { persistent: store.persistent, from: restored.from, reason: store.reason ?? '' },
  });
}

/**
 * Loads the saved corpus: the snapshot when it is current, else every saved file read again
 * in upload order; an empty store that never had the demo articles gets them.
 */
async function restore() {
  const state = await store.state();
  known = state.generation;
  if (state.files === 0) {
    if (state.seeded) return { from: 'empty', report: emptyReport(0) };
    const report = await addFiles(await seedFiles(), { origin: 'seed', phase: 'restore' });
    await store.setSeeded(true).catch(() => {});
    return { from: 'seeds', report };
  }
  const snap = state.snapshot;
  if (snap && snap.format === 1 && snap.generation === state.generation && snap.core === coreTag) {
    try {
      const loaded = Corpus.fromBytes(snap.bytes);
      corpus.free();
      corpus = loaded;
      remap();
      return { from: 'snapshot', report: emptyReport(0) };
    } catch {
      // damaged or from another core version: rebuilt from the files below
    }
  }
  const records = await store.allFiles();
  if (records.some((rec) => !Corpus.readsFile(rec.name, new Uint8Array(rec.bytes)))) await useFullBuild();
  const report = emptyReport(records.length);
  const changed = [];
  let last = 0;
  records.forEach((rec, i) => {
    if (dead) return;
    let result;
    try {
      result = corpus.addBytes(rec.name, new Uint8Array(rec.bytes));
    } catch (e) {
      report.warnings.push({ file: rec.name, message: messageOf(e), skipped: true });
      return;
    }
    const removed = new Set(rec.removed ?? []);
    const kept = [];
    for (const a of result.added) {
      if (removed.has(a.hash)) corpus.remove(a.id);
      else {
        report.added.push(summary(a));
        kept.push(a.hash);
      }
    }
    // A newer core may read the file into other articles: the saved index must follow.
    if (kept.join() !== (rec.hashes ?? []).filter((h) => !removed.has(h)).join()) changed.push({ seq: rec.seq, hashes: kept });
    report.read++;
    const now = Date.now();
    if (now - last >= PROGRESS_EVERY_MS || i === records.length - 1) {
      last = now;
      progress('restore', i + 1, records.length, rec.name, report.added.length);
    }
  });
  corpus.shrink?.();
  remap();
  if (changed.length) {
    try {
      const g = await store.setHashes(changed);
      if (g) noteGeneration(g);
    } catch {
      // the next start tries again
    }
  }
  await saveSnapshot();
  return { from: 'files', report };
}

/** Rebuilds the hash ↔ id maps from the corpus. */
function remap() {
  idOf.clear();
  hashOf.clear();
  for (const a of corpus.list({})) {
    idOf.set(a.hash, a.id);
    hashOf.set(a.id, a.hash);
  }
}

function summary(a) {
  return { hash: a.hash, file: a.file, title: a.title, lang: a.lang };
}

function emptyReport(files) {
  return { files, read: 0, added: [], warnings: [], cancelled: false, unsaved: [], storageFull: false };
}

/** The demo articles: `[{name, bytes}]` from seeds/index.json, fetched in parallel. */
async function seedFiles() {
  const base = new URL('./seeds/', import.meta.url);
  let names;
  try {
    const res = await fetch(new URL('index.json', base));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    names = await res.json();
    if (!Array.isArray(names)) throw new Error('index.json is not a list of file names');
  } catch (e) {
    return [{ name: 'seeds/index.json', error: messageOf(e) }];
  }
  return names
    .filter((n) => typeof n === 'string')
    .map((name) => {
      const bytes = fetch(new URL(encodeURIComponent(name), base)).then((res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.arrayBuffer();
      });
      bytes.catch(() => {}); // awaited in order below; no "unhandled" report before that
      return { name, bytes };
    });
}

/**
 * Reads, adds and saves files in batches: an article is reported (in PROGRESS and in the
 * returned report) only after its file is saved. `files`: `[{name, blob? | bytes?,
 * removed?: [hash], error?}]`; `bytes` may be a promise.
 */
async function addFiles(files, { origin = 'upload', phase = 'add', total = files.length, more = null, job = null } = {}) {
  const epoch = cancelEpoch;
  const report = emptyReport(total);
  const reads = new Map();
  const readAt = (j) => {
    if (j >= files.length || reads.has(j)) return;
    const f = files[j];
    const p = Promise.resolve(f.error ? Promise.reject(new Error(f.error)) : f.blob ? f.blob.arrayBuffer() : f.bytes);
    p.catch(() => {});
    reads.set(j, p);
  };
  let i = 0;
  let lastProgress = 0;
  let current = '';
  const base = corpus.size; // articles saved before this job (changes run one at a time)
  const tick = (force = false) => {
    const now = Date.now();
    if (force || now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      progress(phase, i, total, current, report.added.length, base + report.added.length, job);
    }
  };
  progress(phase, 0, total, files[0]?.name ?? '', 0, base, job);
  while (i < total && !dead) {
    if (cancelEpoch !== epoch) {
      report.cancelled = true;
      break;
    }
    const batch = [];
    const began = performance.now();
    // From the batch's first article until the batch is saved, reads wait: no search
    // shows an article that is not yet saved.
    let gate = null;
    while (i < total && batch.length < BATCH_FILES && performance.now() - began < BATCH_MS) {
      if (i >= files.length) {
        if (batch.length || !more) break; // save what is read before waiting for more files
        gate?.open();
        gate = null;
        tick(true); // the page sends more files when it sees how far this job has read
        await more();
        if (cancelEpoch !== epoch) break;
        continue;
      }
      for (let j = i; j < i + READ_AHEAD; j++) readAt(j);
      const f = files[i];
      const name = String(f.name);
      current = name;
      let buf;
      try {
        buf = await reads.get(i);
      } catch (e) {
        report.warnings.push({ file: name, ...note('file_unreadable', { error: messageOf(e) }), skipped: true });
        continue;
      } finally {
        reads.delete(i);
        i++;
      }
      if (dead || cancelEpoch !== epoch) break;
      let result;
      gate ??= closeGate();
      try {
        if (!Corpus.readsFile(name, new Uint8Array(buf))) await useFullBuild();
        result = corpus.addBytes(name, new Uint8Array(buf));
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) {
          fatal(note('core_crashed_reading', { file: name }));
          break;
        }
        report.warnings.push({ file: name, message: messageOf(e), skipped: true });
        continue;
      }
      report.read++;
      const removed = new Set(f.removed ?? []);
      const kept = [];
      for (const a of result.added) {
        if (removed.has(a.hash)) corpus.remove(a.id);
        else kept.push(a);
      }
      if (kept.length) {
        batch.push({
          record: { name, bytes: buf, hashes: kept.map((a) => a.hash), removed: [...removed], origin },
          added: kept,
          warnings: result.warnings,
        });
      } else {
        report.warnings.push(...result.warnings);
      }
      tick();
    }
    let saved = true;
    try {
      if (batch.length) saved = await commit(batch, report);
    } finally {
      gate?.open();
    }
    if (!saved) {
      // Storage is full: nothing after this is saved, so nothing after this is added.
      while (files.length < total && more) await more();
      for (let j = i; j < files.length; j++) report.unsaved.push(String(files[j].name));
      i = total;
    }
    tick(true);
  }
  if (report.added.length || report.cancelled) {
    corpus.shrink?.(); // give back the memory the index kept for growth
    await saveSnapshot();
  }
  return report;
}

/**
 * Saves a batch's files in one transaction; their articles count as added only then. When
 * storage is full, saves what fits one file at a time and takes the rest out of the corpus.
 * Returns false when storage is full.
 */
async function commit(batch, report) {
  const accept = (items) => {
    for (const item of items) {
      for (const a of item.added) {
        idOf.set(a.hash, a.id);
        hashOf.set(a.id, a.hash);
        report.added.push(summary(a));
      }
      report.warnings.push(...item.warnings);
    }
  };
  try {
    noteGeneration(await store.putFiles(batch.map((b) => b.record)));
    accept(batch);
    return true;
  } catch (e) {
    if (e.code !== 'quota') {
      drop(batch, report, note('not_saved', { error: messageOf(e) }));
      return true;
    }
  }
  report.storageFull = true;
  let k = 0;
  for (; k < batch.length; k++) {
    try {
      noteGeneration(await store.putFiles([batch[k].record]));
      accept([batch[k]]);
    } catch {
      break;
    }
  }
  drop(batch.slice(k), report);
  return false;
}

/** Takes a batch's articles out of the corpus again: they could not be saved. */
function drop(items, report, message = null) {
  for (const item of items) {
    for (const a of item.added) {
      try {
        corpus.remove(a.id);
      } catch {
        // already gone
      }
    }
    report.unsaved.push(item.record.name);
    if (message) report.warnings.push({ file: item.record.name, ...message, skipped: true });
  }
}

/** Keeps track of the store's generation; another tab's change makes this corpus stale. */
function noteGeneration({ before, after }) {
  if (before !== known) stale();
  known = after;
  channel?.postMessage({ generation: after });
}

function stale() {
  if (staleSent) return;
  staleSent = true;
  self.postMessage({ type: Event.STALE });
}

/** Writes the corpus snapshot (a cache: failing only costs speed on the next start). */
async function saveSnapshot() {
  try {
    if (corpus.size === 0) await store.deleteSnapshot();
    else await store.putSnapshot({ generation: known, core: coreTag, bytes: corpus.toBytes() });
  } catch {
    await store.deleteSnapshot().catch(() => {});
  }
}

function progress(phase, done, total, file, added, size = null, job = null) {
  self.postMessage({ type: Event.PROGRESS, phase, done, total, file, added, size, job });
}

/**
 * Reads (search, get, lookup, export) wait at a closed gate: it is closed while a batch of
 * added articles is not yet saved. `closeGate()` returns `{open()}`.
 */
let gateWait = null;
function closeGate() {
  let open;
  gateWait = new Promise((resolve) => { open = resolve; });
  const mine = gateWait;
  return {
    open() {
      if (gateWait === mine) gateWait = null;
      open();
    },
  };
}
const READS = new Set([Request.SEARCH, Request.GET, Request.LOOKUP, Request.EXPORT_RESULTS, Request.EXPORT_BUNDLE, Request.FILES]);

/** Runs `fn` after every change queued before it. */
function serial(fn) {
  const run = queue.then(fn);
  queue = run.catch(() => {});
  return run;
}

// ── search and reading ──

function searchOptions(s = {}) {
  const str = (v) => (typeof v === 'string' && v ? v : undefined);
  // One source name or several (any of them matches).
  const names = (v) => (Array.isArray(v) ? v.filter((n) => typeof n === 'string' && n) : str(v) ? [v] : []);
  return {
    lang: s.lang === 'ar' || s.lang === 'en' ? s.lang : undefined,
    source: names(s.source),
    entity: str(s.entity),
    from: str(s.from),
    to: str(s.to),
    sort: s.sort === 'date' ? 'date' : undefined,
    limit: Number.isInteger(s.limit) && s.limit >= 0 ? s.limit : 50,
    offset: Number.isInteger(s.offset) && s.offset >= 0 ? s.offset : 0,
    exact: s.exact === true,
    fold: s.fold === true,
  };
}

function search(s) {
  const result = corpus.search(String(s.query ?? ''), searchOptions(s));
  for (const hit of result.hits) hit.hash = hashOf.get(hit.id) ?? corpus.get(hit.id)?.hash ?? null;
  return result;
}

/** Every hit of a search (no paging), best first. */
function searchAll(s) {
  const first = search({ ...s, limit: 0, offset: 0 });
  if (first.error) return first;
  return search({ ...s, limit: first.total, offset: 0 });
}

/** Files of ADD_FILES jobs as their chunks arrive: job id → {files, total, more(), wake()}. */
const jobs = new Map();
const finishedJobs = new Set();
function jobFor(id) {
  let job = jobs.get(id);
  if (!job) {
    let waiter = null;
    job = {
      files: [],
      total: null,
      /** Resolves when more files (or the total) arrive. */
      more: () => new Promise((resolve) => { waiter = resolve; }),
      wake: () => {
        const w = waiter;
        waiter = null;
        w?.();
      },
    };
    jobs.set(id, job);
  }
  return job;
}

function idFor(hash) {
  const id = idOf.get(hash);
  return id === undefined ? null : id;
}

const handlers = {
  async [Request.SEARCH](msg) {
    if (!Corpus.hasRegex() && REGEX_QUERY.test(String(msg.query ?? ''))) await useFullBuild();
    return search(msg);
  },

  [Request.ADD_FILES]({ job, total, origin }) {
    const incoming = jobFor(job);
    incoming.total = Number.isInteger(total) && total >= 0 ? total : 0;
    incoming.wake();
    return serial(async () => {
      try {
        const report = await addFiles(incoming.files, {
          origin: origin === 'link' ? 'link' : 'upload',
          total: incoming.total,
          more: () => incoming.more(),
          job,
        });
        return { report, size: corpus.size };
      } finally {
        jobs.delete(job);
        finishedJobs.add(job);
      }
    });
  },

  [Request.ADD_CHUNK]({ job, files }) {
    if (finishedJobs.has(job)) return {}; // the job ended (cancelled): its late files are dropped
    const incoming = jobFor(job);
    for (const f of files ?? []) {
      incoming.files.push({ name: String(f.name), blob: f.blob, bytes: f.bytes, error: f.error ? String(f.error) : undefined });
    }
    incoming.wake();
    return {};
  },

  [Request.CANCEL]() {
    cancelEpoch++;
    return {};
  },

  [Request.GET]({ hash, query, exact }) {
    const id = idFor(hash);
    if (id === null) return null;
    const article = corpus.get(id);
    if (article && query && String(query).trim()) {
      article.marked = corpus.highlight(id, String(query), { exact: exact === true });
    }
    if (article) {
      // Its near-duplicates: the same story as other outlets printed it.
      article.similar = corpus.list({ similarTo: id }).map((a) => ({ hash: a.hash, title: a.title, file: a.file, lang: a.lang }));
    }
    return article;
  },

  [Request.LOOKUP]({ hashes }) {
    return (hashes ?? []).map((hash) => {
      const id = idFor(hash);
      const a = id === null ? null : corpus.get(id);
      return a ? { hash, file: a.file, title: a.title, lang: a.lang } : null;
    });
  },

  [Request.REMOVE]({ hashes, search: s }) {
    return serial(async () => {
      let wanted = hashes ?? [];
      if (s) {
        const result = searchAll(s);
        if (result.error) throw new Error(result.error.message);
        wanted = result.hits.map((h) => h.hash);
      }
      wanted = [...new Set(wanted)].filter((h) => idOf.has(h));
      if (!wanted.length) return { removed: 0, size: corpus.size };
      noteGeneration(await store.removeHashes(wanted));
      for (const h of wanted) {
        const id = idOf.get(h);
        corpus.remove(id);
        idOf.delete(h);
        hashOf.delete(id);
      }
      await saveSnapshot();
      return { removed: wanted.length, size: corpus.size };
    });
  },

  [Request.CLEAR]() {
    cancelEpoch++;
    return serial(async () => {
      noteGeneration(await store.clear());
      await store.setSeeded(true).catch(() => {});
      corpus.free();
      corpus = new Corpus();
      remap();
      return { size: 0 };
    });
  },

  [Request.LOAD_DEMO]() {
    return serial(async () => {
      const report = await addFiles(await seedFiles(), { origin: 'seed' });
      await store.setSeeded(true).catch(() => {});
      return { report, size: corpus.size };
    });
  },

  async [Request.FILES]({ hashes }) {
    const list = await store.filesFor(hashes ?? []);
    const files = [];
    const seen = new Set();
    const missing = [];
    list.forEach((f, k) => {
      if (!f) missing.push(hashes[k]);
      else if (!seen.has(f.name)) {
        seen.add(f.name);
        files.push({ name: f.name, bytes: new Uint8Array(f.bytes) });
      }
    });
    return { files, missing };
  },

  [Request.EXPORT_BUNDLE]() {
    return serial(async () => {
      const records = await store.allFiles();
      const blob = await encodeBundle({ corpusBytes: corpus.toBytes(), files: records, articles: corpus.size });
      return { blob, name: bundleName(), articles: corpus.size };
    });
  },

  [Request.IMPORT_BUNDLE]({ blob, replace }) {
    if (replace) cancelEpoch++;
    return serial(async () => {
      const bundle = await decodeBundle(blob);
      if (replace && corpus.size > 0) {
        noteGeneration(await store.clear());
        corpus.free();
        corpus = new Corpus();
        remap();
      }
      if (corpus.size === 0) {
        const instant = await importInstantly(bundle);
        if (instant) return instant;
      }
      const files = bundle.files.map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer, removed: f.removed }));
      const report = await addFiles(files, { origin: 'bundle', phase: 'import' });
      return { report, size: corpus.size, instant: false };
    });
  },

  [Request.EXPORT_RESULTS]({ search: s, format, labels }) {
    const result = searchAll(s ?? {});
    if (result.error) throw new Error(result.error.message);
    const rows = result.hits.map((hit, k) => {
      const a = corpus.get(hit.id);
      return {
        rank: k + 1,
        title: hit.title,
        lang: hit.lang,
        source: a?.outlet ?? a?.agency ?? '',
        date: a?.date ?? hit.date ?? '',
        score: String(s?.query ?? '').trim() ? Math.round(hit.score * 1000) / 1000 : null,
        file: hit.file,
        hash: hit.hash,
        snippet: (hit.snippet ?? []).map((seg) => seg.text).join(''),
      };
    });
    const columns = RESULT_COLUMNS.map((key) => ({ key, label: labels?.[key] ?? key }));
    const text = format === 'json' ? toJson(columns, rows) : toCsv(columns, rows);
    const type = format === 'json' ? 'application/json' : 'text/csv;charset=utf-8';
    return { blob: new Blob([text], { type }), rows: rows.length };
  },
};

/**
 * A bundle into an empty corpus: its corpus bytes are loaded as they are (no re-reading) and
 * its files saved. Returns null when the bytes cannot be used (then the files are read).
 */
async function importInstantly(bundle) {
  let loaded;
  try {
    loaded = Corpus.fromBytes(bundle.corpusBytes);
  } catch {
    return null;
  }
  const listed = loaded.list({});
  const inFiles = new Set(bundle.files.flatMap((f) => f.hashes));
  if (!listed.every((a) => inFiles.has(a.hash))) {
    loaded.free();
    return null;
  }
  const records = bundle.files
    .filter((f) => f.hashes.length)
    .map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer, hashes: f.hashes, removed: f.removed, origin: 'bundle' }));
  try {
    noteGeneration(await store.putFiles(records));
  } catch (e) {
    loaded.free();
    const report = emptyReport(bundle.files.length);
    report.storageFull = e.code === 'quota';
    report.unsaved = bundle.files.map((f) => f.name);
    report.warnings.push({ file: '', ...note('not_saved', { error: messageOf(e) }), skipped: true });
    return { report, size: corpus.size, instant: false };
  }
  corpus.free();
  corpus = loaded;
  remap();
  try {
    await store.putSnapshot({ generation: known, core: coreTag, bytes: bundle.corpusBytes });
  } catch {
    // a cache only
  }
  const report = emptyReport(bundle.files.length);
  report.read = bundle.files.length;
  report.added = listed.map(summary);
  return { report, size: corpus.size, instant: true };
}

self.addEventListener('message', async (e) => {
  const msg = e.data;
  const { reqId, type } = msg;
  await ready;
  try {
    if (dead) throw new Error(dead);
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request: ${type}`);
    while (gateWait && READS.has(type)) await gateWait;
    const value = await handler(msg);
    self.postMessage({ type: Event.REPLY, reqId, ok: true, value });
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) fatal(note('core_crashed', {}));
    self.postMessage({ type: Event.REPLY, reqId, ok: false, error: messageOf(err), code: err?.code });
  }
});

/** `message` (a `note`): the page shows it in the UI language; requests fail with its English. */
function fatal(message) {
  if (dead) return;
  dead = message.message;
  self.postMessage({ type: Event.FATAL, message });
}

/**
 * A message of the worker's own, shaped like the core's (`{code, args, message}`): the page
 * shows `worker.<code>` from www/i18n.js in the UI language; `message` is the English.
 */
function note(code, args) {
  return { code: `worker.${code}`, args, message: t(`worker.${code}`, args, '', 'en') };
}

function messageOf(e) {
  return e && typeof e.message === 'string' ? e.message : String(e);
}

/** FNV-1a over bytes, as 8 hex digits: names a wasm build (not a security measure). */
function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
