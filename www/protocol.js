// The one module that names every message between the page (app.js) and the worker
// (worker.js). Both import it; no other file spells a message type.
//
// Two kinds of message cross the boundary:
//
//   requests   page → worker   {type: Request.X, reqId, ...payload}
//              worker → page   {type: Event.REPLY, reqId, ok: true, value}
//                              {type: Event.REPLY, reqId, ok: false, error: "message", code?}
//              Every request gets exactly one REPLY carrying its reqId.
//
//   events     worker → page   {type: Event.X, ...payload}, unsolicited
//
//   page                                   worker
//    │  ── new Worker(worker.js) ──────────►  init wasm, open the store (IndexedDB),
//    │                                        restore the saved corpus (snapshot, else replay
//    │                                        the saved files), or add the seeds to an empty one
//    │  ◄──── PROGRESS {phase, done, total, file, added}   (while restoring)
//    │  ◄────────────── READY {size, report, storage}
//    │  ── SEARCH {query, lang, source, …} ─►
//    │  ◄────────────── REPLY {total, hits, facets, error?}
//    │  ── ADD_FILES {job, total} ───────────►
//    │  ── ADD_CHUNK {job, files: [{name, bytes}]} ► (repeated) adds, saves in batches
//    │  ◄──── PROGRESS {phase: 'add', done, total, file, added}  after each saved batch
//    │  ── CANCEL ───────────────────────────►  (stops after the batch being saved)
//    │  ◄────────────── REPLY {report, size}
//    │  ◄────────────── FATAL {message}        (wasm failed to start; nothing else works)
//
// Articles are named by content hash (16 hex digits) on this boundary; the core's numeric
// ids stay inside the worker (they change when a corpus is rebuilt).

