// Share links: a view of the page (query, filters, open articles, tool) as a URL fragment,
// and, for small selections, the articles themselves carried in the fragment. Pure module:
// no DOM, no worker; the page and the Node tests import it.
//
// Link format, version 1. Everything lives in the fragment (after "#"), which browsers
// never send to a server, so neither the query nor carried articles leave the machine:
//
//   https://host/qarin/#v=1&q=Ghouta&x=1&lang=ar&src=AFP&from=2018-02-01&to=2018-03-31
//                       &sort=date&dup=1&p=2&a=<hash>&l=<hash>&r=<hash>&cmp=1&tool=kwic&t.w=5&d=<articles>
//
//   key    value                                     default
//   v      format version; must be 1                 (required when anything else is set)
//   q      query text                                ""
//   x      "1": match exact written forms            off
//   lang   "ar" | "en"                               all languages
//   src    source (outlet or agency) filter          all
//   ent    entity filter                             all
//   from   first date, YYYY-MM-DD                    none
//   to     last date, YYYY-MM-DD                     none
//   sort   "date" (newest first)                     relevance
//   dup    "1": near-duplicates listed one by one    folded into one result each
//   p      result page, 1-based                      1
//   a      content hash of the article in the reader none
//   l, r   content hashes of the side-by-side pair   none
//   cmp    "1": the side-by-side view is open        off
//   tool   analysis tool name; t.<name> its settings none
//   d      carried articles (below)                  none
//
// A hash is the article's content hash, 16 lowercase hex digits: links never use the
// core's ids or upload order. Keys are written in this order and defaults are left out,
// so one view has one link.
//
// Carried articles ("d"), version 1: base64url without padding of deflate-raw (RFC 1951) of
//
//   byte 0      payload version = 1
//   then, per file:
//     varint    name length in bytes (LEB128, unsigned)
//     …         name, UTF-8
//     varint    content length in bytes
//     …         the file's bytes exactly as they were added (ingest reads them again, so
//               the receiver's articles get the same content hashes)
//
// A whole link may be at most MAX_LINK_CHARS characters; bigger selections go in a bundle.

export const LINK_VERSION = 1;
export const PAYLOAD_VERSION = 1;
/** The longest link the page makes: chat and mail programs keep links this long intact. */
export const MAX_LINK_CHARS = 32_000;
/** A carried payload may not inflate beyond this (a link is untrusted input). */
export const MAX_PAYLOAD_BYTES = 4_000_000;

const HASH = /^[0-9a-f]{16}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANGS = new Set(['ar', 'en']);
const KEYS = new Set(['v', 'q', 'x', 'lang', 'src', 'ent', 'from', 'to', 'sort', 'dup', 'p', 'a', 'l', 'r', 'cmp', 'tool', 'd']);

/** The view a page starts with: every field at its default. */
export function emptyView() {
  return {
    q: '', exact: false, lang: 'all', source: '', entity: '', from: '', to: '', sort: 'relevance', fold: true, page: 1,
    open: null, left: null, right: null, compare: false, tool: '', toolArgs: {},
  };
}

/** Whether two views are the same view (same link). */
export function sameView(a, b) {
  return encodeView(a) === encodeView(b);
}

/**
 * The fragment (without "#") for `view`; `data`, when given, is an encoded payload of
 * carried articles (see `encodeArticles`). An all-default view without data is "".
 */
