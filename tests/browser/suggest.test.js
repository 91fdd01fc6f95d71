// "Did you mean": a search with few results loads the full build (the start-up build has no
// suggester: its answer says `suggest_in_full_build`), shows the corpus's own spelling as a
// button with its count, and the button runs it; in both UI languages. Run after
// `./qarin.sh build`:  node --test --test-concurrency=1 tests/browser/suggest.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, search, settled, rows } from './helpers.js';

let b;
before(async () => {
  b = await start();
  await b.open();
});
after(async () => {
  await b?.close();
});

const offered = (page) => page.locator('.did-you-mean');

test('a misspelt name offers the corpus spelling, which runs on a click', async () => {
  const page = b.page;
  await search(page, 'Alepo');
  assert.equal(await rows(page).count(), 0);
  await offered(page).waitFor();
  const text = await offered(page).textContent();
  assert.match(text, /Did you mean Aleppo \(\d+ results?\)/);
  await page.locator('.did-you-mean button', { hasText: 'Aleppo' }).first().click();
  await settled(page, 'Aleppo');
  assert.equal(await page.inputValue('input[type=search]'), 'Aleppo');
  assert.ok(await rows(page).count() > 0);
  // A search with enough results offers nothing.
  assert.equal(await offered(page).count(), 0);
});

test('the offer is in Arabic with the Arabic interface', async () => {
  const page = b.page;
  await page.click('#ui-lang');
  await search(page, 'Alepo');
  await offered(page).waitFor();
  const text = await offered(page).textContent();
  assert.ok(text.includes('هل تقصد'), text);
  assert.ok(text.includes('؟'), text);
  await page.click('#ui-lang');
});

test('logs no errors', () => {
  assert.deepEqual(b.problems, []);
});
