// The worker's side of same-story pairing and story clusters (Request.STORIES), loaded the
// first time the reader's panel or the Stories view asks (not in the start-up shell). The
// ranking and the clustering are the core's (Corpus.pairs, Corpus.stories, full build);
// here core ids become content hashes.
import { w, idFor, hashOf } from '../worker/state.js';
import { useFullBuild } from '../worker/build.js';

const named = (names) => (names === 'ar' ? 'ar' : 'en');

export async function stories({ op, hash, names, limit }) {
  await useFullBuild();
  w.relink?.();
  if (op === 'pairs') {
    const id = idFor(hash);
    if (id === undefined || id === null) return { candidates: [] };
    const { candidates } = w.corpus.pairs(id, { limit: Number.isInteger(limit) ? limit : 5, names: named(names) });
    return { candidates: candidates.map((c) => ({ ...c, hash: hashOf.get(c.id) ?? null })) };
  }
  const found = w.corpus.stories({ names: named(names) });
  for (const s of found.stories) {
    for (const m of [...s.en, ...s.ar]) m.hash = hashOf.get(m.id) ?? null;
  }
  return found;
}
