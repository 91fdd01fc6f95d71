// Messages that said the wrong thing or nothing (issue 16, "Messages" and "Demo corpus"):
// after a cancel the report's first line counts the files never read apart ("N not read
// (cancelled)"), not among the files articles came from; loading the demo again lists no
// kept file as a warning; with no full date in the corpus (the demo) a hint says where date
// filters and date order will appear, and it goes once articles carry dates. Both UI
// languages. Run after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/hints.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, upload, idle } from './helpers.js';

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

async function uiLang(lang) {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.click('#ui-lang');
  await page.waitForFunction((l) => document.documentElement.lang === l && !document.body.dataset.busy, lang);
}

test('with no dated article, a hint stands where the date filters will be, in both languages', async () => {
  await page.locator('#dates-hint').waitFor();
  assert.equal(await page.locator('#dates-field').isVisible(), false);
  assert.match(await page.textContent('#dates-hint'), /Date filters and newest-first order appear once articles carry full dates/);
  await uiLang('ar');
  assert.match(await page.textContent('#dates-hint'), /تواريخ كاملة/);
  await uiLang('en');
});

test('loading the demo corpus again lists no kept file as a warning', async () => {
  await page.locator('#corpus-menu summary').click();
  await page.click('#load-demo');
  await page.waitForFunction(() => !document.body.dataset.busy && document.querySelector('#report .report-box:not(.is-progress)'));
  const report = await page.textContent('#report');
  assert.equal(await page.locator('#report .report-warnings li').count(), 0, `no warnings: ${report}`);
  assert.match(report, /Already in the corpus: 5 files; nothing changed\./);
});

test('a cancelled upload counts the files never read apart from those read', async () => {
  const files = Array.from({ length: 1500 }, (_, i) => ({
    name: `batch_${String(i).padStart(4, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(`Report ${i} on the marsh\n\nThe marsh survey number ${i} counted ${i * 7} herons and ${i * 3} egrets near the dam.`),
  }));
  await page.locator('input[type=file]').first().setInputFiles(files);
  await page.waitForFunction(() => {
    const bar = document.querySelector('#report .is-progress progress');
    if (!bar || bar.value < 1 || bar.value > bar.max * 0.5) return false;
    [...document.querySelectorAll('#report .is-progress button')].find((el) => el.textContent.trim() === 'Cancel')?.click();
    return true;
  }, null, { polling: 'raf' });
  await page.waitForFunction(() => !document.querySelector('#report .is-progress') && !document.body.dataset.busy);
  const first = await page.locator('#report .report-summary').first().textContent();
  const m = first.match(/^Upload: added ([\d,]+) articles? from ([\d,]+) files?; ([\d,]+) files? not read \(cancelled\)\.$/);
  assert.ok(m, `first line: ${first}`);
  const [added, read, unread] = m.slice(1).map((s) => Number(s.replace(/,/g, '')));
  assert.equal(read + unread, 1500);
  assert.ok(unread > 0 && added === read, `${added} added from ${read} read, ${unread} unread`);
  assert.equal(await page.locator('#report .report-warnings li').count(), 0, 'no file listed as not added');
  await uiLang('ar');
  assert.match(await page.locator('#report .report-summary').first().textContent(), /\(أُلغيت القراءة\)/);
  await uiLang('en');
});

test('once an article carries a date, the date filters replace the hint', async () => {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Dam opens</title>
<meta property="article:published_time" content="2018-02-20T10:00:00Z"></head>
<body><article><h1>Dam opens</h1><p>The new dam opened on Tuesday after years of work on the marsh.</p>
<p>Engineers said the herons would return within a season.</p></article></body></html>`;
  await upload(page, [{ name: 'dated.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
  await idle(page);
  await page.locator('#dates-field').waitFor();
  assert.equal(await page.locator('#dates-hint').isVisible(), false);
});
