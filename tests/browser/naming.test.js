// Naming the outlet of many files at once (issue 16, "Outlets": "let the user name the outlet
// of many files at once, by folder or file-name pattern such as fakes_0011_alaraby"): the
// Corpus menu's "Name outlets…" counts the matching files as the pattern is typed, names
// their outlet (aliases folded as at intake), and the name stays after a reload, after a
// restore from the saved files, and in a bundle imported elsewhere. Run after
// `./qarin.sh build`:  node --test --test-concurrency=1 tests/browser/naming.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, ready, upload, search } from './helpers.js';

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

const text = (name, body) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });
const FILES = [
  text('fakes_0011_alaraby.txt', 'Quillwort harvest report\n\nThe quillwort harvest began early in the valley this year.'),
  text('fakes_0012_alaraby.txt', 'Quillwort prices\n\nQuillwort prices rose at the market after the storm.'),
  text('fakes_0013_hayat.txt', 'Quillwort exports\n\nQuillwort exports fell by a third across the border.'),
  text('notes_alaraby_fakes.txt', 'Quillwort recipes\n\nA reader sent quillwort recipes from her grandmother.'),
];
const ARABY = 'العربي الجديد';

const sourceNames = (p = page) => p.locator('#source .source-options input').evaluateAll((els) => els.map((e) => e.value));
const rowSource = (file, p = page) => p.locator(`[data-file="${file}"] .hit-source`).textContent();

/** Opens "Name outlets…", types `pattern`, waits for the live count; returns its text. */
async function pick(pattern, p = page) {
  await p.locator('#corpus-menu summary').click();
  await p.locator('#name-outlets').click();
  await p.locator('#outlets-dialog[open]').waitFor();
  await p.fill('#outlets-pattern', pattern);
  await p.waitForFunction(() => document.querySelector('#outlets-count').textContent.trim() !== '');
  return p.locator('#outlets-count').textContent();
}

async function expectNamed(p = page) {
  await search(p, 'quillwort');
  assert.equal(await rowSource('fakes_0011_alaraby.txt', p), ARABY);
  assert.equal(await rowSource('fakes_0012_alaraby.txt', p), ARABY);
  // A name holding the words in another order is not matched: no outlet named for it.
  assert.equal(await p.locator('[data-file="notes_alaraby_fakes.txt"] .hit-source').count(), 0);
  const names = await sourceNames(p);
  assert.ok(names.includes(ARABY) && names.includes('AFP'), `sources: ${names}`);
}

test('a file-name pattern names the outlet of the files it matches, counted as it is typed', async () => {
  await upload(page, FILES);
  await search(page, 'quillwort');
  assert.ok(!(await sourceNames()).includes(ARABY));
  assert.match(await pick('FAKES_*_alaraby'), /2 articles in 2 files/);
  assert.deepEqual(await page.locator('#outlets-sample li').allTextContents(), ['fakes_0011_alaraby.txt', 'fakes_0012_alaraby.txt']);
  await page.fill('#outlets-pattern', 'no_such_file');
  await page.waitForFunction(() => /No file/.test(document.querySelector('#outlets-count').textContent));
  assert.ok(await page.locator('#outlets-apply').isDisabled());
  await page.fill('#outlets-pattern', 'fakes_*_alaraby');
  await page.waitForFunction(() => /2 articles/.test(document.querySelector('#outlets-count').textContent));
  await page.fill('#outlets-name', ARABY);
  await page.click('#outlets-apply');
  await page.waitForFunction((name) => document.querySelector('#report').textContent.includes(name) && !document.body.dataset.busy, ARABY);
  // An alias is folded as at intake: «أ ف ب» is AFP.
  await pick('hayat');
  await page.fill('#outlets-name', 'أ ف ب');
  await page.click('#outlets-apply');
  await page.waitForFunction(() => document.querySelector('#report').textContent.includes('“AFP”') && !document.body.dataset.busy);
  await expectNamed();
});

test('a name that is no outlet changes nothing and says so', async () => {
  await pick('fakes_0011');
  await page.fill('#outlets-name', 'Hosted');
  await page.click('#outlets-apply');
  await page.waitForFunction(() => /names no outlet/.test(document.querySelector('#report').textContent) && !document.body.dataset.busy);
  await expectNamed();
});

test('the names stay after a reload and after a restore from the saved files', async () => {
  await page.reload();
  await ready(page);
  await expectNamed();
  // Without the snapshot the files are read again: the names come from their records.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('qarin');
    open.onsuccess = () => {
      const tx = open.result.transaction('snapshot', 'readwrite');
      tx.objectStore('snapshot').clear();
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await ready(page);
  await expectNamed();
});

test('a bundle carries the names into another browser, read again or loaded as it is', async () => {
  await page.locator('#corpus-menu summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-bundle')]);
  const buffer = await readFile(await dl.path());
  const other = await start({ server: b.server });
  try {
    await other.open();
    // Added to the demo articles: the files are read again, the names come from the manifest.
    await other.page.locator('#bundle-input').setInputFiles({ name: 'named.qarin', mimeType: 'application/octet-stream', buffer });
    await other.page.locator('#confirm-dialog button[data-choice=add]').click();
    await other.page.waitForFunction(() => !document.body.dataset.busy && document.querySelector('#report .report-box:not(.is-progress)'));
    await expectNamed(other.page);
  } finally {
    await other.close();
  }
});