/** Messages the page sends; each is answered by one `Event.REPLY`. */
export const Request = Object.freeze({
  /**
   * `{query, lang: "all"|"ar"|"en", source?, from?, to?, sort?, limit, offset, exact}`
   * → `{total, hits: [{hash, file, title, lang, score, snippet, date?}], facets, error?}`.
   * Each facet counts the query's matches whatever its own filter.
   */
  SEARCH: 'search',
  /**
   * `{job, total, origin?: "upload"|"link"}` → `{report, size}` once all `total` files, sent
   * in ADD_CHUNK messages, are read. `report`: `{files, read, added: [{hash, file, title,
   * lang}], warnings: [{file, message, skipped}], cancelled, unsaved: [file names],
   * storageFull}`. An article is in `added` only once it is saved (IndexedDB); PROGRESS
   * events report the saved count as it grows.
   */
  ADD_FILES: 'add-files',
  /**
   * `{job, files: [{name, bytes?: ArrayBuffer, error?}]}` → `{}`: the next files of ADD_FILES
   * job `job`, their bytes transferred (not copied). The page reads the files (an async read
   * that costs its thread nothing) and stays a bounded number of files ahead of the worker's
   * PROGRESS: posting File handles instead costs the page thread a browser round trip per
   * file, at times 100 ms for a few dozen files. `error`: the file could not be read.
   */
  ADD_CHUNK: 'add-chunk',
  /** `{}` → `{}`: stops the running ADD_FILES after the batch being saved. */
  CANCEL: 'cancel',
  /**
   * `{hash, query?, exact?, crossLingual?}` → the whole article (`Corpus.get`, with `hash`) or `null`; with
   * a query, also `marked: {title, paragraphs, hits}`, the text as `[{text, hit}]` segments.
   */
  GET: 'get',
  /** `{hashes}` → `[{hash, file, title, lang} | null]`, in the same order. */
  LOOKUP: 'lookup',
  /**
   * `{hashes}` or `{search: {query, lang, source, …}}` (every article the search matches)
   * → `{removed, size}`. Removed articles are deleted from the store too.
   */
  REMOVE: 'remove',
  /** `{}` → `{size: 0}`: empties the corpus and the store. */
  CLEAR: 'clear',
  /** `{}` → `{report, size}`: adds the demo articles (seeds/) again. */
  LOAD_DEMO: 'load-demo',
  /** `{hashes}` → `{files: [{name, bytes: Uint8Array}], missing: [hash]}`: the saved files. */
  FILES: 'files',
  /** `{}` → `{blob, name, articles}`: the corpus as a bundle file (see pkg-bundle/bundle.js). */
  EXPORT_BUNDLE: 'export-bundle',
  /**
   * `{blob, replace}` → `{report, size, instant}`: adds a bundle's articles to the corpus, or
   * with `replace` swaps the corpus for them once they are read and saved. Fails (code
   * "bundle", "version", "size" or "quota") with the corpus and store unchanged when the
   * bundle is damaged, too large once inflated, holds no readable article, or cannot be saved.
   */
  IMPORT_BUNDLE: 'import-bundle',
  /**
   * `{search: {query, lang, …}, format: "csv"|"json", columns}` → `{blob, rows}`: every result
   * of the search as a table file (see pkg-export/export.js).
   */
  EXPORT_RESULTS: 'export-results',
  ANALYZE: 'analyze',
  /** `{pattern}` → `{articles, files, sample}`: the articles a file-name pattern picks. */
  OUTLET_FILES: 'outlet-files',
  /** `{pattern, name}` → `{name, refused, changed, articles}`: names their outlet (saved). */
  NAME_OUTLET: 'name-outlet',
  /**
   * `{search: {query, lang, …}}` (every article it matches) or `{hashes}` → `{blob, name,
   * articles}`: a bundle of those articles only (see pkg-bundle/worker.js exportSelection).
   */
  EXPORT_SELECTION: 'export-selection',
  /**
   * `{hashes}` (2–4) → the compare view's alignment (`Corpus.align`, with `hash` on each
   * article), or `null` before the lexicon is linked or with fewer than two articles.
   */
  ALIGN: 'align',
  /**
   * The user's own names (pkg-userlex/worker.js): `{op: "get"}` → `{entries, problem}`;
   * `{op: "read", text}` → `{entries, problems, more}` (a file checked, nothing changed);
   * `{op: "put", entries}` → `{entries, problem}` (saved, the corpus linked again);
   * `{op: "propose", hash?, limit}` → `{proposals, …}`. `problem`: why the user's names
   * could not be linked (then the shipped lexicon alone is), or null.
   */
  NAMES: 'names',
  /**
   * Same story (full build, pkg-stories/worker.js): `{op: "pairs", hash, names}` → `{candidates:
   * [{hash, file, title, date, score, shared}]}` (the other language's articles on its story);
   * `{op: "stories", names}` → `{stories: [{label_en, label_ar, en, ar, from, to}], total, partial}`.
   */
  STORIES: 'stories',
});

/** Messages the worker sends. */
export const Event = Object.freeze({
  /** The answer to one request: `{reqId, ok, value}` or `{reqId, ok: false, error}`. */
  REPLY: 'reply',
  /**
   * The corpus is loaded: `{size, report, storage: {persistent, restored, from}}`. Sent once.
   * `storage.persistent` is false when IndexedDB cannot be used (then nothing is kept after a
   * reload); `from` is "snapshot", "files", "seeds" or "empty".
   */
  READY: 'ready',
  /**
   * Work on files: `{phase: "restore"|"add"|"import", done, total, file, added, size, job}`:
   * `done` files of `total` read, `file` the one being read, `added` articles saved so far,
   * `size` the corpus's saved articles, `job` the ADD_FILES job (null for others).
   */
  PROGRESS: 'progress',
  /** The store was changed by another tab: `{}`; this tab's corpus is out of date. */
  STALE: 'stale',
  /** The wasm core could not start: `{message}`. */
  FATAL: 'fatal',
  LEXICON: 'lexicon',
  /** The corpus tools' index being built: `{seq, done, total}` articles (pkg-analysis). */
  TOOLS: 'tools',
});

/**
 * Requests that only read: a worker busy with nothing else may be ended and replaced (its
 * wasm cannot be interrupted, and a read leaves nothing half-written).
 */
