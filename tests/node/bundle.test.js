// Corpus bundles (www/pkg-bundle/bundle.js): a bundle round-trips; damaged and foreign files are refused
// with a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { encodeBundle, decodeBundle, bundleName, maxPayload, BUNDLE_VERSION, MAX_RATIO, MAX_SLACK, MAX_PAYLOAD } from '../../www/pkg-bundle/bundle.js';

const enc = new TextEncoder();
const files = [
  { name: 'en/a.txt', bytes: enc.encode('Title A\n\nBody about Ghouta.').buffer, hashes: ['0123456789abcdef'], removed: [], origin: 'upload' },
  { name: 'ar/ب.txt', bytes: enc.encode('عنوان\n\nنص عن الغوطة.').buffer, hashes: ['fedcba9876543210', 'aaaaaaaaaaaaaaaa'], removed: ['aaaaaaaaaaaaaaaa'], origin: 'seed' },
];
const corpusBytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 7);

test('a bundle round-trips its corpus bytes, files, hashes and removals', async () => {
  const blob = await encodeBundle({ corpusBytes, files, articles: 2, created: '2025-01-01T00:00:00.000Z' });
  const head = new Uint8Array(await blob.slice(0, 12).arrayBuffer());
  assert.equal(new TextDecoder().decode(head.subarray(0, 8)), 'QARINBDL');
  assert.equal(head[8] | (head[9] << 8), BUNDLE_VERSION);
  const back = await decodeBundle(blob);
  assert.deepEqual([...back.corpusBytes], [...corpusBytes]);
  assert.equal(back.manifest.articles, 2);
  assert.deepEqual(back.files.map((f) => [f.name, f.hashes, f.removed, f.origin]), files.map((f) => [f.name, f.hashes, f.removed, f.origin]));
  assert.equal(new TextDecoder().decode(back.files[1].bytes), 'عنوان\n\nنص عن الغوطة.');
});

test('a bundle is compressed', async () => {
  const big = [{ name: 'x.txt', bytes: enc.encode('Ghouta '.repeat(20_000)).buffer, hashes: ['0123456789abcdef'] }];
  const blob = await encodeBundle({ corpusBytes: new Uint8Array(0), files: big, articles: 1 });
  assert.ok(blob.size < 10_000, `${blob.size} bytes`);
});

test('other files, other versions and damaged bundles are refused with a code', async () => {
  await assert.rejects(decodeBundle(new Blob(['Title\n\nA text file'])), (e) => e.code === 'bundle' && /not a Qarin corpus bundle/.test(e.message));
  const good = new Uint8Array(await (await encodeBundle({ corpusBytes, files, articles: 2 })).arrayBuffer());
  const future = good.slice();
  future[8] = 2;
  await assert.rejects(decodeBundle(new Blob([future])), (e) => e.code === 'version' && /format 2/.test(e.message));
  await assert.rejects(decodeBundle(new Blob([good.slice(0, good.length - 20)])), (e) => e.code === 'bundle');
  const flipped = good.slice();
  flipped[40] ^= 0xff;
  await assert.rejects(decodeBundle(new Blob([flipped])), (e) => e.code === 'bundle');
});

test('bundle names carry the date and the .qarin extension', () => {
  assert.equal(bundleName(new Date('2025-03-04T12:00:00Z')), 'qarin-corpus-2025-03-04.qarin');
});

// Issue 12: a gzip bomb inside a .qarin bundle took Chrome to 9 GB (decompression had no limit).
test('a gzip bomb is refused once it inflates past the cap, without inflating it all', async () => {
  const MB = 1024 * 1024;
  assert.equal(maxPayload(0), MAX_SLACK);
  assert.equal(maxPayload(MB), MAX_RATIO * MB + MAX_SLACK);
  assert.equal(maxPayload(1e12), MAX_PAYLOAD);
  const header = new Uint8Array(12);
  header.set(new TextEncoder().encode('QARINBDL'));
  header[8] = BUNDLE_VERSION;
  const bomb = gzipSync(Buffer.alloc(256 * MB), { level: 9 }); // ~250 KB inflating to 256 MB
  const blob = new Blob([header, bomb]);
  assert.ok(blob.size < MB && maxPayload(blob.size) < 100 * MB);
  const before = process.memoryUsage().arrayBuffers;
  await assert.rejects(decodeBundle(blob), (e) => e.code === 'size' && /inflates to more than \d+ MB/.test(e.message));
  // Stopped at the cap: far less than the 256 MB the bomb holds was ever kept.
  assert.ok(process.memoryUsage().arrayBuffers - before < 200 * MB);
});

test('a real bundle well inside the cap still opens', async () => {
  const text = enc.encode('Ghouta '.repeat(1_000_000)); // 7 MB of one word: inflates ~1000 times
  const blob = await encodeBundle({ corpusBytes: new Uint8Array(0), files: [{ name: 'x.txt', bytes: text, hashes: [] }], articles: 1 });
  assert.ok(text.length < maxPayload(blob.size));
  const back = await decodeBundle(blob);
  assert.equal(back.files[0].bytes.length, text.length);
});

test('outlets the user named travel per file; names under bad keys or of bad types are dropped', async () => {
  const named = [
    { ...files[0], outlets: { '0123456789abcdef': 'العربي الجديد' } },
    { ...files[1], outlets: { fedcba9876543210: 42, 'not-a-hash': 'AFP', aaaaaaaaaaaaaaaa: 'x'.repeat(201) } },
  ];
  const back = await decodeBundle(await encodeBundle({ corpusBytes, files: named, articles: 2 }));
  assert.deepEqual(back.files[0].outlets, { '0123456789abcdef': 'العربي الجديد' });
  assert.equal(back.files[1].outlets, undefined);
  // A bundle written before outlets existed reads the same.
  const old = await decodeBundle(await encodeBundle({ corpusBytes, files, articles: 2 }));
  assert.deepEqual(old.files.map((f) => f.outlets), [undefined, undefined]);
  assert.equal(bundleName(new Date('2025-03-04T12:00:00Z'), 'selection'), 'qarin-selection-2025-03-04.qarin');
});
