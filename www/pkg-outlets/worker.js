// The worker's side of "Name outlets…" (loaded on first use, not part of the start-up
// shell): which articles a file-name pattern picks, and naming their outlet. The core
// matches the names and folds the outlet as the intake does (Corpus.filesMatching,
// Corpus.nameOutlet: full build); the name is saved on each file's record (store.js
// `outlets`), so a re-read, a restore from the files and a bundle keep it, and the snapshot
// is rewritten so a reload shows it at once.
import { w, hashOf, noteGeneration, saveSnapshot } from '../worker/state.js';
import { useFullBuild } from '../worker/build.js';

/** `{articles, files, sample: [file name]}` of the articles `pattern` picks. */
export async function matchFiles(pattern) {
  await useFullBuild();
  const m = w.corpus.filesMatching(String(pattern ?? ''));
  return { articles: m.ids.length, files: m.files, sample: m.sample };
}

/**
 * Names the outlet of every article `pattern` picks: `{name, refused, changed, articles}`.
 * `name` is the folded name (null: cleared); `refused`: the name names no outlet.
 */
export async function nameOutlet(pattern, name) {
  await useFullBuild();
  const m = w.corpus.filesMatching(String(pattern ?? ''));
  const named = w.corpus.nameOutlet(m.ids, String(name ?? ''));
  const out = { name: named.name, refused: named.refused, changed: named.changed, articles: m.ids.length };
  if (named.refused || !m.ids.length) return out;
  const names = {};
  for (const id of m.ids) names[hashOf.get(id)] = named.name ?? '';
  noteGeneration(await w.store.setOutlets(names));
  await saveSnapshot();
  return out;
}
