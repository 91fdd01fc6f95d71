// Who published what, and in which language (issue 16: item 3, "Outlets", item 4, "Export"):
// a page's outlet is its og:site_name, never its headline; each row names its outlet; the
// Source menu folds one outlet's spellings (both scripts) and drops what names no outlet;
// the Language menu offers every detected language by name; the export carries outlet,
// author, URL and the full text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, rows, upload, search, settled, CORPUS, NO_CORPUS } from './helpers.js';

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

const sourceNames = () => page.locator('#source .source-options input').evaluateAll((els) => els.map((e) => e.value));
const rowSource = (file) => page.locator(`[data-file="${file}"] .hit-source`).textContent();

/** A saved news page whose `og:site_name` is `site`, with its own body text. */
const VOCABULARY = ('harbour council tariff orchard senate drought vaccine bridge railway cabinet protest '
  + 'festival refinery glacier museum satellite wheat embassy pipeline election stadium monsoon copper '
  + 'tribunal ferry pension quarry lantern vineyard courthouse').split(' ');

/** Text of `n` words drawn from the vocabulary by a generator seeded with `seed`: each page its own. */
function prose(seed, n) {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return VOCABULARY[x % VOCABULARY.length];
  }).join(' ');
}

function newsPage(name, site, headline, words) {
  const seed = [...name].reduce((a, c) => a * 31 + c.charCodeAt(0), 7);
  const body = Array.from({ length: 6 }, (_, k) => `<p>${words}: paragraph ${k + 1} of the report. ${prose(seed + k, 40)}.</p>`).join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${headline}</title>
<meta property="og:site_name" content="${site}"><meta property="og:title" content="${headline}">
<meta name="author" content="Jane Roe"><link rel="canonical" href="https://example.org/${name}"></head>
<body><article><h1>${headline}</h1>${body}</article></body></html>`;
  return { name, mimeType: 'text/html', buffer: Buffer.from(html) };
}

const text = (name, body) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(body) });

test('an MSN page is listed under MSN, not under its headline', { skip: NO_CORPUS }, async () => {
  const name = 'abd9d6291b6bfae0.html';
  const headline = 'Doctors offer to give free flu shots to detained migrants, warn of epidemic';
  await upload(page, [{ name, mimeType: 'text/html', buffer: await readFile(join(CORPUS, 'html', name)) }]);
  await search(page, 'flu shots');
  assert.equal(await rows(page).count(), 1);
  assert.equal(await rowSource(name), 'MSN');
  const names = await sourceNames();
  assert.ok(names.includes('MSN'), `sources: ${names}`);
  assert.ok(!names.includes(headline), 'the headline is no source');
});

test('one outlet is one source whatever its spelling, and non-outlets are not sources', async () => {
  await upload(page, [
    newsPage('t1.html', 'Telegraph.co.uk', 'Ministers meet in London', 'Zanzibar cloves harvest'),
    newsPage('t2.html', 'The Telegraph', 'Parliament votes on budget', 'Zanzibar ferry timetable'),
    newsPage('a1.html', 'AFP', 'Talks resume in Geneva', 'Zanzibar spice market'),
    newsPage('a2.html', 'أ ف ب', 'Ceasefire holds in the north', 'Zanzibar coral reef'),
    newsPage('h1.html', 'Hosted', 'Readers write about the election', 'Zanzibar lighthouse repairs'),
    newsPage('l1.html', 'Letters to the Editor', 'A letter on the bus lanes', 'Zanzibar school meals'),
    newsPage('m1.html', 'http://www.tmz.com', 'Star seen at the airport', 'Zanzibar airport lounge'),
  ]);
  await search(page, 'Zanzibar');
  assert.equal(await rows(page).count(), 7);
  const names = await sourceNames();
  for (const gone of ['Telegraph.co.uk', 'أ ف ب', 'Hosted', 'Letters to the Editor', 'http://www.tmz.com']) {
    assert.ok(!names.includes(gone), `${gone} is folded or dropped: ${names}`);
  }
  assert.deepEqual(names.filter((n) => ['The Telegraph', 'AFP', 'tmz.com'].includes(n)).sort(), ['AFP', 'The Telegraph', 'tmz.com']);
  // The menu counts both spellings under one name, and each row says its outlet.
  const telegraph = await page.locator('#source .source-options label', { hasText: 'The Telegraph' }).textContent();
  assert.match(telegraph, /\(2\)/);
  assert.equal(await rowSource('a2.html'), 'AFP');
  assert.equal(await rowSource('m1.html'), 'tmz.com');
  assert.equal(await page.locator('[data-file="h1.html"] .hit-source').count(), 0, 'no outlet shown for "Hosted"');
  // Picking the folded source finds both spellings.
  await page.click('#source summary');
  await page.locator('#source .source-options input[value="AFP"]').check();
  await settled(page, 'Zanzibar');
  await page.waitForFunction(() => document.querySelectorAll('[data-file]').length === 2);
  assert.deepEqual((await rows(page).evaluateAll((els) => els.map((e) => e.dataset.file))).sort(), ['a1.html', 'a2.html']);
  await page.keyboard.press('Escape');
});

test('the export carries outlet, author, URL and the full text', async () => {
  await page.click('#source summary');
  await page.locator('#source .source-options button.menu-item').click();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('[data-file]').length === 7 && !document.body.dataset.busy);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const table = JSON.parse(await readFile(await dl.path(), 'utf8'));
  const row = table.find((r) => r.file === 't1.html');
  assert.equal(row.outlet, 'The Telegraph');
  assert.equal(row.author, 'Jane Roe');
  assert.equal(row.url, 'https://example.org/t1.html');
  assert.match(row.text, /paragraph 6 of the report/);
  assert.match(row.text, /paragraph 1 of the report/);
  assert.equal(table.find((r) => r.file === 'h1.html').outlet, '');
});

const FR = 'Le ministre est arrivé dans la capitale pour une visite avec les dirigeants et des experts. Les négociations sur le cessez-le-feu vont reprendre la semaine prochaine selon les diplomates de la région.';
const CS = 'Ministr zahraničí přiletěl do hlavního města, kde se sešel se zástupci vlády a řekl, že jednání o příměří budou pokračovat příští týden. Podle diplomatů je situace v regionu stále velmi vážná.';
const PT = 'O ministro chegou à capital para uma reunião com as autoridades e não deu declarações sobre as negociações. Segundo os diplomatas, as eleições na região não vão mudar a situação do cessar-fogo.';

test('the Language menu offers every detected language by name, and each one filters', async () => {
  await upload(page, [
    text('fr.txt', `Visite à Genève\n\n${FR}`),
    text('cs.txt', `Návštěva v Ženevě\n\n${CS}`),
    text('pt.txt', `Visita a Genebra\n\n${PT}`),
  ]);
  await search(page, '');
  const options = () => page.locator('#lang option').evaluateAll((els) => Object.fromEntries(els.map((o) => [o.value, o.textContent])));
  const en = await options();
  assert.match(en.fr ?? '', /^French\b.*1/);
  assert.match(en.cs ?? '', /^Czech\b.*1/);
  assert.match(en.pt ?? '', /^Portuguese\b.*1/);
  for (const [code, file] of [['cs', 'cs.txt'], ['fr', 'fr.txt'], ['pt', 'pt.txt']]) {
    await page.selectOption('#lang', code);
    await page.waitForFunction((c) => document.querySelector('#results').dataset.lang === c && !document.body.dataset.busy, code);
    assert.deepEqual(await rows(page).evaluateAll((els) => els.map((e) => e.dataset.file)), [file], code);
    assert.match(page.url(), new RegExp(`lang=${code}`));
  }
  // A reload keeps the choice (the address carries it), and the Arabic UI names it in Arabic.
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy);
  assert.equal(await page.inputValue('#lang'), 'pt');
  assert.deepEqual(await rows(page).evaluateAll((els) => els.map((e) => e.dataset.file)), ['pt.txt']);
  await page.click('#ui-lang');
  await page.waitForFunction(() => document.documentElement.lang === 'ar');
  const ar = await options();
  const want = await page.evaluate(() => new Intl.DisplayNames(['ar'], { type: 'language' }).of('cs'));
  assert.ok(ar.cs.startsWith(want), `${ar.cs} starts with ${want}`);
  assert.doesNotMatch(ar.cs, /Czech/);
  await page.click('#ui-lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
});

test('logs no errors', () => {
  assert.deepEqual(b.problems, []);
});
