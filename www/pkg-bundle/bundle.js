// Corpus bundles: the whole corpus in one file (*.qarin) a colleague can import, with the
// core's corpus bytes so it opens without re-reading the files, and the files themselves so
// the importing browser can save and share them like its own uploads. Pure module (no DOM,
// no IndexedDB): the worker (through pkg-bundle/worker.js, loaded on first use: bundles are
// not part of the start-up shell) and the Node tests import it.
//
// Bundle file, format version 1:
//
//   offset  size  field
//   0       8     magic "QARINBDL" (ASCII)
//   8       2     bundle format version, u16 little-endian = 1
//   10      2     flags, u16 LE, 0 (reserved)
//   12      …     gzip stream (RFC 1952) of the payload:
//                   4   manifest length M, u32 LE
//                   M   manifest, UTF-8 JSON:
//                         {app: "qarin", created: ISO date, articles: n,
//                          corpus: {length},              Corpus.toBytes() (versioned inside)
//                          files: [{name, length, hashes: [hash], removed: [hash], origin,
//                                   outlets?: {hash: name}}],  outlets the user named
//                                   (pkg-outlets; optional, older readers ignore it)
//                          names?: [lexicon entry]}     the user's own names (pkg-userlex/),
//                                                       optional: older bundles have none
//                   …   the corpus bytes (manifest corpus.length bytes)
//                   …   each file's bytes in manifest order (files[i].length bytes each)
//
// The corpus bytes are what makes an import instant into an empty corpus; when the
// receiver already has articles (or the corpus bytes are from another core version), the
// files are read again instead, so a bundle stays readable when the core's format moves on.

export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.qarin';
const MAGIC = 'QARINBDL';
const HEADER = 12;
const MB = 1024 * 1024;
/** Limits on the inflated payload (see maxPayload): a bundle is untrusted input. */
export const MAX_RATIO = 32;
export const MAX_SLACK = 64 * MB;
export const MAX_PAYLOAD = 1024 * MB;

/**
 * Builds a bundle Blob. `corpusBytes`: `Corpus.toBytes()`; `files`: the store's records
 * `[{name, bytes, hashes, removed, origin}]`; `articles`: how many articles it holds.
 */
export async function encodeBundle({ corpusBytes, files, articles, names = [], created = new Date().toISOString() }) {
  const enc = new TextEncoder();
  const manifest = enc.encode(JSON.stringify({
    app: 'qarin',
    created,
    articles,
    corpus: { length: corpusBytes.length },
    files: files.map((f) => ({
      name: f.name,
      length: byteLength(f.bytes),
      hashes: f.hashes ?? [],
      removed: f.removed ?? [],
      origin: f.origin ?? 'upload',
      ...(f.outlets && { outlets: f.outlets }),
    })),
    ...(names.length ? { names } : {}),
  }));
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, manifest.length, true);
  const payload = new Blob([len, manifest, corpusBytes, ...files.map((f) => f.bytes)]);
  const gz = payload.stream().pipeThrough(new CompressionStream('gzip'));
  const header = new Uint8Array(HEADER);
  header.set(enc.encode(MAGIC), 0);
  new DataView(header.buffer).setUint16(8, BUNDLE_VERSION, true);
  const body = await new Response(gz).blob();
  return new Blob([header, body], { type: 'application/octet-stream' });
}

/**
 * Reads a bundle Blob: `{manifest, corpusBytes: Uint8Array, files: [{name, bytes, hashes,
 * removed, origin}], names: [lexicon entry]}`. Throws an Error with `code` "bundle" (not a bundle, or damaged),
 * "version" (made by a newer version) or "size" (inflates past `maxPayload`).
 */
