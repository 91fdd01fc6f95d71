// The worker asks the core which build a query needs (`Corpus.needsFullBuild`), never a
// JavaScript pattern of its own: `(Ghouta)/si[e]ge/` (a regex right after a parenthesis,
// which the old pattern missed) loads the full build and runs as a regex. Run after
// `./qarin.sh build`:  node --test --test-concurrency=1 tests/browser/fullbuild.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, search, rows, upload } from './helpers.js';

let b;
let fullBuild = false; // the page or its worker fetched the full build (the service worker's precache does not count)
before(async () => {
  b = await start();
  b.context.on('request', (r) => {
    if (!r.serviceWorker() && /\/pkg-full\/qarin_bg\.wasm$/.test(r.url())) fullBuild = true;
  });
  await b.open();
});
after(async () => {
  await b?.close();
});

const fullBuildLoaded = () => fullBuild;

// The full build also comes in the background after start-up, with the lexicon
// (pkg-lexicon/, tests/browser/crosslingual.test.js): a plain search does not wait for it.
test('a plain search answers from whichever build is loaded', async () => {
  await search(b.page, 'Ghouta');
  assert.ok(await rows(b.page).count() > 0);
});

test('(Ghouta)/si[e]ge/ switches to the full build and runs as a regex', async () => {
  await search(b.page, '(Ghouta)/si[e]ge/');
  assert.equal(await b.page.locator('#query-error').textContent(), '');
  assert.ok(fullBuildLoaded(), 'the full build was loaded');
  const files = await rows(b.page).evaluateAll((els) => els.map((e) => e.dataset.file));
  assert.deepEqual(files, ['000_b8dc9deffb4c23c5.txt']);
  // A regex that matches nothing finds nothing: the pattern is run, not ignored.
  await search(b.page, '(Ghouta)/si[x]ge/');
  assert.equal(await rows(b.page).count(), 0);
});

test('logs no errors', () => {
  assert.deepEqual(b.problems, []);
});

test('a regex search past its work limit shows the articles it read and says the answer is partial', async () => {
  // 200 KB of text costs more than the search's work budget for a pattern of this size
  // (text bytes × compiled size): the core skips that article and marks the answer partial.
  const words = 'Ghouta siege talks resumed in Geneva on Sunday with envoys from both sides. ';
  const text = `A long report\n\n${words.repeat(2700)}\n`;
  await upload(b.page, [{ name: 'long-report.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }]);
  await search(b.page, '/(.*){1000}/');
  const note = b.page.locator('#summary .core-message[data-code="query_regex_partial"]');
  await note.waitFor();
  assert.match(await note.textContent(), /work limit: it read \d+ of \d+ articles/);
  // A cheap regex over the same corpus is whole: no note. (Not /Geneva/: its 2,700
  // matches in the long report pass the 2,000 a text marks, which says so too.)
  await search(b.page, '/Macron/');
  assert.equal(await b.page.locator('#summary .core-message').count(), 0);
  assert.ok(await rows(b.page).count() > 0);
});
