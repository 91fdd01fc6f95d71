// Same story and story clusters in the page (pkg-stories/): once the lexicon is in, the
// reader of the English report of the Macron–Rouhani call (seed 000) shows "Same story in
// Arabic" with the Arabic report (001) first and the shared entities as the reason; its
// Compare button opens the two side by side; the Stories view lists 000+001 as one story
// and its link (view=stories) restores it; the Arabic UI names entities in Arabic; at phone
// width (360px) nothing overflows sideways.
// Run after `./qarin.sh build`:  node --test --test-concurrency=1 tests/browser/stories.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './helpers.js';

const seeds = JSON.parse(readFileSync(new URL('../../www/seeds/index.json', import.meta.url), 'utf8'));
const hashOf = (prefix) => seeds.files.find((f) => f.name.startsWith(prefix)).hashes[0];
const EN = hashOf('000_');
const AR = hashOf('001_');

let b;
before(async () => {
  b = await start();
});
after(async () => {
  await b?.close();
});

const lexiconIn = (page) => page.waitForFunction(() => document.body.dataset.lexicon === 'true');

test('the reader shows the Arabic report of the call first, with the reason, and Compare opens both', async () => {
  await b.open();
  await lexiconIn(b.page);
  await b.open(`/#v=1&a=${EN}`);
  await lexiconIn(b.page);
  const first = b.page.locator('.same-story-item').first();
  await first.waitFor();
  assert.equal(await b.page.locator('.same-story-heading').textContent(), 'Same story in Arabic');
  assert.equal(await first.getAttribute('data-hash'), AR);
  const reason = await first.locator('.same-story-reason').textContent();
  assert.match(reason, /^shared: /);
  // Entities by their lexicon name, other evidence as the article writes it.
  for (const name of ['Hassan Rouhani', 'Tehran', 'Sunday']) assert.ok(reason.includes(name), reason);
  assert.match(await first.locator('.same-story-score').textContent(), /score \d\.\d\d/);
  await first.locator('.same-story-compare').click();
  await b.page.waitForFunction(() => document.body.classList.contains('is-comparing'));
  assert.match(b.page.url(), new RegExp(`cmp=${EN}\\.${AR}`));
  assert.equal(await b.page.locator(`#compare article[data-hash="${EN}"]`).count(), 1);
  assert.equal(await b.page.locator(`#compare article[data-hash="${AR}"]`).count(), 1);
  assert.deepEqual(b.problems, []);
});

test('the Stories view lists the call as one story, opens from its button and from its link', async () => {
  await b.open('/');
  await lexiconIn(b.page);
  await b.page.locator('#stories').click();
  const story = b.page.locator('.story').filter({ has: b.page.locator(`.story-en [data-hash="${EN}"]`) });
  await story.waitFor({ state: 'attached' });
  assert.match(b.page.url(), /view=stories/);
  assert.equal(await story.locator(`.story-ar [data-hash="${AR}"]`).count(), 1);
  assert.match(await story.locator('.story-meta').textContent(), /English 1 · Arabic 1/);
  assert.ok((await story.locator('.story-label').textContent()).includes('Le Drian'));
  await story.locator('summary').click();
  await story.locator('.story-compare').click();
  await b.page.waitForFunction(() => document.body.classList.contains('is-comparing'));
  // The link alone brings the view back in a new tab.
  const other = await b.context.newPage();
  await b.open('/#v=1&view=stories', other);
  await other.locator('.story').first().waitFor({ state: 'attached' });
  assert.ok(await other.locator('#stories-view').isVisible());
  await other.locator('.stories-close').click();
  await other.waitForFunction(() => !document.querySelector('#stories-view'));
  assert.doesNotMatch(other.url(), /view=stories/);
  await other.close();
  assert.deepEqual(b.problems, []);
});

test('in the Arabic UI at phone width, entities are named in Arabic and nothing overflows', async () => {
  const phone = await start({ server: b.server, locale: 'ar', viewport: { width: 360, height: 740 } });
  try {
    await phone.open('/');
    await lexiconIn(phone.page);
    await phone.open(`/#v=1&a=${EN}`);
    await lexiconIn(phone.page);
    const first = phone.page.locator('.same-story-item').first();
    await first.waitFor();
    assert.equal(await phone.page.locator('.same-story-heading').textContent(), 'الخبر نفسه بالعربية');
    const reason = await first.locator('.same-story-reason').textContent();
    assert.match(reason, /^مشترك: /);
    assert.ok(reason.includes('حسن روحاني'), reason);
    const wide = () => phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(await wide() <= 0, `overflow ${await wide()}px`);
    await phone.open('/#v=1&view=stories');
    const story = phone.page.locator('.story').first();
    await story.waitFor({ state: 'attached' });
    await story.locator('summary').click();
    assert.match(await story.locator('.story-meta').textContent(), /الإنجليزية \d+ · العربية \d+/);
    assert.ok(await wide() <= 0, `overflow ${await wide()}px`);
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
});
