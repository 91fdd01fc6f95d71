// The page in a real browser (Debian Chromium through playwright-core): seeds, search,
// Arabic layout, language filter, upload with a broken file, reader, side by side.
// Run from the project root after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/
// Screenshots go to tests/browser/out/ (git-ignored).
import * as nodeTest from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.js';
import * as helpers from './helpers.js';

// Every test here reads ../shared/corpus: skipped with a note when it is absent.
const { test, before, after } = helpers.corpusTests(nodeTest);

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const EN_FILE = 'fakes_0001_nna.txt';
const AR_FILE = 'snn_00001_aawsat.txt';
/** A word of the uploaded Arabic article's title ("بريطانيا: أربعة محاور لاستراتيجية ..."). */
const AR_TITLE_WORD = 'بريطانيا';

let server;
let profile;
let context;
let page;
const problems = []; // console errors and page errors, for the whole run
const requests = []; // every request URL, for the whole run

before(async () => {
  await mkdir(OUT, { recursive: true });
  server = await serve();
  profile = await mkdtemp(join(tmpdir(), 'qarin-browser-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
  });
  context.on('request', (r) => requests.push(r.url()));
  page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') problems.push(`worker console: ${m.text()}`); }));
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy);
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

// The shared helpers, bound to this file's one page.
const rows = () => helpers.rows(page);
const search = (query) => helpers.search(page, query);
const settled = (query) => helpers.settled(page, query);

async function setLang(value) {
  await page.selectOption('select[name=lang]', value);
  await settled(await page.inputValue('input[type=search]'));
}

test('opens with the five seed articles', async () => {
  assert.equal(await rows().count(), 5);
  assert.match(await page.locator('#corpus-size').textContent(), /5 articles/);
  const langs = await rows().evaluateAll((els) => els.map((e) => e.dataset.lang).sort());
  assert.deepEqual(langs, ['ar', 'ar', 'en', 'en', 'en']);
});

test('finds Ghouta and highlights it in the snippet', async () => {
  await search('Ghouta');
  assert.ok((await rows().count()) >= 1);
  const mark = rows().first().locator('.hit-snippet mark').first();
  assert.equal((await mark.textContent()).toLowerCase(), 'ghouta');
  assert.match(await page.locator('#summary').textContent(), /result/);
});

test('lays out Arabic results right to left', async () => {
  await search('الغوطة');
  assert.ok((await rows().count()) >= 2);
  const arabic = page.locator('[data-file][data-lang=ar]');
  assert.ok((await arabic.count()) >= 2);
  for (const row of await arabic.all()) {
    for (const part of ['.hit-open', '.hit-snippet']) {
      const el = row.locator(part);
      assert.equal(await el.getAttribute('dir'), 'rtl');
      assert.equal(await el.getAttribute('lang'), 'ar');
    }
    assert.ok((await row.locator('.hit-snippet mark').count()) >= 1);
  }
  const direction = await arabic.first().locator('.hit-snippet').evaluate((el) => getComputedStyle(el).direction);
  assert.equal(direction, 'rtl');
});

test('filters the list by language', async () => {
  await search('');
  await setLang('en');
  assert.equal(await rows().count(), 3);
  assert.deepEqual(await rows().evaluateAll((els) => [...new Set(els.map((e) => e.dataset.lang))]), ['en']);
  await setLang('ar');
  assert.equal(await rows().count(), 2);
  await setLang('all');
  assert.equal(await rows().count(), 5);
});

test('shows a malformed query as an error instead of results', async () => {
  await search('"unclosed');
  assert.equal(await rows().count(), 0);
  assert.match(await page.locator('[role=alert]').textContent(), /quotation|close/i);
  await search('');
  assert.equal(await rows().count(), 5);
  assert.equal(await page.locator('[role=alert]').textContent(), '');
});

test('adds uploaded files and names the broken one in the ingest report', async () => {
  const en = await readFile(join(CORPUS, 'en', EN_FILE));
  const ar = await readFile(join(CORPUS, 'ar', AR_FILE));
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  await page.locator('input[type=file]').first().setInputFiles([
    { name: EN_FILE, mimeType: 'text/plain', buffer: en },
    { name: AR_FILE, mimeType: 'text/plain', buffer: ar },
    { name: 'broken.txt', mimeType: 'text/plain', buffer: png },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('[data-file]').length === 7 && !document.body.dataset.busy);
  const report = page.locator('#report');
  assert.match(await report.textContent(), /broken\.txt/);
  assert.match(await report.textContent(), /PNG image/); // the core's reason, whatever its wording
  assert.ok(await report.locator('.report-file', { hasText: 'broken.txt' }).isVisible());
  // The report downloads as CSV: which file, why, and the core's code.
  const [dl] = await Promise.all([page.waitForEvent('download'), report.locator('.report-download').click()]);
  assert.equal(dl.suggestedFilename(), 'qarin-report.csv');
  const csv = (await readFile(await dl.path(), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  assert.equal(csv[0], 'File,Status,Code,Message');
  assert.match(csv.find((l) => l.startsWith('broken.txt,')) ?? '', /^broken\.txt,not added,format_not_read,"not read: it is a PNG image, a format Qarin does not read"$/);
  assert.match(await page.locator('#corpus-size').textContent(), /7 articles/);

  await search(AR_TITLE_WORD);
  assert.ok((await page.locator(`[data-file="${AR_FILE}"]`).count()) === 1);
});

test('counts matches per language in the language menu', async () => {
  await search('ماكرون OR Macron');
  const labels = await page.locator('select[name=lang] option').allTextContents();
  // All, Arabic, English: Macron is in one English seed and two Arabic ones.
  assert.deepEqual(labels.map((l) => l.match(/\((\d+)\)$/)?.[1]), ['3', '2', '1']);
});

test('matches only the written form when Exact form is ticked', async () => {
  await search('Iran’s');
  const folded = await rows().count();
  await page.check('#exact');
  await settled('Iran’s');
  await page.waitForFunction(() => !document.body.dataset.busy);
  const exact = await rows().count();
  assert.ok(exact < folded, `exact ${exact} vs folded ${folded}`);
  await page.uncheck('#exact');
  await page.waitForFunction(() => !document.body.dataset.busy);
});

test('an apostrophe typed in Exact form finds the typeset one', async () => {
  await page.check('#exact');
  await page.waitForFunction(() => !document.body.dataset.busy);
  const found = async (q) => {
    await search(q);
    await page.waitForFunction(() => !document.body.dataset.busy);
    return rows().evaluateAll((els) => els.map((e) => e.dataset.file));
  };
  const typeset = await found('Iran’s');
  assert.ok(typeset.length > 0);
  assert.deepEqual(await found("Iran's"), typeset);
  await page.uncheck('#exact');
  await page.waitForFunction(() => !document.body.dataset.busy);
});

test('opens an article in the reader and closes it with Esc', async () => {
  await search('الغوطة');
  await page.locator('[data-file="001_629cf4ce1a02286a.txt"] .hit-open').click();
  const article = page.locator('#reader article');
  await article.waitFor();
  assert.equal(await article.getAttribute('dir'), 'rtl');
  assert.equal(await article.getAttribute('lang'), 'ar');
  assert.match(await article.locator('.article-meta').textContent(), /Arabic.*File/s);
  assert.ok((await article.locator('.article-body p').count()) >= 3);
  // The reader marks the query's matches, every spelling of them, and shows the first.
  const marks = await article.locator('.article-body mark').allTextContents();
  assert.ok(marks.length >= 3, `marks: ${marks}`);
  assert.ok(marks.includes('الغوطة') && marks.includes('والغوطة'), `marks: ${marks}`);
  assert.ok(await article.locator('.article-body mark').first().isVisible());
  await page.mouse.move(0, 0); // no hover underline in the picture
  await page.screenshot({ path: join(OUT, 'results.png'), fullPage: true });

  await page.keyboard.press('Escape');
  await page.locator('#reader article').waitFor({ state: 'detached' });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
});

test('reads one English and one Arabic article side by side', async () => {
  await search('');
  await page.locator('[data-file][data-lang=en]').first().locator('input.compare-box').check();
  await page.locator(`[data-file="${AR_FILE}"] input.compare-box`).check();
  await page.click('#open-compare');
  const cols = page.locator('#compare .sbs-col');
  await cols.first().waitFor();
  assert.equal(await cols.count(), 2);
  assert.equal(await cols.nth(0).getAttribute('dir'), 'ltr');
  assert.equal(await cols.nth(1).getAttribute('dir'), 'rtl');
  assert.equal(await cols.nth(1).getAttribute('lang'), 'ar');
  const [left, right] = [await cols.nth(0).boundingBox(), await cols.nth(1).boundingBox()];
  assert.ok(left.x + left.width <= right.x, 'the English column is left of the Arabic one');
  assert.ok(Math.abs(left.y - right.y) < 2, 'the columns sit side by side');
  assert.match(await cols.nth(1).locator('.article-title').textContent(), new RegExp(AR_TITLE_WORD));
  await page.screenshot({ path: join(OUT, 'side-by-side.png'), fullPage: true });

  await page.keyboard.press('Escape');
  await page.locator('#compare').waitFor({ state: 'hidden' });
  assert.equal(await rows().count(), 7);
});

test('adds files dropped onto the page and reports an empty one', async () => {
  await search('');
  const before = await rows().count();
  const text = (await readFile(join(CORPUS, 'en', 'fakes_0002_nna.txt'), 'utf8'));
  // A synthetic drop: the page falls back from folder entries to DataTransfer.files.
  await page.evaluate(({ text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
    dt.items.add(new File([], 'empty.txt', { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, { text });
  await page.waitForFunction((n) => document.querySelectorAll('[data-file]').length === n && !document.body.dataset.busy, before + 1);
  assert.equal(await page.locator('[data-file="dropped.txt"]').count(), 1);
  const report = await page.locator('#report').textContent();
  assert.match(report, /empty\.txt/);
  assert.match(report, /empty file/);
  assert.ok(await page.locator('#drop-overlay').isHidden());
});

test('pages through a large upload, one page of rows at a time', async () => {
  const names = (await readdir(join(CORPUS, 'en'))).filter((n) => n.endsWith('.txt')).sort().slice(10, 130);
  const files = await Promise.all(names.map(async (name) => ({ name, mimeType: 'text/plain', buffer: await readFile(join(CORPUS, 'en', name)) })));
  await page.locator('input[type=file]').first().setInputFiles(files);
  await page.waitForFunction(() => /120 files/.test(document.querySelector('#report .report-box:not(.is-progress)')?.textContent) && !document.body.dataset.busy);
  const size = Number((await page.locator('#corpus-size').textContent()).match(/\d+/)[0]);
  assert.ok(size > 100, `corpus has ${size} articles`);
  // Rows past the first screenful are added a screenful per task after the first paint.
  await page.waitForSelector('#results[data-complete="true"]');
  assert.equal(await rows().count(), 100);
  assert.match(await page.locator('#pager').textContent(), /Page 1 of 2/);
  // Near-duplicates are folded into one row each: the summary says how many.
  const folded = Number((await page.locator('#summary').textContent()).match(/([\d,]+) near-duplicates? folded/)?.[1] ?? 0);
  await page.click('#pager .pager-next');
  await page.waitForFunction((n) => document.querySelectorAll('[data-file]').length === n && !document.body.dataset.busy, size - folded - 100);
  assert.ok(await page.locator('#pager .pager-next').isDisabled());
  assert.match(page.url(), /[#&]p=2\b/);
  await page.click('#pager .pager-prev');
  await page.waitForFunction(() => document.querySelectorAll('[data-file]').length === 100 && !document.body.dataset.busy);
});

test('logs no errors and requests nothing from another origin', async () => {
  assert.deepEqual(problems, []);
  assert.ok(requests.some((u) => u.endsWith('/seeds/index.json')), 'worker requests are recorded');
  const foreign = requests.filter((u) => new URL(u).origin !== server.url);
  assert.deepEqual(foreign, []);
  assert.equal(await page.evaluate(() => document.body.dataset.failed), undefined);
});