export async function decodeBundle(blob) {
  const head = new Uint8Array(await blob.slice(0, HEADER).arrayBuffer());
  if (head.length < HEADER || new TextDecoder().decode(head.subarray(0, 8)) !== MAGIC) {
    throw coded('this is not a Qarin corpus bundle', 'bundle');
  }
  const version = new DataView(head.buffer).getUint16(8, true);
  if (version !== BUNDLE_VERSION) {
    throw coded(`this bundle has format ${version}; this version of Qarin reads format ${BUNDLE_VERSION}`, 'version');
  }
  const payload = await inflate(blob.slice(HEADER), maxPayload(blob.size));
  if (payload.length < 4) throw coded('the bundle is damaged (too short)', 'bundle');
  const m = new DataView(payload.buffer, payload.byteOffset).getUint32(0, true);
  if (m > payload.length - 4) throw coded('the bundle is damaged (manifest cut short)', 'bundle');
  let manifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload.subarray(4, 4 + m)));
  } catch {
    throw coded('the bundle is damaged (unreadable manifest)', 'bundle');
  }
  if (!manifest || manifest.app !== 'qarin' || !Array.isArray(manifest.files) || !Number.isSafeInteger(manifest.corpus?.length)) {
    throw coded('the bundle is damaged (manifest has the wrong shape)', 'bundle');
  }
  let at = 4 + m;
  const take = (n) => {
    if (!Number.isSafeInteger(n) || n < 0 || n > payload.length - at) throw coded('the bundle is damaged (cut short)', 'bundle');
    const out = payload.subarray(at, at + n);
    at += n;
    return out;
  };
  const corpusBytes = take(manifest.corpus.length);
  const strings = (list) => (Array.isArray(list) ? list.filter((h) => typeof h === 'string') : []);
  const files = manifest.files.map((f) => ({
    name: String(f?.name ?? ''),
    bytes: take(f?.length),
    hashes: strings(f?.hashes),
    removed: strings(f?.removed),
    origin: typeof f?.origin === 'string' ? f.origin : 'bundle',
    outlets: outletNames(f?.outlets),
  }));
  if (at !== payload.length) throw coded('the bundle is damaged (unexpected bytes at the end)', 'bundle');
  // The names are checked by the core when they are merged (pkg-userlex/worker.js).
  const names = Array.isArray(manifest.names) ? manifest.names : [];
  return { manifest, corpusBytes, files, names };
}

/**
 * The most bytes a bundle of `size` bytes may inflate to: MAX_RATIO times its size plus
 * MAX_SLACK, and never past MAX_PAYLOAD. Real bundles (text and the corpus index) inflate
 * 2–6 times; a gzip bomb inflates up to ~1000 times and stops here, before it fills memory.
 */
export function maxPayload(size) {
  return Math.min(MAX_PAYLOAD, MAX_RATIO * size + MAX_SLACK);
}

/** Inflates the gzip stream in `blob`, refusing (code "size") past `limit` bytes. */
async function inflate(blob, limit) {
  const reader = blob.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        chunks.length = 0;
        throw coded(`the bundle inflates to more than ${Math.floor(limit / MB).toLocaleString('en')} MB, more than a real bundle of its size (${Math.ceil(blob.size / MB).toLocaleString('en')} MB); it is damaged or hostile and was not read`, 'size');
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e.code === 'size') throw e;
    throw coded('the bundle is damaged (cannot be decompressed); was the download complete?', 'bundle');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A file name for a bundle made now: "qarin-corpus-2025-01-31.qarin" (`what`: "corpus", "selection"). */
export function bundleName(date = new Date(), what = 'corpus') {
  return `qarin-${what}-${date.toISOString().slice(0, 10)}${BUNDLE_EXTENSION}`;
}

/** A manifest's `outlets`: only string names under hash keys, else undefined (untrusted). */
function outletNames(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out = {};
  for (const [hash, name] of Object.entries(value)) {
    if (/^[0-9a-f]{16}$/.test(hash) && typeof name === 'string' && name.length <= 200) out[hash] = name;
  }
  return Object.keys(out).length ? out : undefined;
}

function byteLength(bytes) {
  return bytes.byteLength ?? bytes.length ?? 0;
}

function coded(message, code) {
  return Object.assign(new Error(message), { code });
}
