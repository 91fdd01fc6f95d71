// The Web Worker that owns the wasm core, the corpus and its store. The page thread only
// renders; everything that reads or scores text happens in the `Corpus` here, and every
// IndexedDB access in store.js. I/O only: the worker reads bytes, hands them to wasm, saves
// them, and posts plain objects back.
//
// This file: start-up, the message loop and the request handlers. Beside it, by purpose:
//   worker/state.js    the corpus, the store, hash ↔ id maps, generation, events, the queue
//   worker/build.js    the start-up and full wasm builds, and when to switch
//   worker/intake.js   files into the corpus and the store, in saved batches; the read gate
//   worker/restore.js  the saved corpus at start-up (snapshot, files, or the demo articles)
// and, loaded on first use (not in the start-up shell): pkg-bundle/worker.js (bundle export
// and import) and pkg-export/rows.js (results as CSV or JSON).
import { Request, Event } from './protocol.js';
import { openStore } from './store.js';
import { w, idOf, hashOf, idFor, swapCorpus, emptyReport, serial, listenForOtherTabs, noteGeneration, saveSnapshot, fatal, note, messageOf } from './worker/state.js';
import { loadStartBuild, useFullBuild } from './worker/build.js';
import { addFiles, seedFiles, seedIndex, closedGate, jobFor, jobEnded, endJob } from './worker/intake.js';
import { restore } from './worker/restore.js';

const ready = start();

async function start() {
  try {
    await loadStartBuild();
  } catch (e) {
    fatal(note('core_failed', { error: messageOf(e) }));
    return;
  }
  w.store = await openStore();
  listenForOtherTabs();
  let restored;
  try {
    restored = await restore();
  } catch (e) {
    restored = { from: 'empty', report: emptyReport(0) };
    restored.report.warnings.push({ file: '', ...note('saved_corpus_unreadable', { error: messageOf(e) }), skipped: true });
  }
  self.postMessage({
    type: Event.READY,
    size: w.corpus.size,
    report: restored.report,
    storage: { persistent: w.store.persistent, from: restored.from, reason: w.store.reason ?? '' },
  });
  serial(() => import('./pkg-lexicon/worker.js').then((m) => m.start())).catch(() => {});
}

/** Requests that read the corpus: they wait while a batch of added articles is unsaved. */
const READS = new Set([Request.SEARCH, Request.GET, Request.LOOKUP, Request.EXPORT_RESULTS, Request.EXPORT_BUNDLE, Request.EXPORT_SELECTION, Request.FILES, Request.ANALYZE, Request.ALIGN, Request.STORIES]);

// ── search and reading ──

function searchOptions(s = {}) {
  const str = (v) => (typeof v === 'string' && v ? v : undefined);
  // One source name or several (any of them matches).
  const names = (v) => (Array.isArray(v) ? v.filter((n) => typeof n === 'string' && n) : str(v) ? [v] : []);
  return {
    lang: typeof s.lang === 'string' && s.lang !== 'all' && /^[a-z]{2,3}$/.test(s.lang) ? s.lang : undefined,
    source: names(s.source),
    from: str(s.from),
    to: str(s.to),
    sort: s.sort === 'date' ? 'date' : undefined,
    limit: Number.isInteger(s.limit) && s.limit >= 0 ? s.limit : 50,
    offset: Number.isInteger(s.offset) && s.offset >= 0 ? s.offset : 0,
    exact: s.exact === true,
    fold: s.fold === true,
    crossLingual: s.crossLingual !== false,
    entities: str(s.ent)?.split(',') ?? [],
  };
}

function search(s) {
  const query = String(s.query ?? '');
  // The core says whether this build can run the query (a /regex/ needs the full build).
  if (w.Corpus.needsFullBuild(query)) return useFullBuild().then(() => search(s));
  w.relink?.();
  const result = w.corpus.search(query, searchOptions(s));
  if (result.suggest_in_full_build) return useFullBuild().then(() => search(s));
  for (const hit of result.hits) hit.hash = hashOf.get(hit.id) ?? w.corpus.get(hit.id)?.hash ?? null;
  return result;
}

/** Every hit of a search (no paging), best first. */
async function searchAll(s) {
  const first = await search({ ...s, limit: 0, offset: 0 });
  if (first.error) return first;
  return search({ ...s, limit: first.total, offset: 0 });
}

