// Sharing a part of the corpus (issue 16, "Sharing a selection": a link carrying one long
// article can pass the 32,000-character limit, and the only other offer was a bundle of the
// whole corpus): the share dialog makes a bundle of every article the current search and
// filters match (all of them, not one page), or of the open article when its link is too
// long, shows its size, and saves it; imported into an empty profile it gives exactly those
// articles. Run after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/selection.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { start, search, rows, upload, corpusSize } from './helpers.js';

let b;
let page;
before(async () => {
  b = await start();
  page = b.page;
  await b.open();
});
after(async () => {
  await b?.close();
});

const files = async (p) => (await rows(p).evaluateAll((els) => els.map((e) => e.dataset.file))).sort();

/** Makes the bundle with `button` in the share dialog; returns `{text, buffer}`. */
async function makeBundle(button) {
  await page.click('#share');
  await page.locator('#share-dialog[open]').waitFor();
  await page.click(button);
  await page.locator('#share-selection-save').waitFor();
  const text = await page.textContent('#share-selection-status');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#share-selection-save')]);
  assert.match(dl.suggestedFilename(), /^qarin-selection-\d{4}-\d\d-\d\d\.qarin$/);
  const buffer = await readFile(await dl.path());
  await page.keyboard.press('Escape');
  return { text, buffer };
}

/** Imports `buffer` into a fresh, emptied profile; returns its article files. */
async function importElsewhere(buffer) {
  const other = await start({ server: b.server });
  try {
    const p = await other.open();
    await p.locator('#corpus-menu summary').click();
    await p.click('#clear-corpus');
    await p.click('#confirm-dialog button[data-choice=clear]');
    await p.waitForFunction(() => !document.body.dataset.busy && document.querySelector('#empty-corpus:not([hidden])'));
    await p.locator('#bundle-input').setInputFiles({ name: 'part.qarin', mimeType: 'application/octet-stream', buffer });
    await p.waitForFunction(() => !document.body.dataset.busy && document.querySelector('#report .report-box:not(.is-progress)'));
    await search(p, '');
    return { size: await corpusSize(p), files: await files(p) };
  } finally {
    await other.close();
  }
}

test('a bundle of the current results holds every matching article and nothing else', async () => {
  await search(page, 'Ghouta');
  const wanted = await files(page);
  assert.ok(wanted.length > 0 && wanted.length < 5, `Ghouta finds ${wanted.length} of the 5 demo articles`);
  const { text, buffer } = await makeBundle('#share-bundle-results');
  assert.match(text, new RegExp(`^Ready: ${wanted.length} articles?, [\\d,]+ KB\\.`));
  const kb = Number(text.match(/([\d,]+) KB/)[1].replace(/,/g, ''));
  assert.equal(kb, Math.max(1, Math.ceil(buffer.length / 1024)), 'the size shown is the file saved');
  const got = await importElsewhere(buffer);
  assert.equal(got.size, wanted.length);
  assert.deepEqual(got.files, wanted);
});

test('an article too long for a link is offered as a bundle of its own', async () => {
  // Random words do not compress: the link carrying this article passes 32,000 characters.
  const words = Array.from({ length: 6000 }, () => randomBytes(6).toString('base64url').replace(/[-_\d]/g, 'q'));
  const body = Array.from({ length: 60 }, (_, i) => words.slice(i * 100, i * 100 + 100).join(' ')).join('\n\n');
  await upload(page, [{ name: 'longread.txt', mimeType: 'text/plain', buffer: Buffer.from(`Longread on lichens\n\nLichens everywhere.\n\n${body}`) }]);
  await search(page, 'lichens');
  await page.click('[data-file="longread.txt"] .hit-open');
  await page.locator('#reader.is-open').waitFor();
  const { text, buffer } = await makeBundle('#share-bundle-open');
  assert.match(text, /^Ready: 1 article, [\d,]+ KB\./);
  const got = await importElsewhere(buffer);
  assert.deepEqual(got.files, ['longread.txt']);
});
