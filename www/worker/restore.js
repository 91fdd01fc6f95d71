// Restore at start-up: the saved corpus comes back from the snapshot when it is current
// (same store generation, same start-up build), else every saved file is read again in
// upload order (by the full build: the start-up build reads no files); an empty store that
// never had the demo articles gets them, from the corpus ./qarin.sh build made of them.
import { w, remap, applyOutlets, swapCorpus, emptyReport, summary, noteGeneration, saveSnapshot, progress, messageOf } from './state.js';
import { useFullBuild } from './build.js';
import { addFiles, seedFiles, seedFetch, seedIndex, PROGRESS_EVERY_MS } from './intake.js';

/** `{from: "empty"|"seeds"|"snapshot"|"files", report}`. */
export async function restore() {
  const state = await w.store.state();
  w.known = state.generation;
  if (state.files === 0) {
    if (state.seeded) return { from: 'empty', report: emptyReport(0) };
    const report = (await seedsInstantly()) ?? (await addFiles(await seedFiles(), { origin: 'seed', phase: 'restore' }));
    await w.store.setSeeded(true).catch(() => {});
    return { from: 'seeds', report };
  }
  const snap = state.snapshot;
  if (snap && snap.format === 1 && snap.generation === state.generation && snap.core === w.tag) {
    try {
      const loaded = w.Corpus.fromBytes(snap.bytes);
      w.corpus.free();
      w.corpus = loaded;
      remap();
      return { from: 'snapshot', report: emptyReport(0) };
    } catch {
      // damaged or from another core version: rebuilt from the files below
    }
  }
  const records = await w.store.allFiles();
  if (records.length) await useFullBuild();
  const report = emptyReport(records.length);
  const changed = [];
  let last = 0;
  records.forEach((rec, i) => {
    if (w.dead) return;
    let result;
    try {
      result = w.corpus.addBytes(rec.name, new Uint8Array(rec.bytes));
    } catch (e) {
      report.warnings.push({ file: rec.name, message: messageOf(e), skipped: true });
      return;
    }
    const removed = new Set(rec.removed ?? []);
    const kept = [];
    for (const a of result.added) {
      if (removed.has(a.hash)) w.corpus.remove(a.id);
      else {
        report.added.push(summary(a));
        kept.push(a.hash);
      }
    }
    applyOutlets(result.added.filter((a) => !removed.has(a.hash)), rec.outlets);
    // A newer core may read the file into other articles: the saved index must follow.
    if (kept.join() !== (rec.hashes ?? []).filter((h) => !removed.has(h)).join()) changed.push({ seq: rec.seq, hashes: kept });
    report.read++;
    const now = Date.now();
    if (now - last >= PROGRESS_EVERY_MS || i === records.length - 1) {
      last = now;
      progress('restore', i + 1, records.length, rec.name, report.added.length);
    }
  });
  w.corpus.shrink?.();
  remap();
  if (changed.length) {
    try {
      const g = await w.store.setHashes(changed);
      if (g) noteGeneration(g);
    } catch {
      // the next start tries again
    }
  }
  await saveSnapshot();
  return { from: 'files', report };
}

/**
 * The demo articles on a first visit: their prebuilt corpus (seeds/corpus.bin) is loaded
 * as it is and their files saved, so the start-up build needs no ingest code. Returns null
 * when that fails before anything is saved (then the full build reads the files).
 */
async function seedsInstantly() {
  let loaded;
  try {
    const index = await seedIndex();
    const records = await Promise.all(index.files.map(async (f) => (
      { name: String(f.name), bytes: await seedFetch(String(f.name)), hashes: f.hashes, removed: [], origin: 'seed' })));
    loaded = w.Corpus.fromBytes(new Uint8Array(await seedFetch(index.corpus)));
    const listed = loaded.list({});
    if (listed.length !== records.reduce((n, r) => n + r.hashes.length, 0)) throw new Error('seeds/index.json does not match the corpus');
    noteGeneration(await w.store.putFiles(records));
    swapCorpus(loaded);
    await saveSnapshot();
    const report = emptyReport(records.length);
    report.read = records.length;
    report.added = listed.map(summary);
    return report;
  } catch {
    loaded?.free();
    return null;
  }
}
