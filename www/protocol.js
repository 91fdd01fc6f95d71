// The one module that names every message between the page (app.js) and the worker
// (worker.js). Both import it; no other file spells a message type.
//
// Two kinds of message cross the boundary:
//
//   requests   page → worker   {type: Request.X, reqId, ...payload}
//              worker → page   {type: Event.REPLY, reqId, ok: true, value}
//                              {type: Event.REPLY, reqId, ok: false, error: "message"}
//              Every request gets exactly one REPLY carrying its reqId.
//
//   events     worker → page   {type: Event.X, ...payload}, unsolicited
//
//   page                                   worker
//    │  ── new Worker(worker.js) ──────────►  init wasm, fetch seeds/, addBytes each
//    │  ◄───────────── PROGRESS {done,total}  (while seeds or uploads are read)
//    │  ◄────────────── READY {size, report}  (seeds loaded; report = ingest report)
//    │  ── SEARCH {query, lang, limit, offset} ►
//    │  ◄────────────── REPLY {total, hits, error?}
//    │  ── ADD_FILES {files: [{name, blob}]} ►  reads each blob as bytes, addBytes
//    │  ◄───────────── PROGRESS {done,total}
//    │  ◄────────────── REPLY {report, size}
//    │  ── GET {id, query?, exact?} ─────────►
//    │  ◄────────────── REPLY article | null
//    │  ◄────────────── FATAL {message}        (wasm failed to start; nothing else works)

/** Messages the page sends; each is answered by one `Event.REPLY`. */
export const Request = Object.freeze({
  /**
   * `{query, lang: "all"|"ar"|"en", limit, offset, exact}` → `{total, hits, facets, error?}`;
   * `facets.lang` counts the query's matches per language whatever the language filter.
   */
  SEARCH: 'search',
  /**
   * `{files: [{name, blob}]}` → `{report, size}`. `blob` is a File or Blob: structured
   * cloning passes a handle, not the bytes, so the worker reads them (as an ArrayBuffer)
   * and the page never holds 10,000 files in memory. `name` is the file's name, or its
   * path inside a dropped or picked folder.
   * `report`: `{files, added: [{id, file, title, lang}], warnings: [{file, message, skipped}]}`
   * (`skipped`: the file, or that part of it, was not added).
   */
  ADD_FILES: 'add-files',
  /**
   * `{id, query?, exact?}` → the whole article (`Corpus.get`) or `null`; with a query, also
   * `marked: {title, paragraphs, hits}`, the text as `[{text, hit}]` segments.
   */
  GET: 'get',
});

/** Messages the worker sends. */
export const Event = Object.freeze({
  /** The answer to one request: `{reqId, ok, value}` or `{reqId, ok: false, error}`. */
  REPLY: 'reply',
  /** Seeds are loaded: `{size, report}`. Sent once. */
  READY: 'ready',
  /** Files are being read: `{done, total}`. */
  PROGRESS: 'progress',
  /** The wasm core could not start: `{message}`. */
  FATAL: 'fatal',
});

/**
 * The page's side of the protocol: `call(type, payload)` returns a promise of the reply's
 * value (rejects with an Error carrying the worker's message); `on(eventType, fn)` listens
 * to unsolicited events.
 */
export function connect(worker) {
  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();
  worker.addEventListener('message', (e) => {
    const msg = e.data;
    if (msg.type === Event.REPLY) {
      const p = pending.get(msg.reqId);
      if (!p) return;
      pending.delete(msg.reqId);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new Error(msg.error));
    } else {
      for (const fn of listeners.get(msg.type) ?? []) fn(msg);
    }
  });
  return {
    call(type, payload = {}, transfer = []) {
      const reqId = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(reqId, { resolve, reject });
        worker.postMessage({ ...payload, type, reqId }, transfer);
      });
    },
    on(type, fn) {
      if (!listeners.has(type)) listeners.set(type, []);
      listeners.get(type).push(fn);
    },
    /** Requests sent and not yet answered. */
    get pending() {
      return pending.size;
    },
  };
}
