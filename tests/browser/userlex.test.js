// The user's own names (issue 14): with "Both scripts" off the reader marks only what the
// search looks for; "My names" (Corpus menu, www/pkg-userlex/) proposes Latin/Arabic names
// that sound alike and adds one with a click; an entry added by hand makes a search find the
// other script's articles and survives a reload; a lexicon file with a bad line keeps its
// good lines and names the bad one by line and column; the names travel in a bundle to
// another browser, whose dialog speaks Arabic and fits a phone.
// Run after `./qarin.sh build`:  node --test --test-concurrency=1 tests/browser/userlex.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, ready, search, rows, upload } from './helpers.js';

let b;
before(async () => {
  b = await start();
  await b.open();
});
after(async () => {
  await b?.close();
});

const lexiconIn = (page) => page.waitForFunction(() => document.body.dataset.lexicon === 'true');
const files = (page) => rows(page).evaluateAll((els) => els.map((e) => e.dataset.file).sort());
/** Waits until the list shows exactly the files `expected` (names as listed). */
const showing = (page, expected) => page.waitForFunction(
  (want) => !document.body.dataset.busy
    && JSON.stringify([...document.querySelectorAll('[data-file]')].map((e) => e.dataset.file).sort()) === want,
  JSON.stringify([...expected].sort()),
);
const marks = (page) => page.locator('#reader .article-body mark').count();

// Two made-up articles: the names in them are in no lexicon.
const EN = 'dabiri-en.txt';
const AR = 'dabiri-ar.txt';
const PAIR = [
  { name: EN, mimeType: 'text/plain', buffer: Buffer.from('Envoy Shahram Dabiri meets Vardanyan in Damascus\n\nThe Iranian envoy Shahram Dabiri arrived in Damascus on Monday. Dabiri met Armen Vardanyan, and Vardanyan said the talks were useful.\n') },
  { name: AR, mimeType: 'text/plain', buffer: Buffer.from('المبعوث شهرام دبيري يلتقي فاردانيان في دمشق\n\nوصل المبعوث الإيراني شهرام دبيري إلى دمشق يوم الاثنين، والتقى دبيري أرمين فاردانيان، وقال فاردانيان إن المحادثات كانت مفيدة.\n', 'utf8') },
];

async function openNames(page) {
  await page.locator('#corpus-menu summary').click();
  await page.locator('#my-names').click();
  await page.locator('#names-dialog[open]').waitFor();
}
const closeNames = (page) => page.locator('#names-close').click();

test('with Both scripts off the reader marks only the words the search looks for', async () => {
  const page = b.page;
  await lexiconIn(page);
  await search(page, 'Ghouta');
  const arabic = page.locator('[data-file^="001"] .hit-open');
  await arabic.click();
  await page.waitForFunction(() => document.querySelectorAll('#reader .article-body mark').length > 0);
  assert.ok(await marks(page) > 0, 'الغوطة is marked while the search finds it through Ghouta');
  // Off: the search no longer looks for الغوطة, and the open article is marked anew.
  await page.locator('#xl').uncheck();
  await page.waitForFunction(() => !document.body.dataset.busy && document.querySelectorAll('#reader .article-body mark').length === 0);
  // A link with xl=0 opening the article marks nothing either.
  const other = await b.context.newPage();
  await b.open(`/${new URL(page.url()).hash}`, other);
  await lexiconIn(other);
  await other.locator('#reader .article-body').waitFor();
  await other.waitForFunction(() => !document.body.dataset.busy);
  assert.equal(await marks(other), 0);
  await other.close();
  await page.locator('#xl').check();
  await page.waitForFunction(() => !document.body.dataset.busy && document.querySelectorAll('#reader .article-body mark').length > 0);
  await page.keyboard.press('Escape');
});

test('names that sound alike are proposed with a score and added with one click', async () => {
  const page = b.page;
  await upload(page, PAIR);
  await search(page, 'Dabiri');
  assert.deepEqual(await files(page), [EN]);
  await openNames(page);
  await page.locator('#names-find-corpus').click();
  const proposal = page.locator('#names-proposed li.names-proposal[data-ar="دبيري"]');
  await proposal.waitFor();
  const en = await proposal.getAttribute('data-en');
  assert.match(en, /Dabiri$/);
  assert.match(await proposal.locator('.names-score').textContent(), /0\.\d\d/);
  // Known names are not proposed: Damascus / دمشق is in the shipped lexicon.
  assert.equal(await page.locator('#names-proposed li[data-ar="دمشق"]').count(), 0);
  await proposal.locator('.names-take').click();
  await page.locator(`#names-list li .names-en:text-is("${en}")`).waitFor();
  await closeNames(page);
  await search(page, en);
  await showing(page, [EN, AR]);
});

