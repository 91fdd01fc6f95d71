// The worker's bundle requests, loaded the first time a bundle is exported or imported (not
// part of the start-up shell). Import never loses the corpus: "Replace my corpus" reads and
// checks the whole bundle into a new Corpus first, saves its files in the same IndexedDB
// transaction that deletes the old ones, and only then swaps the corpus; an empty,
// unreadable or unsavable bundle leaves the corpus and the store as they were.
import { encodeBundle, decodeBundle, bundleName } from './bundle.js';
import { w, idOf, swapCorpus, applyOutlets, summary, emptyReport, noteGeneration, saveSnapshot, progress, note, messageOf } from '../worker/state.js';
import { useFullBuild } from '../worker/build.js';
import { addFiles, PROGRESS_EVERY_MS } from '../worker/intake.js';

// The user's own names travel with the corpus (pkg-userlex/worker.js).
const userNames = () => import('../pkg-userlex/worker.js');

export async function exportBundle() {
  const records = await w.store.allFiles();
  const names = await (await userNames()).savedEntries();
  const blob = await encodeBundle({ corpusBytes: w.corpus.toBytes(), files: records, articles: w.corpus.size, names });
  return { blob, name: bundleName(), articles: w.corpus.size, names: names.length };
}

/**
 * A bundle of some articles only (the current results, the open article): `{blob, name,
 * articles}`. Each file holding one of them goes in whole, its other articles marked
 * removed, so an import gets exactly these; the corpus bytes are the corpus less the others.
 */
export async function exportSelection(hashes) {
  const wanted = new Set(hashes.filter((h) => idOf.has(h)));
  const records = [];
  for (const rec of await w.store.allFiles()) {
    const gone = new Set(rec.removed ?? []);
    const mine = new Set(rec.hashes.filter((h) => wanted.has(h) && !gone.has(h)));
    if (!mine.size) continue;
    const outlets = rec.outlets && Object.fromEntries(Object.entries(rec.outlets).filter(([h]) => mine.has(h)));
    records.push({ ...rec, removed: rec.hashes.filter((h) => !mine.has(h)), outlets });
  }
  // The user's own names travel with any bundle: they are what links the two scripts.
  const names = await (await userNames()).savedEntries();
  const part = w.Corpus.fromBytes(w.corpus.toBytes());
  try {
    for (const a of part.list({})) if (!wanted.has(a.hash)) part.remove(a.id);
    const blob = await encodeBundle({ corpusBytes: part.toBytes(), files: records, articles: part.size, names });
    return { blob, name: bundleName(new Date(), 'selection'), articles: part.size };
  } finally {
    part.free();
  }
}

/**
 * `{report, size, instant, names: {added, kept, skipped}}`; throws (code "bundle",
 * "version", "size") when nothing changed. The bundle's names are merged into the user's
 * (the user's own entry wins on the same id) once its articles are in, in either mode.
 */
export async function importBundle(blob, replace) {
  const bundle = await decodeBundle(blob);
  const result = await importArticles(bundle, replace);
  result.names = await (await userNames()).mergeEntries(bundle.names);
  if (result.names.added || result.names.kept) result.report.warnings.push({ file: '', ...note('names_merged', result.names), skipped: false });
  return result;
}

async function importArticles(bundle, replace) {
  if (replace && w.corpus.size > 0) return replaceWith(bundle);
  if (w.corpus.size === 0) {
    const instant = await importInstantly(bundle);
    if (instant) return instant;
  }
  const files = bundle.files.map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer, removed: f.removed, outlets: f.outlets }));
  const report = await addFiles(files, { origin: 'bundle', phase: 'import' });
  return { report, size: w.corpus.size, instant: false };
}

/** The bundle's articles as a new Corpus and the records to save: `{loaded, records, report, instant}`. */
async function readBundle(bundle) {
  const report = emptyReport(bundle.files.length);
  const instant = loadInstantly(bundle);
  if (instant) {
    report.read = bundle.files.length;
    report.added = instant.listed.map(summary);
    return { loaded: instant.loaded, records: instant.records, report, instant: true };
  }
  await useFullBuild(); // the start-up build reads no files
  const loaded = new w.Corpus();
  const records = [];
  let last = 0;
  bundle.files.forEach((f, i) => {
    let result;
    try {
      result = loaded.addBytes(f.name, f.bytes);
    } catch (e) {
      report.warnings.push({ file: f.name, message: messageOf(e), skipped: true });
      return;
    }
    report.read++;
    const removed = new Set(f.removed);
    const kept = [];
    for (const a of result.added) {
      if (removed.has(a.hash)) loaded.remove(a.id);
      else kept.push(a);
    }
    if (kept.length) {
      const outlets = applyOutlets(kept, f.outlets);
      records.push({ name: f.name, bytes: f.bytes.slice().buffer, hashes: kept.map((a) => a.hash), removed: [...removed], origin: 'bundle', ...(outlets && { outlets }) });
      report.added.push(...kept.map(summary));
    }
    report.warnings.push(...result.warnings);
    const now = Date.now();
    if (now - last >= PROGRESS_EVERY_MS) {
      last = now;
      progress('import', i + 1, bundle.files.length, f.name, report.added.length);
    }
  });
  loaded.shrink?.();
  return { loaded, records, report, instant: false };
}

/** Replace: the new corpus is read and saved before the old one goes. */
async function replaceWith(bundle) {
  const { loaded, records, report, instant } = await readBundle(bundle);
  if (loaded.size === 0) {
    loaded.free();
    throw Object.assign(new Error('the bundle holds no article this version can read; your corpus is unchanged'), { code: 'bundle', report });
  }
  try {
    noteGeneration(await w.store.replaceFiles(records));
  } catch (e) {
    loaded.free();
    throw Object.assign(new Error(`${note('not_saved', { error: messageOf(e) }).message}; your corpus is unchanged`), { code: e.code === 'quota' ? 'quota' : 'bundle' });
  }
  swapCorpus(loaded);
  await saveSnapshot(instant ? bundle.corpusBytes : null);
  return { report, size: w.corpus.size, instant };
}

/**
 * The bundle's corpus bytes as a Corpus, when they can be used as they are (no re-reading):
 * `{loaded, listed, records}`, or null (then the files are read).
 */
function loadInstantly(bundle) {
  let loaded;
  try {
    loaded = w.Corpus.fromBytes(bundle.corpusBytes);
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
    .map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer, hashes: f.hashes, removed: f.removed, origin: 'bundle', ...(f.outlets && { outlets: f.outlets }) }));
  return { loaded, listed, records };
}

/**
 * A bundle into an empty corpus: its corpus bytes are loaded as they are and its files
 * saved. Returns null when the bytes cannot be used (then the files are read).
 */
async function importInstantly(bundle) {
  const instant = loadInstantly(bundle);
  if (!instant) return null;
  const { loaded, listed, records } = instant;
  try {
    noteGeneration(await w.store.putFiles(records));
  } catch (e) {
    loaded.free();
    const report = emptyReport(bundle.files.length);
    report.storageFull = e.code === 'quota';
    report.unsaved = bundle.files.map((f) => f.name);
    report.warnings.push({ file: '', ...note('not_saved', { error: messageOf(e) }), skipped: true });
    return { report, size: w.corpus.size, instant: false };
  }
  swapCorpus(loaded);
  await saveSnapshot(bundle.corpusBytes);
  const report = emptyReport(bundle.files.length);
  report.read = bundle.files.length;
  report.added = listed.map(summary);
  return { report, size: w.corpus.size, instant: true };
}
