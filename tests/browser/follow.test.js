// The page follows its view everywhere: Back puts the search box back with the list
// (issue 16, item 5).
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

test('logs no errors', () => {
  assert.deepEqual(b.problems, []);
});
