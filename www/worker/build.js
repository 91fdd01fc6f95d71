// Which wasm build the worker runs. The start-up build (pkg/) restores a saved corpus and
// searches it, with no ingest code and no regex search, to keep the app shell small; the full
// build (pkg-full/) is loaded the first time a file is read or a query needs it
// (`Corpus.needsFullBuild`: the core decides, this file never reads a query), and the corpus
// moves over through toBytes()/fromBytes().
import init, { Corpus as SmallCorpus } from '../pkg/qarin.js';
import { w } from './state.js';

/** Loads the start-up build and makes an empty corpus; sets `w.tag` to name the build. */
export async function loadStartBuild() {
  const res = await fetch(new URL('../pkg/qarin_bg.wasm', import.meta.url));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const bytes = await res.arrayBuffer();
  w.tag = `${bytes.byteLength}-${fnv1a(new Uint8Array(bytes))}`;
  await init({ module_or_path: bytes });
  w.Corpus = SmallCorpus;
  w.corpus = new SmallCorpus();
}

let fullBuild = null;

/** Switches to the full build (once), carrying the corpus over. */
export function useFullBuild() {
  fullBuild ??= (async () => {
    const full = await import('../pkg-full/qarin.js');
    await full.default();
    const moved = full.Corpus.fromBytes(w.corpus.toBytes());
    w.corpus.free?.();
    w.corpus = moved;
    w.Corpus = full.Corpus;
  })();
  return fullBuild;
}

/** FNV-1a over bytes, as 8 hex digits: names a wasm build (not a security measure). */
function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