const handlers = {
  [Request.SEARCH]: search,

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
        return { report, size: w.corpus.size };
      } finally {
        endJob(job);
      }
    });
  },

  [Request.ADD_CHUNK]({ job, files }) {
    if (jobEnded(job)) return {}; // the job ended (cancelled): its late files are dropped
    const incoming = jobFor(job);
    for (const f of files ?? []) {
      incoming.files.push({ name: String(f.name), blob: f.blob, bytes: f.bytes, error: f.error ? String(f.error) : undefined });
    }
    incoming.wake();
    return {};
  },

  [Request.CANCEL]() {
    w.cancelEpoch++;
    return {};
  },

  [Request.GET](m) {
    const { hash, query, exact, crossLingual } = m;
    const id = idFor(hash);
    if (id === null) return null;
    const q = String(query ?? '');
    // A /regex/ is marked by the build that runs it (as search does).
    if (q.trim() && w.Corpus.needsFullBuild(q)) return useFullBuild().then(() => handlers[Request.GET](m));
    w.relink?.();
    const article = w.corpus.get(id);
    if (article && q.trim()) {
      // A query the core cannot read (typing is not finished) marks nothing: the search says why.
      try {
        article.marked = w.corpus.highlight(id, q, { exact: exact === true, crossLingual: crossLingual !== false });
      } catch {
        article.marked = null;
      }
    }
    if (article) {
      // Its near-duplicates: the same story as other outlets printed it.
      article.similar = w.corpus.list({ similarTo: id }).map((a) => ({ hash: a.hash, title: a.title, file: a.file, lang: a.lang }));
    }
    return article;
  },

  [Request.ALIGN]({ hashes }) {
    // The alignment reads entities: only once the lexicon is linked to this corpus.
    if (typeof w.corpus.align !== 'function' || w.linked !== w.corpus) return null;
    const ids = (Array.isArray(hashes) ? hashes : []).slice(0, 4).map(idFor).filter((id) => id !== null);
    const out = ids.length >= 2 ? w.corpus.align(ids, null) : null;
    for (const a of out?.articles ?? []) a.hash = hashOf.get(a.id);
    return out;
  },

  [Request.LOOKUP]({ hashes }) {
    return (hashes ?? []).map((hash) => {
      const id = idFor(hash);
      const a = id === null ? null : w.corpus.get(id);
      return a ? { hash, file: a.file, title: a.title, lang: a.lang } : null;
    });
  },

  [Request.REMOVE]({ hashes, search: s }) {
    return serial(async () => {
      let wanted = hashes ?? [];
      if (s) {
        const result = await searchAll(s);
        if (result.error) throw new Error(result.error.message);
        wanted = result.hits.map((h) => h.hash);
      }
      wanted = [...new Set(wanted)].filter((h) => idOf.has(h));
      if (!wanted.length) return { removed: 0, size: w.corpus.size };
      noteGeneration(await w.store.removeHashes(wanted));
      for (const h of wanted) {
        const id = idOf.get(h);
        w.corpus.remove(id);
        idOf.delete(h);
        hashOf.delete(id);
      }
      await saveSnapshot();
      return { removed: wanted.length, size: w.corpus.size };
    });
  },

  [Request.CLEAR]() {
    w.cancelEpoch++;
    return serial(async () => {
      noteGeneration(await w.store.clear());
      await w.store.setSeeded(true).catch(() => {});
      swapCorpus(new w.Corpus());
      return { size: 0 };
    });
  },

  [Request.LOAD_DEMO]() {
    return serial(async () => {
      // Seed files whose articles are all here stay as they are: no "duplicate" warnings.
      const here = await seedIndex().then((i) => i.files.filter((f) => f.hashes?.length && f.hashes.every((h) => idOf.has(h))).map((f) => String(f.name)), () => []);
      const report = await addFiles((await seedFiles()).filter((f) => !here.includes(f.name)), { origin: 'seed' });
      report.files += here.length;
      report.kept = here.length;
      await w.store.setSeeded(true).catch(() => {});
      return { report, size: w.corpus.size };
    });
  },

  async [Request.FILES]({ hashes }) {
    const list = await w.store.filesFor(hashes ?? []);
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
    return serial(async () => (await import('./pkg-bundle/worker.js')).exportBundle());
  },

  [Request.IMPORT_BUNDLE]({ blob, replace }) {
    if (replace) w.cancelEpoch++;
    return serial(async () => (await import('./pkg-bundle/worker.js')).importBundle(blob, replace === true));
  },

  async [Request.EXPORT_RESULTS]({ search: s, format, labels }) {
    const { exportResults } = await import('./pkg-export/rows.js');
    const result = await searchAll(s ?? {});
    if (result.error) throw new Error(result.error.message);
    return exportResults(result, s, format, labels, (id) => w.corpus.get(id));
  },

  async [Request.ANALYZE](m) {
    return (await import('./pkg-analysis/worker.js')).analyze(m);
  },

  async [Request.OUTLET_FILES]({ pattern }) {
    return (await import('./pkg-outlets/worker.js')).matchFiles(pattern);
  },

  [Request.EXPORT_SELECTION]({ search: s, hashes }) {
    return serial(async () => {
      let wanted = Array.isArray(hashes) ? hashes : [];
      if (s) {
        const result = await searchAll(s);
        if (result.error) throw new Error(result.error.message);
        wanted = result.hits.map((hit) => hit.hash);
      }
      return (await import('./pkg-bundle/worker.js')).exportSelection(wanted);
    });
  },

  [Request.NAME_OUTLET]({ pattern, name }) {
    return serial(async () => (await import('./pkg-outlets/worker.js')).nameOutlet(pattern, name));
  },

  [Request.NAMES](m) {
    return serial(async () => (await import('./pkg-userlex/worker.js')).handle(m));
  },

  async [Request.STORIES](m) {
    return (await import('./pkg-stories/worker.js')).stories(m);
  },
};

self.addEventListener('message', async (e) => {
  const msg = e.data;
  const { reqId, type } = msg;
  await ready;
  try {
    if (w.dead) throw new Error(w.dead);
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request: ${type}`);
    for (let gate; READS.has(type) && (gate = closedGate());) await gate;
    const value = await handler(msg);
    self.postMessage({ type: Event.REPLY, reqId, ok: true, value });
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) fatal(note('core_crashed', {}));
    self.postMessage({ type: Event.REPLY, reqId, ok: false, error: messageOf(err), code: err?.code });
  }
});
