// A big upload as the user sees it: a progress bar with file counts, the file being read and
// a cancel button; results that appear while files are still being read; a cancel that keeps
// everything saved so far.
import * as nodeTest from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, rows, corpusSize, corpusFiles, corpusNames, upload, corpusTests } from './helpers.js';

// Every test here reads ../shared/corpus: skipped with a note when it is absent.
const { test, before, after } = corpusTests(nodeTest);

let b;
before(async () => {
  b = await start();
  await b.open();
});
after(async () => {
  await b?.close();
});

test('shows progress with file counts, the file being read and a cancel button, and lists results before the end', async () => {
  const page = b.page;
  const names = (await corpusNames('ar')).slice(0, 1200);
  await page.locator('input[type=file]').first().setInputFiles(await corpusFiles('ar', names));
  // The page is read and Cancel pressed in one step, in the page, at the first moment that
  // results are listed while at most 80% of the files are read: a step-by-step check could
  // find the upload already over on a fast machine, or not yet showing results on a slow one
  // (the first upload also loads the full build, and the lexicon links the new articles).
  const seen = await (await page.waitForFunction(() => {
    const panel = document.querySelector('#report .is-progress');
    const bar = panel?.querySelector('progress');
    const rows = document.querySelectorAll('[data-file]');
    // A row of an uploaded file (the demo articles are 000_… to 004_…).
    const uploaded = [...rows].some((r) => r.dataset.file.startsWith('snn_'));
    if (!bar || !uploaded || bar.value > bar.max * 0.8) return null;
    const cancel = [...panel.querySelectorAll('button')].find((el) => el.textContent.trim() === 'Cancel');
    const visible = (el) => !!el && el.getClientRects().length > 0;
    const seen = {
      max: bar.getAttribute('max'),
      value: bar.value,
      count: panel.querySelector('.progress-count')?.textContent,
      file: panel.querySelector('.progress-file-name')?.textContent,
      cancelVisible: visible(cancel),
      rowVisible: visible(rows[0]),
    };
    cancel?.click();
    return seen;
  }, null, { polling: 'raf' })).jsonValue();
  assert.equal(seen.max, String(names.length));
  assert.ok(seen.value > 0);
  assert.match(seen.count, /Reading files… [\d,]+ of 1,200 files · [\d,]+ articles? saved/);
  assert.match(seen.file, /^snn_\d+_\w+\.txt$/);
  assert.ok(seen.cancelVisible);
  assert.ok(seen.rowVisible);

  await page.waitForFunction(() => !document.querySelector('#report .is-progress') && !document.body.dataset.busy);
  const report = await page.locator('#report').textContent();
  assert.match(report, /Cancelled after [\d,]+ of 1,200 files; everything added so far is saved/);
  const added = Number(await page.locator('#report .report-box').getAttribute('data-added'));
  assert.ok(added > 0 && added < names.length, `${added} added before the cancel`);
  assert.equal(await corpusSize(page), 5 + added);
  await page.reload();
  await ready(page);
  assert.equal(await corpusSize(page), 5 + added, 'what was saved before the cancel stays');
  assert.ok((await rows(page).count()) > 0);
});

test('reads every file of a large upload exactly once', async () => {
  const page = b.page;
  const before = await corpusSize(page);
  const names = await corpusNames('en');
  await upload(page, await corpusFiles('en', names));
  const box = page.locator('#report .report-box');
  const added = Number(await box.getAttribute('data-added'));
  const skipped = await page.locator('#report .report-warnings li.is-skipped').count();
  assert.equal(added + skipped, names.length, `${added} added + ${skipped} skipped`);
  assert.equal(await corpusSize(page), before + added);
});

test('a report of many failed files lists the first 200, the files not added first, and counts the rest', async () => {
  const page = b.page;
  // 230 empty files (not added) and one good article (added, with no note).
  const files = Array.from({ length: 230 }, (_, i) => ({ name: `empty-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.alloc(0) }));
  files.push({ name: 'fine.txt', mimeType: 'text/plain', buffer: Buffer.from('A fine title\n\nA body of several words that makes an article.') });
  await upload(page, files);
  assert.equal(await page.locator('#report .report-warnings li.is-skipped').count(), 200);
  assert.match(await page.locator('#report .report-warnings li.report-more').textContent(), /30 more/);
  assert.equal(await page.locator('#report .report-box').getAttribute('data-added'), '1');
  assert.match(await page.locator('#report .report-details summary').first().textContent(), /230 files not added/);
});

test('logs no errors during uploads', () => {
  assert.deepEqual(b.problems, []);
});
