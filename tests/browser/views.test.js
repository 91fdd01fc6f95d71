// Filters and facets, keyboard use, themes, the Arabic interface and exports, on the demo
// articles plus 150 FA-KES files (AFP, AP and Reuters among their agencies).
import * as nodeTest from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, rows, search, settled, idle, corpusFiles, corpusNames, upload, uiTexts, OUT, corpusTests } from './helpers.js';

// Every test here reads ../shared/corpus: skipped with a note when it is absent.
const { test, before, after } = corpusTests(nodeTest);

let b;
let page;
before(async () => {
  b = await start();
  page = b.page;
  await b.open();
  await upload(page, await corpusFiles('en', (await corpusNames('en')).slice(150, 300)));
});
after(async () => {
  await b?.close();
});

/** `{label: count}` of labels such as "AFP (12)" → {AFP: 12}. */
const byLabel = (labels) => Object.fromEntries(labels.map((l) => {
  const m = l.trim().match(/^(.*) \(([\d,]+)\)$/);
  return [m[1], Number(m[2].replace(/,/g, ''))];
}));
/** `{label: count}` of a facet menu's options. */
const counts = async (select) => byLabel(await page.locator(`select[name=${select}] option`).allTextContents());
/** `{source: count}` of the source menu's checkboxes. */
const sourceCounts = async () => byLabel(await page.locator('#source label').allTextContents());
/** Ticks or unticks a source with the keyboard (Space on its checkbox), opening the menu. */
async function toggleSource(name) {
  if (!(await page.locator('#source').evaluate((d) => d.open))) {
    await page.locator('#source summary').focus();
    await page.keyboard.press('Enter');
  }
  await page.locator(`#source input[value="${name}"]`).focus();
  await page.keyboard.press('Space');
  await idle(page);
}
const total = async () => Number((await page.locator('#summary').textContent()).replace(/,/g, '').match(/\d+/)[0]);

test('shows a score only on rows a query word matched, not on rows a filter alone chose', async () => {
  await search(page, 'lang:en');
  assert.ok((await rows(page).count()) > 0);
  assert.equal(await page.locator('#results .hit-score').count(), 0);
  await search(page, 'Syria lang:en');
  assert.equal(await page.locator('#results .hit-score').count(), await rows(page).count());
});

