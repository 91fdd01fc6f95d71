// The worker's side of same-story pairing and story clusters (Request.STORIES), loaded the
// first time the reader's panel or the Stories view asks (not in the start-up shell). The
// ranking and the clustering are the core's (Corpus.pairs, Corpus.stories, full build);
// here core ids become content hashes.
import { w, idFor, hashOf, nextTask } from '../worker/state.js';
import { useFullBuild } from '../worker/build.js';

const named = (names) => (names === 'ar' ? 'ar' : 'en');

/**
 * Bytes of article text signed per slice of the pairing index (a median 27 ms of wasm): the
 * first pairing after start-up or an upload reads every article (some 6-8 s at 4,400), and
 * between slices the worker answers searches and other requests.
 */
const SLICE_BYTES = 64 * 1024;

/** Work (candidates scored + names aligned) per slice of the story clustering: ~30 ms. */
const SLICE_WORK = 25_000;

export async function stories({ op, hash, names, limit }) {
  await useFullBuild();
  w.relink?.();
  // The corpus may change between slices (an upload, a relink): the core starts again then.
  while (!w.corpus.pairsPrepare(SLICE_BYTES).ready) {
    await nextTask();
    w.relink?.();
  }
  if (op === 'pairs') {
    const id = idFor(hash);
    if (id === undefined || id === null) return { candidates: [] };
    const { candidates } = w.corpus.pairs(id, { limit: Number.isInteger(limit) ? limit : 5, names: named(names) });
    return { candidates: candidates.map((c) => ({ ...c, hash: hashOf.get(c.id) ?? null })) };
  }
  // The clustering too goes a slice at a time; the finished stories are kept, so the next
  // Stories view of the same corpus answers at once.
  const options = { names: named(names) };
  while (!w.corpus.storiesStep(options, SLICE_WORK).ready) {
    await nextTask();
    w.relink?.();
  }
  const found = w.corpus.stories(options);
  for (const s of found.stories) {
    for (const m of [...s.en, ...s.ar]) m.hash = hashOf.get(m.id) ?? null;
  }
  return found;
}
