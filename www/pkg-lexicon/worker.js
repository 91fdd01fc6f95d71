// The lexicon in the worker, loaded in the background right after start-up (never in the
// start-up shell): switch to the full build (the start-up build has no bilingual code),
// fetch the versioned lexicon beside this file (the service worker precaches it, so this
// works offline after the first visit), and hand its text to the core, which parses it
// and links every article to its entities (`loadLexicon`). JavaScript never reads the
// lexicon. No search waits for it: the page is told when it is in, and re-runs its search.
// The user's own names (saved by pkg-userlex/worker.js in the store's meta "names") are
// linked on top: their entries add to and correct the shipped ones.
import { w, messageOf } from '../worker/state.js';
import { Event } from '../protocol.js';
import { useFullBuild } from '../worker/build.js';

/** The shipped lexicon's file: the version is part of the name (a new format, a new file). */
const LEXICON_URL = new URL('./lexicon-v1.tsv', import.meta.url);

let text = null;
/** The user's entries as the core's lexicon JSON text, or null. */
let user = null;
/** Why the user's names could not be linked the last time (then the shipped ones are), or null. */
let problem = null;

/**
 * Links the current corpus when it is not linked yet (a corpus moved to the full build,
 * restored or replaced by an import is a new object). Cheap when nothing changed.
 */
function relink() {
  if (text === null || w.linked === w.corpus || typeof w.corpus?.loadLexicon !== 'function') return;
  problem = null;
  try {
    w.corpus.loadLexicon(text, user);
  } catch (e) {
    // The user's names are checked before they are saved; should they still fail, the
    // shipped lexicon alone is linked and the dialog says why.
    if (user === null) throw e;
    problem = messageOf(e);
    w.corpus.loadLexicon(text, null);
  }
  w.linked = w.corpus;
}

/** The user's entries as JSON text for the core (null when there are none). */
function userText(entries) {
  return Array.isArray(entries) && entries.length ? JSON.stringify(entries) : null;
}

/**
 * Uses `entries` as the user's names from now on and links the corpus again (when the
 * lexicon is in; else start() will). Returns why they could not be linked, or null.
 */
export function setUserEntries(entries) {
  user = userText(entries);
  if (text === null) return null;
  w.linked = null;
  relink();
  return problem;
}

/** Why the user's names are not linked, or null. */
export const userProblem = () => problem;

/** Fetches and loads the lexicon, then tells the page (`Event.LEXICON`). */
export async function start() {
  const res = await fetch(LEXICON_URL);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const body = await res.text();
  const saved = await w.store.getMeta?.('names').catch(() => null);
  await useFullBuild();
  text = body;
  user ??= userText(saved?.entries);
  w.relink = relink;
  relink();
  self.postMessage({ type: Event.LEXICON });
}
