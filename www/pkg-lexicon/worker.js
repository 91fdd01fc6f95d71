// The lexicon in the worker, loaded in the background right after start-up (never in the
// start-up shell): switch to the full build (the start-up build has no bilingual code),
// fetch the versioned lexicon beside this file (the service worker precaches it, so this
// works offline after the first visit), and hand its text to the core, which parses it
// and links every article to its entities (`loadLexicon`). JavaScript never reads the
// lexicon. No search waits for it: the page is told when it is in, and re-runs its search.
import { w } from '../worker/state.js';
import { Event } from '../protocol.js';
import { useFullBuild } from '../worker/build.js';

/** The shipped lexicon's file: the version is part of the name (a new format, a new file). */
const LEXICON_URL = new URL('./lexicon-v1.tsv', import.meta.url);

let text = null;

/**
 * Links the current corpus when it is not linked yet (a corpus moved to the full build,
 * restored or replaced by an import is a new object). Cheap when nothing changed.
 */
function relink() {
  if (text === null || w.linked === w.corpus || typeof w.corpus?.loadLexicon !== 'function') return;
  w.corpus.loadLexicon(text, null);
  w.linked = w.corpus;
}

/** Fetches and loads the lexicon, then tells the page (`Event.LEXICON`). */
export async function start() {
  const res = await fetch(LEXICON_URL);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = await res.text();
  await useFullBuild();
  text = body;
  w.relink = relink;
  relink();
  self.postMessage({ type: Event.LEXICON });
}
