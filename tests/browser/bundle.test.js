// Importing a bundle never loses the corpus (issue 12): "Replace my corpus" with an empty
// bundle, a bundle whose contents cannot be read, a damaged file or a gzip bomb leaves the
// corpus as it was, also after a reload; the bomb is refused with a clear message before it
// fills memory. Run after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/bundle.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, idle, corpusSize, bundleOf, bundle } from './helpers.js';

let b;
before(async () => {
  b = await start(); // a fresh profile: the five demo articles
  await b.open();
});
after(async () => {
  await b?.close();
});

const enc = new TextEncoder();

/** Imports `buffer` through the bundle input, choosing Replace; returns the report's text. */
async function replaceWith(name, buffer) {
  const page = b.page;
  await page.evaluate(() => document.querySelector('#report').replaceChildren()); // no earlier report
  await page.locator('#bundle-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.locator('#confirm-dialog button[data-choice=replace]').click();
  await page.waitForFunction(() => !document.body.dataset.busy && document.querySelector('#report .report-box:not(.is-progress)'));
  return page.locator('#report').textContent();
}

async function stillThere(before) {
  assert.equal(await corpusSize(b.page), before);
  await b.page.reload();
  await ready(b.page);
  assert.equal(await corpusSize(b.page), before, 'the corpus survives a reload');
}

test('Replace with an empty bundle keeps the corpus, also after a reload', async () => {
  const before = await corpusSize(b.page);
  assert.equal(before, 5);
  const report = await replaceWith('empty.qarin', bundle(Buffer.alloc(0), []));
  assert.match(report, /The bundle could not be used: .*no article.*unchanged/);
  await stillThere(before);
});

test('Replace with a bundle whose corpus and files cannot be read keeps the corpus', async () => {
  const before = await corpusSize(b.page);
  const junk = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256));
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), junk]);
  const report = await replaceWith('unreadable.qarin', bundle(junk, [{ name: 'picture.png', bytes: png }, { name: 'empty.txt', bytes: Buffer.alloc(0) }]));
  assert.match(report, /The bundle could not be used/);
  await stillThere(before);
});

test('Replace with a damaged bundle file keeps the corpus', async () => {
  const before = await corpusSize(b.page);
  const good = bundle(Buffer.alloc(0), [{ name: 'a.txt', bytes: Buffer.from(enc.encode('Title\n\nBody about Ghouta.')) }]);
  const report = await replaceWith('cut.qarin', good.subarray(0, good.length - 10));
  assert.match(report, /The bundle could not be used: the bundle is damaged/);
  await stillThere(before);
});

test('a gzip bomb in a bundle is refused with a clear message, the corpus kept', async () => {
  const before = await corpusSize(b.page);
  const bomb = bundleOf(Buffer.alloc(512 * 1024 * 1024)); // ~500 KB inflating to 512 MB
  assert.ok(bomb.length < 1024 * 1024);
  const report = await replaceWith('bomb.qarin', bomb);
  assert.match(report, /The bundle could not be used: the bundle inflates to more than \d+ MB/);
  await stillThere(before);
});

test('a good bundle still replaces the corpus', async () => {
  const report = await replaceWith('good.qarin', bundle(Buffer.alloc(0), [
    { name: 'a.txt', bytes: Buffer.from(enc.encode('Siege of Eastern Ghouta\n\nThe siege of Eastern Ghouta went on for years, residents said.')) },
  ]));
  assert.match(report, /^Bundle/);
  await idle(b.page);
  await stillThere(1);
});

test('logs no errors while importing', () => {
  assert.deepEqual(b.problems, []);
});
