// "How to search" beside the search box (issue 16, "In the way": "a short query-language help
// in the page, both languages, not only in the README"): the ? button opens the query
// language as the parser reads it, each example a button that runs that query; the
// explanations are in the UI language. Run after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/help.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, settled, rows } from './helpers.js';

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

const examples = () => page.locator('#query-help-dialog .help-example').evaluateAll((els) => els.map((e) => e.dataset.query));

test('the ? beside the box lists every construct of the query language, and an example runs', async () => {
  await page.click('#query-help');
  await page.locator('#query-help-dialog[open]').waitFor();
  const listed = await examples();
  // One example of each construct the parser reads (src/query/parse.rs).
  for (const construct of [/^Macron Rouhani$/, /^"Eastern Ghouta"$/, / OR /, / \| /, / -\w/, /\*$/, /^=/, /~$/, /^\/.*\/$/, /^title:/, /^lang:/, /^source:/, /^file:/, /^\(/]) {
    assert.ok(listed.some((q) => construct.test(q)), `an example of ${construct}: ${listed}`);
  }
  assert.equal(await page.locator('#query-help-dialog dd').count(), await page.locator('#query-help-dialog dt').count());
  await page.click('#query-help-dialog .help-example[data-query="\\"Eastern Ghouta\\""]');
  await settled(page, '"Eastern Ghouta"');
  assert.equal(await page.locator('#query-help-dialog[open]').count(), 0, 'the help closes');
  assert.equal(await page.inputValue('#q'), '"Eastern Ghouta"');
  assert.ok(await rows(page).count() > 0, 'the demo articles have the phrase');
});

test('the help speaks Arabic in the Arabic UI, its examples unchanged', async () => {
  await page.click('#ui-lang');
  await page.waitForFunction(() => document.documentElement.lang === 'ar' && !document.body.dataset.busy);
  assert.equal((await page.textContent('#query-help')).trim(), '؟');
  await page.click('#query-help');
  await page.locator('#query-help-dialog[open]').waitFor();
  assert.equal(await page.textContent('#query-help-title'), 'طريقة البحث');
  const texts = await page.locator('#query-help-dialog dd').allTextContents();
  assert.ok(texts.every((s) => /[\u0600-\u06FF]/.test(s)), `Arabic explanations: ${texts}`);
  await page.click('#query-help-dialog .help-example[data-query="Ghouta | الغوطة"]');
  await settled(page, 'Ghouta | الغوطة');
  await page.click('#ui-lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && !document.body.dataset.busy);
});

test('the help and the outlet-naming dialogs fit a 360 px phone', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  const outside = (selector) => page.evaluate((sel) => {
    const out = [];
    for (const el of document.querySelectorAll(`${sel}, ${sel} *`)) {
      for (const r of el.getClientRects()) {
        if (r.width && (r.left < -0.5 || r.right > innerWidth + 0.5)) out.push(`${el.tagName} ${el.className} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
    }
    return out;
  }, selector);
  await page.click('#query-help');
  await page.locator('#query-help-dialog[open]').waitFor();
  assert.deepEqual(await outside('#query-help-dialog'), []);
  await page.keyboard.press('Escape');
  await page.locator('#corpus-menu summary').click();
  await page.click('#name-outlets');
  await page.locator('#outlets-dialog[open]').waitFor();
  await page.fill('#outlets-pattern', '0');
  await page.waitForFunction(() => document.querySelector('#outlets-sample li'));
  assert.deepEqual(await outside('#outlets-dialog'), []);
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1366, height: 900 });
});