test('greys text at a contrast of at least 4.5:1 in the light theme (WCAG AA)', async () => {
  const ratio = await page.evaluate(() => {
    const rgb = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const lum = (c) => {
      const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const fg = lum(getComputedStyle(document.querySelector('#summary')).color);
    const bg = lum(getComputedStyle(document.documentElement).backgroundColor);
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
  assert.ok(ratio >= 4.5, `summary text contrast ${ratio.toFixed(2)}:1`);
});

test('filters by one source or several, with counts that follow the query', async () => {
  await search(page, '');
  const all = await sourceCounts();
  assert.ok(all.AFP > 10 && all.Reuters > 0, JSON.stringify(all));
  await toggleSource('AFP');
  await settled(page, '');
  assert.equal(await total(), all.AFP);
  assert.match(page.url(), /[#&]src=AFP(&|$)/);
  assert.match(await page.locator('#source summary').textContent(), /^AFP/);
  // Two sources: either matches, and the link names both.
  await toggleSource('Reuters');
  assert.equal(await total(), all.AFP + all.Reuters);
  assert.match(page.url(), /[#&]src=AFP,Reuters(&|$)/);
  assert.deepEqual(await page.locator('#source input:checked').evaluateAll((bs) => bs.map((b) => b.value)), ['AFP', 'Reuters']);
  assert.equal(await page.evaluate(() => document.activeElement.value), 'Reuters', 'the focus stays on the box');
  await toggleSource('Reuters');
  assert.equal(await total(), all.AFP);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#source').evaluate((d) => d.open), false, 'Esc closes the menu');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  // The counts follow the query: fewer AFP articles mention Aleppo than exist.
  await search(page, 'Aleppo');
  const aleppo = await sourceCounts();
  assert.ok(aleppo.AFP < all.AFP && aleppo.AFP > 0, JSON.stringify(aleppo));
  assert.equal(await total(), aleppo.AFP);
  // The language facet counts the source-filtered matches.
  const langs = await counts('lang');
  assert.equal(langs['English'], aleppo.AFP);
});

test('combines the language and source filters and clears them in one click', async () => {
  await page.selectOption('select[name=lang]', 'ar');
  await settled(page, 'Aleppo');
  assert.equal(await rows(page).count(), 0, 'no Arabic AFP article mentions Aleppo');
  assert.match(await page.locator('#clear-filters').textContent(), /Clear filters \(2\)/);
  await page.click('#clear-filters');
  await settled(page, 'Aleppo');
  assert.equal(await page.inputValue('select[name=lang]'), 'all');
  assert.equal(await page.locator('#source input:checked').count(), 0);
  assert.ok(await page.locator('#clear-filters').isDisabled());
  assert.ok((await rows(page).count()) > 0);
  assert.equal(await page.inputValue('input[type=search]'), 'Aleppo', 'the query stays');
});

test('shows the date filter and date order once articles carry dates', async () => {
  // The uploaded FA-KES articles carry dates, so searching them brings the controls up.
  await search(page, 'Aleppo');
  await page.locator('input[name=from]').waitFor({ state: 'visible' });
  assert.ok(await page.locator('select[name=sort]').isVisible());
  // A link asking for them sets them (and the core receives them as search options):
  // every hit is then dated on or after the bound.
  const url = new URL(page.url());
  await page.goto(`${url.origin}/#v=1&q=Aleppo&from=2017-01-01&sort=date`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy);
  assert.ok(await page.locator('input[name=from]').isVisible());
  assert.equal(await page.inputValue('input[name=from]'), '2017-01-01');
  assert.equal(await page.inputValue('select[name=sort]'), 'date');
  const shownDates = () => page.evaluate(async () => {
    const rows = [...document.querySelectorAll('[data-file]')];
    return rows.map((r) => r.textContent.match(/\d{4}-\d{2}-\d{2}/)?.[0]).filter(Boolean);
  });
  const dates = await shownDates();
  assert.ok(dates.length > 0 && dates.every((d) => d >= '2017-01-01'), `dates shown: ${dates}`);
  const sorted = [...dates].sort().reverse();
  assert.deepEqual(dates, sorted, 'newest first');
  // The year shortcuts count matches per year, whatever the date range; one sets the range
  // to its year, and pressing it again clears the range.
  const years = byLabel(await page.locator('.year-shortcuts button').allTextContents());
  const [year, n] = Object.entries(years).find(([y]) => y < '2017');
  await page.locator('.year-shortcuts button', { hasText: `${year} (` }).click();
  await settled(page, 'Aleppo');
  assert.equal(await page.inputValue('input[name=from]'), `${year}-01-01`);
  assert.equal(await page.inputValue('input[name=to]'), `${year}-12-31`);
  assert.equal(await total(), n);
  assert.ok((await shownDates()).every((d) => d.startsWith(year)));
  const pressed = page.locator('.year-shortcuts button[aria-pressed=true]');
  assert.equal(await pressed.textContent(), `${year} (${n})`);
  assert.match(page.url(), new RegExp(`from=${year}-01-01&to=${year}-12-31`));
  await pressed.click();
  await settled(page, 'Aleppo');
  assert.equal(await page.inputValue('input[name=from]'), '');
  await page.goto(`${url.origin}/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy);
});

test('moves through results with the arrow keys, opens with Enter and closes with Esc', async () => {
  await search(page, 'Aleppo');
  await page.focus('input[type=search]');
  await page.keyboard.press('ArrowDown');
  const focused = () => page.evaluate(() => document.activeElement.closest('[data-file]')?.dataset.rank ?? document.activeElement.id);
  assert.equal(await focused(), '1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '3');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), '2');
  // The focus is visible: an outline on the focused title.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  const file = await page.evaluate(() => document.activeElement.closest('[data-file]').dataset.file);
  await page.keyboard.press('Enter');
  await page.locator('#reader article').waitFor();
  assert.match(await page.locator('#reader .article-meta').textContent(), new RegExp(file.replace('.', '\\.')));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'reader-title');
  await page.keyboard.press('Escape');
  await page.locator('#reader article').waitFor({ state: 'detached' });
  assert.equal(await focused(), '2', 'the focus returns to the row that opened the article');
  await page.keyboard.press('Home');
  assert.equal(await focused(), '1');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'q', 'up from the first row goes back to the search box');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('type')), 'search');
});

test('names its regions and controls for assistive technology', async () => {
  assert.equal(await page.locator('[role=search] input[type=search]').count(), 1);
  for (const sel of ['#filters', '#tray', '.results-actions', '#pager', '#reader', '.add']) {
    const name = await page.locator(sel).getAttribute('aria-label');
    assert.ok(name && name.length > 2, `${sel} has an accessible name`);
  }
  for (const id of ['lang', 'q', 'from', 'to', 'sort']) {
    assert.equal(await page.locator(`label[for=${id}]`).count(), 1, `#${id} has a label`);
  }
  // The source menu: its button is named by the field's label and the current choice, its
  // boxes sit in a group named "Source", each labelled by its name and count.
  const named = await page.locator('#source summary').evaluate((s) => s.getAttribute('aria-labelledby').split(' ')
    .map((id) => document.getElementById(id)?.textContent.trim()).join(' '));
  assert.match(named, /^Source \S/);
  assert.equal(await page.locator('#source fieldset legend').textContent(), 'Source');
  assert.equal(await page.locator('#source input[type=checkbox]:not(label input)').count(), 0);
  assert.equal(await page.getByRole('checkbox', { name: /^AFP \(\d+\)$/, includeHidden: true }).count(), 1);
  assert.equal(await page.locator('.year-shortcuts').getAttribute('role'), 'group');
  assert.ok((await page.locator('.year-shortcuts').getAttribute('aria-label')).length > 2);
  assert.equal(await page.locator('#report').getAttribute('role'), 'status');
  assert.equal(await page.locator('#query-error').getAttribute('role'), 'alert');
});

test('switches between light and dark themes and remembers the choice', async () => {
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await bg();
  await page.click('#theme');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.getAttribute('#theme', 'aria-pressed'), 'true');
  const dark = await bg();
  assert.notEqual(dark, light);
  await search(page, 'الغوطة');
  await rows(page).first().locator('.hit-open').click();
  await page.locator('#reader article').waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(OUT, 'reader-dark.png') });
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy);
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'remembered after a reload');
  await page.click('#theme');
  assert.equal(await bg(), light);
});

test('switches to an Arabic right-to-left interface with no English UI text left', async () => {
  await page.click('#ui-lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const ok = new Set(['CSV', 'JSON', 'BM25', 'Esc', 'Enter', 'PDF']);
  const english = async (where) => {
    const texts = await uiTexts(page);
    const left = texts.filter((s) => (s.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []).some((w) => !ok.has(w)));
    assert.deepEqual(left, [], `English UI text in Arabic mode (${where})`);
  };
  // Several states: results with a report, the reader, side by side, the share dialog.
  // One file is Arabic in windows-1256 with no declared encoding: the report's note on it
  // ("read as windows-1256 (guessed)") comes from the core and is shown in Arabic.
  const title = 'c7cccae3c7da20c7e1e6d2d1c7c10a0a';
  const line = 'dec7e120e6d2edd120c7e1cec7d1ccedc920dded20e3c4cae3d120d5cddded20c5e420c7e1e3ddc7e6d6c7ca20e3d3cae3d1c920c8ede420c7e1d8d1ddede42e20';
  const legacy = { name: 'wizara-1256.txt', mimeType: 'text/plain', buffer: Buffer.from(title + line.repeat(3), 'hex') };
  // A PDF is named as a format in Arabic too.
  const pdf = { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') };
  await upload(page, [...await corpusFiles('en', (await corpusNames('en')).slice(400, 402)), legacy, pdf]);
  const note = page.locator('#report [data-code=encoding_guessed]');
  assert.match(await note.textContent(), /^لم يُصرَّح بالترميز؛ قُرئ بترميز windows-1256 \(بالتخمين\)$/);
  assert.equal(await note.getAttribute('lang'), null, 'in the UI language, not marked English');
  assert.equal(await page.locator('#report [data-code=format_not_read]').textContent(), 'لم يُقرأ: الملف مستند PDF، وهي صيغة لا يقرؤها قارِن');
  await english('report with a file note');
  // A query error from the core, with where it is.
  await search(page, 'الغوطة "الشرقية');
  const error = page.locator('#query-error [data-code=query_unclosed_quote]');
  assert.match(await error.textContent(), /علامة التنصيص/);
  assert.match(await page.locator('#query-error').textContent(), /في الموضع "الشرقية$/);
  await english('query error');
  await search(page, 'الغوطة OR Ghouta');
  assert.match(await page.locator('#summary').textContent(), /نتائج|نتيجة|نتيجتان/);
  await english('results');
  await rows(page).first().locator('.hit-open').click();
  await page.locator('#reader article').waitFor();
  await english('reader');
  // The search box sits at the right in a right-to-left layout.
  const box = await page.locator('input[type=search]').boundingBox();
  const add = await page.locator('.add').boundingBox();
  assert.ok(box.x > add.x, 'search box right of the add buttons');
  await page.screenshot({ path: join(OUT, 'arabic-ui.png') });
  await page.locator('[data-file][data-lang=en] input.compare-box').first().check();
  await page.locator('[data-file][data-lang=ar] input.compare-box').first().check();
  await page.click('#open-compare');
  await page.locator('#compare .sbs-col').first().waitFor();
  await english('side by side');
  const [left, right] = [await page.locator('.sbs-left').boundingBox(), await page.locator('.sbs-right').boundingBox()];
  assert.ok(left.x < right.x, 'English stays on the left in the Arabic UI');
  await page.keyboard.press('Escape');
  await page.click('#share');
  await page.locator('#share-view').waitFor();
  await english('share dialog');
  await page.click('#share-dialog button[value=close]');
  await page.click('#corpus-menu summary');
  await english('corpus menu');
  await page.keyboard.press('Escape');
  // Back to English: the English texts return.
  await page.click('#ui-lang');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await page.locator('#search-form button[type=submit]').textContent(), 'Search');
});

test('exports the results as CSV with a byte-order mark, and as JSON', async () => {
  await search(page, 'Aleppo');
  const n = await total();
  const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(csvDl.suggestedFilename(), 'Aleppo.csv');
  const csv = await readFile(await csvDl.path());
  assert.equal(csv.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM');
  const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
  assert.equal(lines[0], 'Rank,Title,Language,Source,Outlet,Author,Date,URL,Score,File,Hash,Snippet,Full text');
  assert.ok(lines.length >= n + 1);
  const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  const json = JSON.parse(await readFile(await jsonDl.path(), 'utf8'));
  assert.equal(json.length, n);
  assert.deepEqual(Object.keys(json[0]), ['rank', 'title', 'lang', 'source', 'outlet', 'author', 'date', 'url', 'score', 'file', 'hash', 'snippet', 'text']);
  assert.match(json[0].hash, /^[0-9a-f]{16}$/);
  assert.ok(json[0].score > 0);
});

test('exports Arabic results that a spreadsheet reads as Arabic', async () => {
  await search(page, 'الغوطة');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const text = (await readFile(await dl.path(), 'utf8'));
  assert.ok(text.startsWith('\uFEFF'));
  assert.match(text, /الغوطة/);
  assert.equal(dl.suggestedFilename(), 'الغوطة.csv');
});

test('downloads an article as text', async () => {
  await rows(page).first().locator('.hit-open').click();
  await page.locator('#reader article').waitFor();
  const title = await page.locator('#reader-title').textContent();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#reader .reader-download')]);
  const text = await readFile(await dl.path(), 'utf8');
  assert.ok(text.startsWith(`${title}\n\n`));
  assert.ok(text.split('\n\n').length >= 3);
  await page.keyboard.press('Escape');
  await idle(page);
});

test('folds near-duplicates into one result, lists them in the reader, and unfolds on request', async () => {
  // Jordan Times printed this AFP story twice (fakes_0290 and fakes_0291), word for word.
  const story = ['fakes_0290_jordantimes.txt', 'fakes_0291_jordantimes.txt'];
  await search(page, 'warplanes pound');
  const shown = await rows(page).evaluateAll((els) => els.map((el) => el.dataset.file));
  assert.equal(shown.filter((f) => story.includes(f)).length, 1, shown.join(' '));
  const row = rows(page).filter({ has: page.locator('.hit-similar') }).first();
  const kept = await row.getAttribute('data-file');
  const other = story.find((f) => f !== kept);
  assert.equal((await row.locator('.hit-similar').textContent()).trim(), '+1 near-duplicate');
  assert.match(await page.locator('#summary').textContent(), /1 near-duplicate folded into their best match/);
  assert.ok(await page.locator('#fold').isChecked());

  // The reader lists the other copy; opening it shows that article and names it in the link.
  await row.locator('.hit-similar').click();
  await page.locator('#reader .reader-similar').waitFor();
  await page.click('#reader .reader-similar summary');
  assert.match(await page.locator('#reader .reader-similar summary').textContent(), /The same story elsewhere: 1 near-duplicate/);
  const link = page.locator('#reader .reader-similar-open');
  assert.equal(await link.count(), 1);
  const hash = await link.getAttribute('data-hash');
  await link.click();
  await page.waitForFunction((h) => location.hash.includes(`a=${h}`) && !document.body.dataset.busy, hash);
  assert.match(await page.locator('#reader .reader-similar').textContent(), new RegExp(kept.replace('.', '\\.')));
  await page.keyboard.press('Escape');
  await idle(page);

  // Unfolded, both copies are results; the link says so, and Back folds them again.
  await page.uncheck('#fold');
  await page.waitForFunction(() => location.hash.includes('dup=1') && document.querySelector('#results').dataset.fold === 'false' && !document.body.dataset.busy);
  const unfolded = await rows(page).evaluateAll((els) => els.map((el) => el.dataset.file));
  assert.deepEqual(unfolded.filter((f) => story.includes(f)).sort(), story);
  assert.equal(unfolded.length, shown.length + 1);
  assert.doesNotMatch(await page.locator('#summary').textContent(), /folded/);
  assert.ok(unfolded.includes(other));
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#results').dataset.fold === 'true' && !document.body.dataset.busy);
  assert.doesNotMatch(page.url(), /dup=1/);
  assert.equal(await rows(page).count(), shown.length);
  assert.ok(await page.locator('#fold').isChecked());
});

test('logs no errors across filters, keys, themes, languages and exports', () => {
  assert.deepEqual(b.problems, []);
});
