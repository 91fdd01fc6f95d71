// The worker's shared state and the small services every part of it uses: the corpus and
// the build it comes from, the store, the hash ↔ id maps, the store generation, progress and
// fatal-error events, and the queue that runs changes one at a time. The other worker
// modules (build.js, intake.js, restore.js, the on-demand pkg-* handlers) import this one;
// it imports none of them.
import { Event } from '../protocol.js';
import { t } from '../i18n.js';

/**
 * `corpus`: the one Corpus instance; `Corpus`: its class (the start-up or the full build);
 * `store`: store.js; `tag`: names the start-up wasm build (a snapshot from another build is
 * not used); `known`: the store generation this corpus reflects; `dead`: the message of a
 * fatal error (the wasm instance must not be used again); `cancelEpoch`: ADD jobs started
 * before a CANCEL stop.
 */
export const w = { corpus: null, Corpus: null, store: null, tag: '', known: 0, dead: null, cancelEpoch: 0 };

/**
 * Resolves after one turn of the worker's event loop, so that messages already queued (a
 * newer request, a search) run first: a long job awaits it between its slices. A message to
 * itself, not setTimeout(0), which a chain of timers stretches to 4 ms a turn.
 */
export function nextTask() {
  return new Promise((resolve) => {
    turns.push(resolve);
    ticks.port2.postMessage(0);
  });
}
const turns = [];
const ticks = new MessageChannel();
ticks.port1.onmessage = () => turns.shift()?.();
ticks.port1.unref?.(); // Node (tests): a port must not keep the process alive

export const idOf = new Map(); // hash → core id
export const hashOf = new Map(); // core id → hash

/** Rebuilds the hash ↔ id maps from the corpus. */
export function remap() {
  idOf.clear();
  hashOf.clear();
  for (const a of w.corpus.list({})) {
    idOf.set(a.hash, a.id);
    hashOf.set(a.id, a.hash);
  }
}

export function idFor(hash) {
  const id = idOf.get(hash);
  return id === undefined ? null : id;
}

/** Replaces the corpus by `next` (a Corpus of the current build) and remaps. */
export function swapCorpus(next) {
  w.corpus.free?.();
  w.corpus = next;
  remap();
}

/**
 * Gives just-read articles (`[{id, hash}]`) the outlets the user named for them
 * (`{hash: name}`, "" = none; see pkg-outlets); returns the entries that apply, or undefined.
 */
export function applyOutlets(added, outlets) {
  if (!outlets || typeof outlets !== 'object') return undefined;
  const kept = {};
  for (const a of added) if (typeof outlets[a.hash] === 'string') kept[a.hash] = outlets[a.hash];
  for (const name of new Set(Object.values(kept))) {
    w.corpus.nameOutlet(added.filter((a) => kept[a.hash] === name).map((a) => a.id), name);
  }
  return Object.keys(kept).length ? kept : undefined;
}

export function summary(a) {
  return { hash: a.hash, file: a.file, title: a.title, lang: a.lang };
}

export function emptyReport(files) {
  return { files, read: 0, added: [], warnings: [], cancelled: false, unsaved: [], storageFull: false };
}

let queue = Promise.resolve(); // changes to the corpus run one at a time, in order

/** Runs `fn` after every change queued before it. */
export function serial(fn) {
  const run = queue.then(fn);
  queue = run.catch(() => {});
  return run;
}

// ── the store's generation: another tab's change makes this corpus stale ──

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('qarin-store') : null;
let staleSent = false;

export function listenForOtherTabs() {
  channel?.addEventListener('message', (e) => {
    if (typeof e.data?.generation === 'number' && e.data.generation > w.known) stale();
  });
}

export function noteGeneration({ before, after }) {
  if (before !== w.known) stale();
  w.known = after;
  channel?.postMessage({ generation: after });
}

function stale() {
  if (staleSent) return;
  staleSent = true;
  self.postMessage({ type: Event.STALE });
}

/** Writes the corpus snapshot (a cache: failing only costs speed on the next start). */
export async function saveSnapshot(bytes = null) {
  try {
    if (w.corpus.size === 0) await w.store.deleteSnapshot();
    else await w.store.putSnapshot({ generation: w.known, core: w.tag, bytes: bytes ?? w.corpus.toBytes() });
  } catch {
    await w.store.deleteSnapshot().catch(() => {});
  }
}

// ── events and messages ──

export function progress(phase, done, total, file, added, size = null, job = null) {
  self.postMessage({ type: Event.PROGRESS, phase, done, total, file, added, size, job });
}

/** `message` (a `note`): the page shows it in the UI language; requests fail with its English. */
export function fatal(message) {
  if (w.dead) return;
  w.dead = message.message;
  self.postMessage({ type: Event.FATAL, message });
}

/**
 * A message of the worker's own, shaped like the core's (`{code, args, message}`): the page
 * shows `worker.<code>` from www/i18n.js in the UI language; `message` is the English.
 */
export function note(code, args) {
  return { code: `worker.${code}`, args, message: t(`worker.${code}`, args, '', 'en') };
}

export function messageOf(e) {
  return e && typeof e.message === 'string' ? e.message : String(e);
}
