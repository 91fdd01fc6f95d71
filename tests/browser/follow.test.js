// The page follows its view everywhere: Back puts the search box back with the list, and the
// open article and the side-by-side view mark the current query (issue 16, items 2 and 5).
// Demo corpus: seeds 000 and 002 (English) name Rouhani, seed 001 (Arabic) names روحاني.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, rows, search, settled, idle } from './helpers.js';

const EN = '000_b8dc9deffb4c23c5.txt';
const EN2 = '002_6ca43d48d28243e0.txt';
const AR = '001_629cf4ce1a02286a.txt';

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

const box = () => page.inputValue('#q');
const readerMarks = () => page.locator('#reader .article-body mark').count();

test('Back after typing without Enter puts the box back with the list and the address', async () => {
  await search(page, 'Aleppo');
  const aleppo = page.url();
  // Typed, not submitted: the list follows after a pause and the address records it.
  await page.locator('#q').fill('Ghouta');
  await settled(page, 'Ghouta');
  assert.match(page.url(), /q=Ghouta/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'the focus is still in the box');
  await page.goBack();
  await settled(page, 'Aleppo');
  assert.equal(page.url(), aleppo);
  assert.equal(await box(), 'Aleppo', 'the box says what the list shows');
  await page.goForward();
  await settled(page, 'Ghouta');
  assert.equal(await box(), 'Ghouta');
  // Back to the first entry (no view in the address): the empty search, box included.
  await page.goBack();
  await page.goBack();
  await settled(page, '');
  assert.equal(await box(), '');
  assert.equal(await rows(page).count(), 5);
});

test('Back before the pause ends does not bring the typed text back', async () => {
  await search(page, 'Macron');
  await search(page, 'Putin');
  await page.locator('#q').fill('Assad');
  await page.goBack(); // before the debounced search of "Assad" runs
  await settled(page, 'Macron');
  await page.waitForTimeout(600); // longer than the debounce: nothing may fire after Back
  await idle(page);
  assert.equal(await box(), 'Macron');
  assert.match(page.url(), /q=Macron/);
  assert.equal(await page.locator('#results').getAttribute('data-query'), 'Macron');
});

test('the open article marks the query as it changes, and drops the marks when it is cleared', async () => {
  await search(page, '');
  await page.locator(`[data-file="${EN2}"] .hit-open`).click();
  await page.locator('#reader article').waitFor();
  assert.equal(await readerMarks(), 0);
  await search(page, 'Rouhani');
  await page.waitForFunction(() => document.querySelectorAll('#reader .article-body mark').length > 0);
  const marks = await page.locator('#reader .article-body mark').allTextContents();
  assert.ok(marks.length >= 2 && marks.every((m) => /^Rouhani/.test(m)), `marks: ${marks}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'the box keeps the focus');
  // Typing (no Enter) updates the marks too.
  await page.locator('#q').fill('Putin');
  await settled(page, 'Putin');
  await idle(page);
  assert.deepEqual([...new Set(await page.locator('#reader .article-body mark').allTextContents())], ['Putin']);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', 'the box keeps the focus while typing');
  await search(page, '');
  await idle(page);
  assert.equal(await readerMarks(), 0, 'no marks once the box is cleared');
  assert.equal(await page.locator('#reader article').getAttribute('data-hash') !== null, true, 'the article stays open');
  // Exact form changes the marks as it changes the results: "presidents" also marks
  // "president" unless only the written form counts.
  await search(page, 'presidents');
  await page.waitForFunction(() => document.querySelectorAll('#reader .article-body mark').length > 0);
  const loose = await page.locator('#reader .article-body mark').allTextContents();
  assert.ok(loose.includes('president'), `marks: ${loose}`);
  await page.check('#exact');
  await idle(page);
  assert.deepEqual(await page.locator('#reader .article-body mark').allTextContents(), ['presidents']);
  await page.uncheck('#exact');
  await idle(page);
  assert.deepEqual(await page.locator('#reader .article-body mark').allTextContents(), loose);
});

test('a query the core cannot read leaves the article open, unmarked', async () => {
  await page.locator('#q').fill('"Rouhani');
  await settled(page, '"Rouhani');
  await idle(page);
  assert.equal(await page.locator('#reader article').count(), 1);
  assert.equal(await readerMarks(), 0);
  assert.doesNotMatch(await page.locator('#query-error').textContent(), /Cannot open/);
  await page.keyboard.press('Escape');
});

test('side by side marks the query in both columns, as the reader does', async () => {
  await search(page, '');
  await page.locator(`[data-file="${EN}"] input.compare-box`).check();
  await page.locator(`[data-file="${AR}"] input.compare-box`).check();
  await idle(page);
  const query = 'Rouhani OR روحاني';
  await search(page, query);
  // The reader's count for the English article, to compare with its column.
  await page.locator(`[data-file="${EN}"] .hit-open`).click();
  await page.waitForFunction(() => document.querySelectorAll('#reader .article-body mark').length > 0);
  const inReader = await readerMarks();
  await page.keyboard.press('Escape');
  await page.locator('#reader article').waitFor({ state: 'detached' });
  await page.click('#open-compare');
  await page.locator('#compare .sbs-col').first().waitFor();
  await idle(page);
  const left = await page.locator('#compare .sbs-left .article-body mark').count();
  const right = await page.locator('#compare .sbs-right .article-body mark').allTextContents();
  assert.equal(left, inReader, 'the English column marks what the reader marks');
  assert.ok(right.length > 0 && right.every((m) => /روحاني/.test(m)), `Arabic marks: ${right}`);
  // Back to the list, another query, side by side again: the marks follow.
  await page.keyboard.press('Escape');
  await page.locator('#compare').waitFor({ state: 'hidden' });
  await search(page, '');
  await page.click('#open-compare');
  await page.locator('#compare .sbs-col').first().waitFor();
  await idle(page);
  assert.equal(await page.locator('#compare mark').count(), 0);
  await page.keyboard.press('Escape');
  await page.locator('#compare').waitFor({ state: 'hidden' });
});

test('logs no errors', () => {
  assert.deepEqual(b.problems, []);
});
