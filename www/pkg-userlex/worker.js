// The user's own names in the worker (loaded on first use, not in the start-up shell):
// kept in the store's meta "names" as `{format: 1, entries}` (entries in the core's lexicon
// JSON form), checked by the core before they are saved (`Corpus.readLexicon`), linked on
// top of the shipped lexicon (pkg-lexicon/worker.js), and merged from bundles. Proposals of
// names that sound alike come from the core too (`proposeNames`). JavaScript never reads a
// lexicon file or compares names: it only moves entries between the store, the core and
// the page.
import { w, idFor } from '../worker/state.js';
import { Event } from '../protocol.js';
import { useFullBuild } from '../worker/build.js';

/** The version of the saved record (store.js draws it). */
export const NAMES_FORMAT = 1;

const lexicon = () => import('../pkg-lexicon/worker.js');

/** The saved entries (an empty list when none, or the record is of another format). */
export async function savedEntries() {
  const record = await w.store.getMeta('names').catch(() => null);
  return record?.format === NAMES_FORMAT && Array.isArray(record.entries) ? record.entries : [];
}

/**
 * `text` read by the core, keeping every good entry: `{entries, problems, more}`, or
 * `{fatal: {code, args, message}}` when nothing could be read.
 */
async function read(text) {
  await useFullBuild(); // the start-up build has no lexicon reader
  try {
    return w.Corpus.readLexicon(String(text ?? ''));
  } catch (e) {
    let fatal;
    try {
      fatal = JSON.parse(e.message);
    } catch {
      fatal = { code: 'text', message: String(e.message ?? e) };
    }
    return { entries: [], problems: [], more: 0, fatal };
  }
}

/** Saves `entries` (checked by the core first) and links the corpus with them. */
async function save(entries) {
  const checked = await read(JSON.stringify(Array.isArray(entries) ? entries : []));
  const bad = checked.fatal ?? checked.problems[0];
  if (bad) throw Object.assign(new Error(bad.message), { code: 'names' });
  await w.store.putMeta('names', { format: NAMES_FORMAT, entries: checked.entries });
  const problem = (await lexicon()).setUserEntries(checked.entries);
  // The page searches again and marks the open article anew, as when the lexicon arrived.
  self.postMessage({ type: Event.LEXICON });
  return { entries: checked.entries, problem };
}

/**
 * Merges a bundle's names into the user's: an entry whose id the user already has is kept
 * as the user's (never overwritten by someone else's); the others are added. Bad entries
 * are left out. Returns `{added, kept, skipped}`.
 */
export async function mergeEntries(list) {
  if (!Array.isArray(list) || !list.length) return { added: 0, kept: 0, skipped: 0 };
  const incoming = await read(JSON.stringify(list));
  const mine = await savedEntries();
  const ids = new Set(mine.map((e) => e.id));
  const fresh = incoming.entries.filter((e) => !ids.has(e.id));
  const result = { added: fresh.length, kept: incoming.entries.length - fresh.length, skipped: list.length - incoming.entries.length };
  if (fresh.length) await save([...mine, ...fresh]);
  return result;
}

/** The request `Request.NAMES` (see protocol.js). */
export async function handle({ op, text, entries, hash, limit }) {
  if (op === 'get') return { entries: await savedEntries(), problem: (await lexicon()).userProblem() };
  if (op === 'read') return read(text);
  if (op === 'put') return save(entries);
  if (op === 'propose') {
    await useFullBuild();
    w.relink?.();
    const id = typeof hash === 'string' && hash ? idFor(hash) : null;
    if (typeof hash === 'string' && hash && id === null) return { proposals: [], latin: 0, arabic: 0, alignments: 0, partial: false };
    return w.corpus.proposeNames({ article: id ?? undefined, limit: Number.isInteger(limit) && limit > 0 ? limit : 30 });
  }
  throw new Error(`unknown names request: ${op}`);
}