export function encodeView(view, data = '') {
  const v = { ...emptyView(), ...view };
  const p = [];
  const put = (k, value) => p.push(`${k}=${encodeComponent(value)}`);
  if (v.q) put('q', v.q);
  if (v.exact) put('x', '1');
  if (LANGS.has(v.lang)) put('lang', v.lang);
  if (v.source) put('src', v.source);
  if (v.entity) put('ent', v.entity);
  if (DATE.test(v.from)) put('from', v.from);
  if (DATE.test(v.to)) put('to', v.to);
  if (v.sort === 'date') put('sort', 'date');
  if (v.fold === false) put('dup', '1');
  if (Number.isInteger(v.page) && v.page > 1) put('p', String(v.page));
  if (HASH.test(v.open ?? '')) put('a', v.open);
  if (HASH.test(v.left ?? '')) put('l', v.left);
  if (HASH.test(v.right ?? '')) put('r', v.right);
  if (v.compare && HASH.test(v.left ?? '') && HASH.test(v.right ?? '')) put('cmp', '1');
  if (v.tool) {
    put('tool', v.tool);
    for (const [k, value] of Object.entries(v.toolArgs ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      put(`t.${k}`, String(value));
    }
  }
  if (data) p.push(`d=${data}`);
  return p.length ? [`v=${LINK_VERSION}`, ...p].join('&') : '';
}

/**
 * Reads a fragment (with or without "#"): `{view, data, problems, isView}`. Never throws: a value
 * that cannot be read is left at its default and named in `problems` (`[{key, code}]`,
 * code "version" | "hash" | "date" | "value"). `data` is the raw "d" value or "". `isView` is false for an ordinary anchor
 * such as "#results" (no key of this format), which the page leaves alone.
 */
export function decodeView(fragment) {
  const view = emptyView();
  const problems = [];
  let text = String(fragment ?? '');
  if (text.startsWith('#')) text = text.slice(1);
  if (!text) return { view, data: '', problems, isView: true };
  const params = new Map();
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    let value;
    try {
      value = key === 'd' ? raw : decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      problems.push({ key, code: 'value' });
      continue;
    }
    if (!params.has(key)) params.set(key, value);
  }
  const version = params.get('v');
  if (version === undefined && ![...params.keys()].some((k) => KEYS.has(k) || k.startsWith('t.'))) {
    // An ordinary anchor ("#results"), not a view.
    return { view, data: '', problems, isView: false };
  }
  if (version !== String(LINK_VERSION)) {
    problems.push({ key: 'v', code: 'version' });
    return { view, data: '', problems, isView: true };
  }
  const hash = (key) => {
    const value = params.get(key);
    if (value === undefined || value === '') return null;
    if (HASH.test(value)) return value;
    problems.push({ key, code: 'hash' });
    return null;
  };
  const date = (key) => {
    const value = params.get(key);
    if (value === undefined || value === '') return '';
    if (DATE.test(value)) return value;
    problems.push({ key, code: 'date' });
    return '';
  };
  view.q = params.get('q') ?? '';
  view.exact = params.get('x') === '1';
  const lang = params.get('lang');
  if (lang !== undefined) {
    if (LANGS.has(lang)) view.lang = lang;
    else if (lang !== 'all') problems.push({ key: 'lang', code: 'value' });
  }
  view.source = params.get('src') ?? '';
  view.entity = params.get('ent') ?? '';
  view.from = date('from');
  view.to = date('to');
  view.sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  view.fold = params.get('dup') !== '1';
  const page = params.get('p');
  if (page !== undefined) {
    const n = Number(page);
    if (Number.isInteger(n) && n >= 1 && n <= 1e7) view.page = n;
    else problems.push({ key: 'p', code: 'value' });
  }
  view.open = hash('a');
  view.left = hash('l');
  view.right = hash('r');
  view.compare = params.get('cmp') === '1' && view.left !== null && view.right !== null;
  view.tool = params.get('tool') ?? '';
  if (view.tool) {
    for (const [k, value] of params) if (k.startsWith('t.') && k.length > 2) view.toolArgs[k.slice(2)] = value;
  }
  const data = params.get('d') ?? '';
  if (data && !/^[A-Za-z0-9_-]+$/.test(data)) {
    problems.push({ key: 'd', code: 'value' });
    return { view, data: '', problems, isView: true };
  }
  return { view, data, problems, isView: true };
}

