// Cross-lingual search in the page: the lexicon arrives in the background after start-up
// (pkg-lexicon/, with the full build), and then `Ghouta` finds the Arabic demo articles too;
// the "Both scripts" switch turns that off and the link keeps it; the entity filter is
// built on the core's entity facet and kept as `ent`; a search typed before the lexicon
// arrived is run again when it does; and it all works offline after the first visit.
// Run after `./qarin.sh build`:  node --test --test-concurrency=1 tests/browser/crosslingual.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, search, rows } from './helpers.js';

let b;
before(async () => {
  b = await start();
});
after(async () => {
  await b?.close();
});

const lexiconIn = (page) => page.waitForFunction(() => document.body.dataset.lexicon === 'true');
const files = (page) => rows(page).evaluateAll((els) => els.map((e) => e.dataset.file.slice(0, 3)).sort());
/** Waits until the list shows exactly `expected` (seed numbers). */
const showing = (page, expected) => page.waitForFunction(
  (want) => !document.body.dataset.busy
    && JSON.stringify([...document.querySelectorAll('[data-file]')].map((e) => e.dataset.file.slice(0, 3)).sort()) === want,
  JSON.stringify(expected),
);

test('a search typed before the lexicon arrives is run again when it does', async () => {
  // Hold the lexicon back until the first search has been answered without it.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await b.context.route('**/pkg-lexicon/lexicon-v1.tsv', async (route) => {
    await held;
    await route.continue();
  });
  await b.open();
  await search(b.page, 'Ghouta');
  assert.deepEqual(await files(b.page), ['000']);
  assert.notEqual(await b.page.evaluate(() => document.body.dataset.lexicon), 'true');
  release();
  await lexiconIn(b.page);
  await showing(b.page, ['000', '001', '004']);
  await b.context.unroute('**/pkg-lexicon/lexicon-v1.tsv');
});

test('Ghouta finds the Arabic articles; the switch turns it off and the link keeps it', async () => {
  await search(b.page, 'Ghouta');
  assert.deepEqual(await files(b.page), ['000', '001', '004']);
  await b.page.locator('#xl').uncheck();
  await showing(b.page, ['000']);
  assert.match(b.page.url(), /xl=0/);
  const other = await b.context.newPage();
  await b.open(`/#v=1&q=Ghouta&xl=0`, other);
  await lexiconIn(other);
  await showing(other, ['000']);
  assert.equal(await other.locator('#xl').isChecked(), false);
  await other.close();
  await b.page.locator('#xl').check();
  await showing(b.page, ['000', '001', '004']);
});

test('the entity filter lists the names the matches mention and keeps the checked ones in the link', async () => {
  // Narrowed by a query: the filter lists the thirty names most matches mention.
  await search(b.page, 'Putin OR Macron');
  // The filter is a menu in the filter row, closed until asked (its list arrives with the
  // lexicon and would otherwise push the page down); the button names how many are checked.
  const putin = b.page.locator('#entity-field [data-entity="person:vladimir-putin"] input');
  await putin.waitFor({ state: 'attached' });
  assert.equal(await putin.isVisible(), false);
  await b.page.click('#entity-field summary');
  await putin.check();
  await b.page.locator('#entity-field summary', { hasText: '(1)' }).waitFor();
  await showing(b.page, ['002', '004']);
  assert.match(decodeURIComponent(b.page.url()), /ent=person:vladimir-putin/);
  // Two names: the articles mentioning both, and the link keeps them checked.
  const other = await b.context.newPage();
  await b.open('/#v=1&ent=person:vladimir-putin,person:emmanuel-macron', other);
  await lexiconIn(other);
  await showing(other, ['004']);
  for (const id of ['person:vladimir-putin', 'person:emmanuel-macron']) {
    assert.equal(await other.locator(`#entity-field [data-entity="${id}"] input`).isChecked(), true, id);
  }
  await other.close();
  await b.page.locator('#clear-filters').click();
  await showing(b.page, ['000', '001', '002', '004']);
});

test('works offline after the first visit', async () => {
  await b.page.waitForFunction(() => navigator.serviceWorker.controller !== null && document.body.dataset.offlineReady === 'true');
  await b.context.setOffline(true);
  try {
    await b.page.reload();
    await ready(b.page);
    await lexiconIn(b.page);
    await search(b.page, 'الغوطة');
    await showing(b.page, ['000', '001', '004']);
  } finally {
    await b.context.setOffline(false);
  }
});

test('logs no errors', () => {
  assert.deepEqual(b.problems, []);
});
