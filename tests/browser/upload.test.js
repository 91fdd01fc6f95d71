// A big upload as the user sees it: a progress bar with file counts, the file being read and
// a cancel button; results that appear while files are still being read; a cancel that keeps
// everything saved so far.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, rows, corpusSize, corpusFiles, corpusNames, upload } from './helpers.js';

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
  const panel = page.locator('#report .is-progress');
  await panel.waitFor();
  // Articles show up in the list while the upload is still running.
  await page.waitForFunction(() => document.querySelector('#report .is-progress') && document.querySelectorAll('[data-file]').length > 20);
  const bar = panel.locator('progress');
  assert.equal(await bar.getAttribute('max'), String(names.length));
  assert.ok(Number(await bar.evaluate((el) => el.value)) > 0);
  assert.match(await panel.locator('.progress-count').textContent(), /Reading files… [\d,]+ of 1,200 files · [\d,]+ articles? saved/);
  assert.match(await panel.locator('.progress-file-name').textContent(), /^snn_\d+_\w+\.txt$/);
  assert.ok(await page.getByRole('button', { name: 'Cancel' }).isVisible());
  assert.ok(await page.locator('[data-file]').first().isVisible());

  await page.getByRole('button', { name: 'Cancel' }).click();
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

test('logs no errors during uploads', () => {
  assert.deepEqual(b.problems, []);
});