test('an entry added by hand finds the other script, and a reload keeps it', async () => {
  const page = b.page;
  await search(page, 'Vardanyan');
  assert.deepEqual(await files(page), [EN]);
  await openNames(page);
  await page.locator('#names-kind').selectOption('person');
  await page.locator('#names-en').fill('Armen Vardanyan, Vardanyan');
  await page.locator('#names-ar').fill('أرمين فاردانيان، فاردانيان');
  await page.locator('#names-save').click();
  await page.locator('#names-list li .names-ar:text-is("أرمين فاردانيان، فاردانيان")').waitFor();
  await closeNames(page);
  await showing(page, [EN, AR]); // the search is run again once the names are linked
  await page.reload();
  await ready(page);
  await lexiconIn(page);
  await search(page, 'Vardanyan');
  await showing(page, [EN, AR]);
  await search(page, 'فاردانيان');
  await showing(page, [EN, AR]);
  await openNames(page);
  assert.equal(await page.locator('#names-list li').count(), 2);
  await closeNames(page);
});

test('a lexicon file with a bad line keeps its good lines and names the bad one', async () => {
  const page = b.page;
  await openNames(page);
  const tsv = '# qarin-lexicon v1\norg:user-test-watch\torg\t\tQarin Watch\tمرصد قارن\t\t\tuser\norg:user-test-bad\tgizmo\t\tGizmo\n';
  await page.locator('#names-file').setInputFiles({ name: 'mine.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(tsv) });
  await page.locator('#names-left-out').waitFor();
  const report = await page.locator('#names-report').textContent();
  assert.match(report, /line 3, column 2 \(kind\)/);
  assert.match(report, /gizmo/);
  await page.locator('#names-list li[data-entry="org:user-test-watch"]').waitFor();
  assert.equal(await page.locator('#names-list li').count(), 3, 'the earlier names are kept');
  // Not a lexicon at all: nothing changes, and the message says why.
  await page.locator('#names-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('[{"id": ') });
  await page.waitForFunction(() => /broken\.json/.test(document.querySelector('#names-report').textContent));
  assert.equal(await page.locator('#names-list li').count(), 3);
  // Delete, then download: the file holds the entries left.
  await page.locator('#names-list li[data-entry="org:user-test-watch"] .names-delete').click();
  await page.waitForFunction(() => document.querySelectorAll('#names-list li').length === 2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#names-download').click()]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.length, 2);
  assert.ok(saved.some((e) => e.en === 'Armen Vardanyan' && e.ar_alt.includes('فاردانيان')), JSON.stringify(saved));
  await closeNames(page);
});

test('the names travel in a bundle to another browser, whose dialog speaks Arabic and fits a phone', async () => {
  const page = b.page;
  await page.locator('#corpus-menu summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-bundle').click()]);
  const buffer = await readFile(await download.path());
  const phone = await start({ server: b.server, viewport: { width: 390, height: 844 }, locale: 'ar' });
  try {
    const p = phone.page;
    await phone.open('/');
    await lexiconIn(p);
    await p.locator('#bundle-input').setInputFiles({ name: 'names.qarin', mimeType: 'application/octet-stream', buffer });
    await p.locator('#confirm-dialog button[data-choice=replace]').click();
    await p.waitForFunction(() => !document.body.dataset.busy && document.querySelector('#report .report-box:not(.is-progress)'));
    await search(p, 'Vardanyan');
    await showing(p, [EN, AR]);
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'ar');
    await openNames(p);
    assert.equal(await p.locator('#names-title').textContent(), 'أسمائي');
    assert.equal(await p.locator('#names-list li').count(), 2);
    const fits = await p.evaluate(() => {
      const d = document.querySelector('#names-dialog');
      return d.scrollWidth <= d.clientWidth + 1 && d.getBoundingClientRect().width <= window.innerWidth;
    });
    assert.ok(fits, 'no sideways scrolling at 390 px');
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
});

test('logs no errors', () => {
  assert.deepEqual(b.problems, []);
});