const READ_ONLY = new Set([Request.SEARCH, Request.GET, Request.LOOKUP, Request.FILES, Request.EXPORT_RESULTS, Request.ALIGN]);

/**
 * The page's side of the protocol: `call(type, payload)` returns a promise of the reply's
 * value (rejects with an Error carrying the worker's message); `on(eventType, fn)` listens
 * to unsolicited events ("error": the worker's own error events). `spawn()` makes a
 * replacement worker for `restart`.
 */
export function connect(worker, spawn = null) {
  let nextId = 1;
  let current = worker;
  let ready = false; // the current worker has sent READY
  let restarting = null; // resolves the restart once the new worker is READY
  // Counts whatever may change what a search answers: a request that is no read, and any
  // word from the worker but a reply (progress, a new lexicon, another tab's change...).
  let changes = 0;
  const pending = new Map();
  const listeners = new Map();
  const emit = (type, msg) => {
    for (const fn of listeners.get(type) ?? []) fn(msg);
  };
  const listen = (wk) => {
    wk.addEventListener('message', (e) => {
      if (wk !== current) return; // a late word from an ended worker
      const msg = e.data;
      if (msg.type !== Event.REPLY) changes++;
      if (msg.type === Event.REPLY) {
        const p = pending.get(msg.reqId);
        if (!p) return;
        pending.delete(msg.reqId);
        if (msg.ok) p.resolve(msg.value);
        else p.reject(Object.assign(new Error(msg.error), { code: msg.code }));
      } else if (restarting && (msg.type === Event.READY || msg.type === Event.FATAL)) {
        // A replacement restored the same saved corpus: the page already knows it.
        ready = msg.type === Event.READY;
        restarting();
        restarting = null;
        if (!ready) emit(msg.type, msg);
      } else {
        if (msg.type === Event.READY) ready = true;
        emit(msg.type, msg);
      }
    });
    wk.addEventListener('error', (e) => {
      if (wk === current) emit('error', e);
    });
  };
  listen(worker);
  return {
    call(type, payload = {}, transfer = []) {
      const reqId = nextId++;
      if (!READ_ONLY.has(type)) changes++;
      return new Promise((resolve, reject) => {
        pending.set(reqId, { resolve, reject, type, since: performance.now() });
        current.postMessage({ ...payload, type, reqId }, transfer);
      });
    },
    on(type, fn) {
      if (!listeners.has(type)) listeners.set(type, []);
      listeners.get(type).push(fn);
    },
    /**
     * Rises whenever the corpus may have changed (see `changes` above): an answer kept from
     * before is good only while it stays the same, and no write is still under way.
     */
    get changes() {
      for (const p of pending.values()) if (!READ_ONLY.has(p.type)) return Infinity;
      return changes;
    },
    /** Requests sent and not yet answered. */
    get pending() {
      return pending.size;
    },
    /** Milliseconds the oldest unanswered request of `type` has waited (0: none). */
    waiting(type) {
      let oldest = Infinity;
      for (const p of pending.values()) if (p.type === type) oldest = Math.min(oldest, p.since);
      return oldest === Infinity ? 0 : performance.now() - oldest;
    },
    /**
     * Ends a worker stuck in a long read (a costly /regex/ search) and starts another, which
     * restores the saved corpus (a snapshot: fast). Only while every unanswered request is a
     * read, so no upload, import, removal or save is cut short; those reads fail with code
     * "stopped". Returns whether it restarted; resolves once the new worker is ready.
     */
    async restart() {
      if (!spawn || !ready || restarting) return false;
      for (const p of pending.values()) if (!READ_ONLY.has(p.type)) return false;
      current.terminate();
      ready = false;
      const stopped = [...pending.values()];
      pending.clear();
      for (const p of stopped) p.reject(Object.assign(new Error('stopped'), { code: 'stopped' }));
      const done = new Promise((resolve) => { restarting = resolve; });
      current = spawn();
      listen(current);
      await done;
      return true;
    },
  };
}
