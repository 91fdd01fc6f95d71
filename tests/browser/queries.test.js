// Queries that could silently mean something else (issue 16, "In the way"): `|` standing
// alone is OR; `or` in lower case stays a word (operators are upper case, the documented
// rule) and the summary beside the results says so; `date:2016`, `after:2016` and `foo:bar`
// are no filters, and the summary says they were searched as words. Both UI languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserFor, rows, search } from './helpers.js';

// Macron and Aleppo also find their Arabic spellings once the lexicon is in: the searches
// compared below are all made after it (one made before it is answered without them and
// only redrawn when it comes, after the test may have read it).
let page;
const session = browserFor({ before, after }, {
  ready: async (p) => {
    page = p;
    await p.waitForFunction(() => document.body.dataset.lexicon === 'true');
  },
});

const files = async () => (await rows(page).evaluateAll((els) => els.map((e) => e.dataset.file))).sort();
const notes = () => page.locator('#summary .core-message').evaluateAll((els) => els.map((e) => [e.dataset.code, e.textContent]));

test('a bar standing alone is OR, and an upper-case query has no note', async () => {
  await search(page, 'Macron');
  const macron = await files();
  await search(page, 'Aleppo');
  const aleppo = await files();
  await search(page, 'Macron OR Aleppo');
  const either = await files();
  assert.deepEqual(either, [...new Set([...macron, ...aleppo])].sort());
  assert.ok(either.length > Math.max(macron.length, aleppo.length), 'the two words find different articles');
  assert.deepEqual(await notes(), []);
  await search(page, 'Macron | Aleppo');
  assert.deepEqual(await files(), either);
  assert.deepEqual(await notes(), []);
});

test('lower-case or and unknown fields are named beside the count, in both UI languages', async () => {
  await search(page, 'Rouhani or Putin');
  let n = await notes();
  assert.equal(n.length, 1);
  assert.equal(n[0][0], 'query_lower_or');
  assert.match(n[0][1], /OR in capitals/);
  for (const q of ['date:2016', 'after:2016 Rouhani', 'foo:bar']) {
    await search(page, q);
    n = await notes();
    assert.deepEqual(n.map((x) => x[0]), ['query_not_a_field'], q);
    assert.match(n[0][1], /is no filter/);
    assert.ok(n[0][1].includes(q.split(' ')[0]), `${n[0][1]} names ${q}`);
  }
  await page.click('#ui-lang');
  await page.waitForFunction(() => document.documentElement.lang === 'ar' && !document.body.dataset.busy);
  await page.waitForFunction(() => /ليس مرشّحًا/.test(document.querySelector('#summary').textContent));
  n = await notes();
  assert.equal(n[0][0], 'query_not_a_field');
  assert.ok(n[0][1].includes('foo:bar'), 'the query text is kept as typed');
  await search(page, 'Rouhani or Putin');
  assert.match((await notes())[0][1], /بالأحرف الكبيرة/);
  await page.click('#ui-lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
});

test('Arabic query text in an error keeps the text font, not the monospace one', async () => {
  await page.fill('#q', 'الغوطة (حلب');
  await page.press('#q', 'Enter');
  const at = page.locator('#query-error .query-at, .query-error .query-at').first();
  await at.waitFor();
  const [font, bodyFont] = await at.evaluate((el) => [getComputedStyle(el).fontFamily, getComputedStyle(el.parentElement).fontFamily]);
  assert.doesNotMatch(font, /mono/i);
  assert.equal(font, bodyFont);
});

/** Left edges of the first `a` and `b` inside `selector`'s text, in px (ranges over text). */
function edges(selector, a, b) {
  return page.evaluate(({ selector, a, b }) => {
    const el = document.querySelector(selector);
    const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE) ?? el.firstChild;
    const at = (word) => {
      const r = document.createRange();
      const i = node.textContent.indexOf(word);
      r.setStart(node, i);
      r.setEnd(node, i + word.length);
      return r.getBoundingClientRect().left;
    };
    return [at(a), at(b)];
  }, { selector, a, b });
}

test('a mixed query is echoed in the order it was typed, in both UI languages', async () => {
  const q = 'الغوطة OR Ghouta';
  await search(page, q);
  assert.equal(await page.textContent('#summary .summary-query'), q);
  // English UI, read left to right: the Arabic word (typed first) stands left of Ghouta.
  let [ar, en] = await edges('#summary .summary-query', 'الغوطة', 'Ghouta');
  assert.ok(ar < en, `English UI: الغوطة at ${ar}, Ghouta at ${en}`);
  // The question before removing the results names the query the same way.
  await page.click('#remove-results');
  await page.locator('#confirm-dialog[open] .dialog-details bdi').waitFor();
  [ar, en] = await edges('#confirm-dialog .dialog-details bdi', 'الغوطة', 'Ghouta');
  assert.ok(ar < en, `remove dialog, English UI: الغوطة at ${ar}, Ghouta at ${en}`);
  await page.click('#confirm-dialog button[value=cancel]');
  // A query the core cannot read is echoed the same way where the error points.
  await page.fill('#q', `(${q}`);
  await page.press('#q', 'Enter');
  await page.locator('#query-error .query-at').waitFor();
  [ar, en] = await edges('#query-error .query-at', 'الغوطة', 'Ghouta');
  assert.ok(ar < en, `error echo, English UI: الغوطة at ${ar}, Ghouta at ${en}`);
  // Arabic UI, read right to left: the Arabic word stands right of Ghouta.
  await page.click('#ui-lang');
  await page.waitForFunction(() => document.documentElement.lang === 'ar' && !document.body.dataset.busy);
  await search(page, q);
  [ar, en] = await edges('#summary .summary-query', 'الغوطة', 'Ghouta');
  assert.ok(ar > en, `Arabic UI: الغوطة at ${ar}, Ghouta at ${en}`);
  await page.click('#ui-lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
});

test('logs no errors', () => {
  assert.deepEqual(session.b.problems, []);
});
