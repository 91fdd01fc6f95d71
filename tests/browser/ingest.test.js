// Real-world ingest in the page: a zip (nested folders, a page, a damaged entry, macOS
// metadata, a hidden file, a PDF) and a saved HTML page go through the first file input;
// their articles are listed by file name and every entry that was not read is named in the
// ingest report with its reason. Fixtures: tests/data/ingest/ (make_fixtures.py).
// Run from the project root after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { start, rows, upload, corpusSize } from './helpers.js';

const DATA = fileURLToPath(new URL('../data/ingest/', import.meta.url));

let b;
before(async () => {
  b = await start(); // a fresh profile: nothing saved from other tests
  await b.open();
});
after(async () => {
  await b?.close();
});

const fixture = async (name, mimeType) => ({ name, mimeType, buffer: await readFile(DATA + name) });

test('lists the articles of a zip and an HTML page and names what was skipped', async () => {
  const page = b.page;
  const before = await corpusSize(page);
  await upload(page, [
    await fixture('upload.zip', 'application/zip'),
    await fixture('page_en.html', 'text/html'),
  ]);
  const want = [
    'upload.zip/collection/ar/maarad.txt',
    'upload.zip/collection/en/lyon.txt',
    'upload.zip/collection/pages/library.html',
    'page_en.html',
  ];
  for (const file of want) {
    assert.equal(await page.locator(`[data-file="${file}"]`).count(), 1, `${file} is listed`);
  }
  assert.equal(await corpusSize(page), before + want.length);
  assert.equal(await rows(page).count(), before + want.length);
  const arabic = page.locator('[data-file="upload.zip/collection/ar/maarad.txt"]');
  assert.equal(await arabic.getAttribute('data-lang'), 'ar');

  const report = page.locator('#report');
  const text = await report.textContent();
  assert.match(text, /upload\.zip\/collection\/broken\.txt/);
  assert.match(text, /damaged/);
  assert.match(text, /upload\.zip\/collection\/notes\.pdf/);
  assert.match(text, /PDF document/);
  assert.match(text, /__MACOSX/);
  assert.match(text, /\.DS_Store/);
  // The damaged entry is listed as not added, by its own name.
  const skipped = report.locator('li.is-skipped', { hasText: 'broken.txt' });
  assert.equal(await skipped.count(), 1);
});

test('logs no errors while reading archives and pages', () => {
  assert.deepEqual(b.problems, []);
});
