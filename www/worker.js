// The Web Worker that owns the wasm core and the corpus. The page thread only renders;
// everything that reads or scores text happens in the `Corpus` here. I/O only: this file
// fetches and reads bytes, hands them to wasm and posts plain objects back.
import init, { Corpus } from './pkg/qarin.js';
import { Request, Event } from './protocol.js';

/** Progress events are posted at most this often while files are read. */
const PROGRESS_EVERY_MS = 100;

let corpus = null;
let dead = null; // the message of a fatal error: the wasm instance must not be used again

const ready = start();

async function start() {
  try {
    await init();
    corpus = new Corpus();
  } catch (e) {
    fatal(`The search core could not start: ${messageOf(e)}`);
    return;
  }
  const report = await loadSeeds();
  self.postMessage({ type: Event.READY, size: corpus.size, report });
}

/** Fetches seeds/index.json and every seed file, and adds them in the index's order. */
async function loadSeeds() {
  const base = new URL('./seeds/', import.meta.url);
  let names;
  try {
    const res = await fetch(new URL('index.json', base));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    names = await res.json();
    if (!Array.isArray(names)) throw new Error('index.json is not a list of file names');
  } catch (e) {
    return { files: 0, added: [], warnings: [{ file: 'seeds/index.json', message: `cannot load the seed articles: ${messageOf(e)}`, skipped: true }] };
  }
  const files = names
    .filter((n) => typeof n === 'string')
    .map((name) => {
      // Fetched in parallel, added in order; the no-op catch keeps an early failure from
      // being reported as unhandled before the loop below awaits it.
      const bytes = fetch(new URL(encodeURIComponent(name), base)).then((res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.arrayBuffer();
      });
      bytes.catch(() => {});
      return { name, bytes };
    });
  return addAll(files);
}

/**
 * Adds files one by one, yielding between them so searches can be answered meanwhile.
 * `files`: `[{name, blob?, bytes?: Promise<ArrayBuffer>|ArrayBuffer}]`.
 */
async function addAll(files) {
  const report = { files: files.length, added: [], warnings: [] };
  let lastProgress = 0;
  for (let i = 0; i < files.length; i++) {
    const { name, blob, bytes } = files[i];
    let buf;
    try {
      buf = blob ? await blob.arrayBuffer() : await bytes;
    } catch (e) {
      report.warnings.push({ file: name, message: `cannot read the file: ${messageOf(e)}`, skipped: true });
      continue;
    }
    if (dead) break;
    try {
      const result = corpus.addBytes(name, new Uint8Array(buf));
      for (const a of result.added) report.added.push({ id: a.id, file: a.file, title: a.title, lang: a.lang });
      // `skipped` tells a file that was not added from a note on one that was.
      report.warnings.push(...result.warnings);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        fatal(`The search core crashed while reading ${name}. Reload the page.`);
        break;
      }
      report.warnings.push({ file: name, message: messageOf(e), skipped: true });
    }
    const now = Date.now();
    if (now - lastProgress >= PROGRESS_EVERY_MS || i === files.length - 1) {
      lastProgress = now;
      self.postMessage({ type: Event.PROGRESS, done: i + 1, total: files.length });
    }
  }
  return report;
}

const handlers = {
  [Request.SEARCH]({ query, lang, limit, offset, exact }) {
    return corpus.search(String(query ?? ''), {
      lang: lang === 'ar' || lang === 'en' ? lang : undefined,
      limit: limit ?? 50,
      offset: offset ?? 0,
      exact: exact === true,
    });
  },
  async [Request.ADD_FILES]({ files }) {
    const list = (files ?? []).map((f) => ({ name: String(f.name), blob: f.blob, bytes: f.bytes }));
    const report = await addAll(list);
    return { report, size: corpus.size };
  },
  [Request.GET]({ id, query, exact }) {
    const article = corpus.get(id);
    if (article && query && String(query).trim()) {
      article.marked = corpus.highlight(id, String(query), { exact: exact === true });
    }
    return article;
  },
};

self.addEventListener('message', async (e) => {
  const msg = e.data;
  const { reqId, type } = msg;
  await ready;
  try {
    if (dead) throw new Error(dead);
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request: ${type}`);
    const value = await handler(msg);
    self.postMessage({ type: Event.REPLY, reqId, ok: true, value });
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) fatal('The search core crashed. Reload the page.');
    self.postMessage({ type: Event.REPLY, reqId, ok: false, error: messageOf(err) });
  }
});

function fatal(message) {
  if (dead) return;
  dead = message;
  self.postMessage({ type: Event.FATAL, message });
}

function messageOf(e) {
  return e && typeof e.message === 'string' ? e.message : String(e);
}