/** The hashes a view needs the corpus to hold: open article and side-by-side pair. */
export function viewHashes(view) {
  return [...new Set([view.open, view.left, view.right].filter((h) => h && HASH.test(h)))];
}

/** encodeURIComponent, keeping the characters a fragment allows as they are (shorter links). */
function encodeComponent(value) {
  return encodeURIComponent(value).replace(/%(2F|3A|40|2C|3B|24|21|27|28|29|2A)/g, (m, hex) => String.fromCharCode(parseInt(hex, 16)));
}

// ── carried articles ──

/** `[{name, bytes: Uint8Array}]` → the "d" value (base64url of deflate-raw). */
export async function encodeArticles(files) {
  const enc = new TextEncoder();
  const parts = [Uint8Array.of(PAYLOAD_VERSION)];
  for (const f of files) {
    const name = enc.encode(String(f.name));
    const bytes = f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(f.bytes);
    parts.push(varint(name.length), name, varint(bytes.length), bytes);
  }
  const packed = await transform(concat(parts), new CompressionStream('deflate-raw'));
  return toBase64Url(packed);
}

/**
 * The "d" value → `[{name, bytes: Uint8Array}]`. Throws an Error with `code`:
 * "payload" (not a carried-articles value, or damaged), "version" (a newer format),
 * "size" (inflates beyond MAX_PAYLOAD_BYTES).
 */
export async function decodeArticles(data) {
  let packed;
  try {
    packed = fromBase64Url(data);
  } catch {
    throw codedError('the link’s articles are damaged (not base64url)', 'payload');
  }
  let bytes;
  try {
    bytes = await transform(packed, new DecompressionStream('deflate-raw'), MAX_PAYLOAD_BYTES);
  } catch (e) {
    if (e.code === 'size') throw e;
    throw codedError('the link’s articles are damaged (cannot be decompressed); was the link cut short?', 'payload');
  }
  if (bytes.length === 0) throw codedError('the link carries no articles', 'payload');
  if (bytes[0] !== PAYLOAD_VERSION) throw codedError(`the link’s articles use format ${bytes[0]}, which this version cannot read`, 'version');
  const dec = new TextDecoder('utf-8', { fatal: true });
  const files = [];
  let at = 1;
  const take = (n) => {
    if (n > bytes.length - at) throw codedError('the link’s articles are damaged (truncated)', 'payload');
    const out = bytes.subarray(at, at + n);
    at += n;
    return out;
  };
  while (at < bytes.length) {
    const [nameLen, a] = readVarint(bytes, at);
    at = a;
    let name;
    try {
      name = dec.decode(take(nameLen));
    } catch (e) {
      if (e.code) throw e;
      throw codedError('the link’s articles are damaged (a name is not UTF-8)', 'payload');
    }
    const [len, b] = readVarint(bytes, at);
    at = b;
    files.push({ name, bytes: take(len).slice() });
  }
  return files;
}

/** The link for `view` at `base` (a URL without fragment), with optional carried data. */
export function linkFor(base, view, data = '') {
  const fragment = encodeView(view, data);
  const url = String(base).replace(/#.*$/, '');
  return fragment ? `${url}#${fragment}` : url;
}

function codedError(message, code) {
  return Object.assign(new Error(message), { code });
}

function varint(n) {
  const out = [];
  let v = n;
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
  return Uint8Array.from(out);
}

function readVarint(bytes, at) {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 6; i++) {
    if (at >= bytes.length) break;
    const byte = bytes[at++];
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return [value, at];
    scale *= 128;
  }
  throw codedError('the link’s articles are damaged (bad length)', 'payload');
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Pipes bytes through a (De)CompressionStream; stops with code "size" past `limit`. */
async function transform(bytes, stream, limit = Infinity) {
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw codedError(`the link’s articles are larger than ${limit.toLocaleString('en')} bytes`, 'size');
    }
    chunks.push(value);
  }
  return concat(chunks);
}

function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
