// Articles carried in a share link (the "d" value; format in www/share.js): loaded the first
// time a link carries articles or the share dialog offers to. Pure module: no DOM, no worker.
// A link is untrusted input: the payload may not inflate past MAX_PAYLOAD_BYTES.

export const PAYLOAD_VERSION = 1;
/** A carried payload may not inflate beyond this (a link is untrusted input). */
export const MAX_PAYLOAD_BYTES = 4_000_000;

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
