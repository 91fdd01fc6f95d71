// The corpus tools (issue 13) in the page, on real articles: the demo corpus (seeds/) and an
// uploaded small set of the shared corpus. Each tool shows the core's answer for the search
// page's sub-corpus (the concordance is compared line for line with the wasm API in Node);
// the concordance lines up its keyword column for English and Arabic lines and opens an
// article at a match; the share link restores a tool with its settings; tables export as CSV
// with a BOM; a newer request supersedes an older one; the tools work offline after one use;
// a phone fits them. Run after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/analysis.test.js
import * as nodeTest from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { start, search, settled, idle, ready, corpusFiles, corpusNames, upload, uiTexts, OUT, NO_CORPUS } from './helpers.js';

const { test, before, after } = nodeTest;
const require = createRequire(import.meta.url);
const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const QUERY = 'Ghouta OR الغوطة';
/** Table rows the page draws before "Show more" (www/pkg-analysis/table.js). */
const DRAWN = 50;

let b;
let page;
let fullBuild = false;
before(async () => {
  b = await start();
  page = b.page;
  b.context.on('request', (r) => {
    if (!r.serviceWorker() && /\/pkg-full\/qarin_bg\.wasm$/.test(r.url())) fullBuild = true;
  });
  await b.open();
});
after(async () => {
  await b?.close();
});

/** Waits until the tools show `tool`'s answer (state "done", or one of `states`) and all is idle. */
async function toolDone(p, tool, states = ['done']) {
  try {
    await p.waitForFunction(([name, ok]) => {
      const out = document.querySelector('#an-out');
      return out && out.dataset.tool === name && ok.includes(out.dataset.state) && !document.body.dataset.busy;
    }, [tool, states]);
  } catch (e) {
    const now = await p.evaluate(() => ({ url: location.hash, ...document.querySelector('#an-out')?.dataset, busy: document.body.dataset.busy, status: document.querySelector('.an-status')?.textContent }));
    throw new Error(`${tool} not ${states}: ${JSON.stringify(now)}`, { cause: e });
  }
}

/** Sets a tool setting through its form field, as a user does, and waits for the answer. */
async function setField(p, key, value, tool) {
  const field = p.locator(`#an-${key}`);
  const kind = await field.evaluate((el) => (el.tagName === 'SELECT' ? 'select' : el.type));
  if (kind === 'select') await field.selectOption(value);
  else if (kind === 'checkbox') await (value ? field.check() : field.uncheck());
  else {
    await field.fill(value);
    await field.press('Enter');
  }
  await toolDone(p, tool);
}

async function openTool(p, tool, states = ['done']) {
  if (!(await p.locator('#analysis').count())) await p.click('#tools');
  await p.click(`.an-tab[data-tool="${tool}"]`);
  await toolDone(p, tool, states);
}

/** The concordance on screen: one object per line. */
const kwicLines = (p) => p.locator('.an-kwic .an-line:not(.an-head)').evaluateAll((els) => els.map((el) => ({
  file: el.dataset.file,
  lang: el.dataset.lang,
  n: Number(el.dataset.n),
  left: el.querySelector('[data-side=before]').dataset.text,
  keyword: el.querySelector('.an-open').textContent,
  right: el.querySelector('[data-side=after]').dataset.text,
})));

/** A table's rows on screen, as `{column key: text}`. */
const tableRows = (p, name) => p.locator(`table[data-table="${name}"]`).first().evaluate((table) => {
  return [...table.tBodies[0].rows].map((tr) => Object.fromEntries([...tr.cells].map((td, k) => [k, td.textContent])));
});

const number = (text) => Number(String(text).replace(/,/g, ''));

/** The wasm API in Node (pkg-node) over the demo articles, added in the page's order. */
async function seedCorpus() {
  const { Corpus } = require('../../pkg-node/qarin.js');
  const corpus = new Corpus();
  for (const name of (await readdir(SEEDS)).filter((n) => n.endsWith('.txt')).sort()) {
    corpus.addBytes(name, await readFile(join(SEEDS, name)));
  }
  // Linked to the shipped lexicon as the page's corpus is (its Both scripts switch is on by
  // default, and the tools then expand their queries: `crossLingual: true` below).
  corpus.loadLexicon(await readFile(new URL('../../data/lexicon/lexicon.tsv', import.meta.url), 'utf8'), null);
  return corpus;
}

test('the concordance of the search query on the demo corpus is the core\'s, on the full build', async () => {
  await search(page, QUERY);
  await page.click('#tools');
  await toolDone(page, 'kwic');
  assert.ok(fullBuild, 'the tools run on the full build');
  assert.match(page.url(), /#v=1&q=Ghouta%20OR%20.+&tool=kwic$/);
  const shown = await kwicLines(page);
  assert.ok(shown.length >= 6, `${shown.length} lines`);
  assert.equal(Number(await page.locator('.an-count').getAttribute('data-total')), shown.length);
  assert.ok(shown.some((l) => l.lang === 'ar') && shown.some((l) => l.lang === 'en'), 'English and Arabic lines share the table');
  // Exactly the lines the wasm API gives for the same sub-corpus and settings.
  const corpus = await seedCorpus();
  try {
    const api = corpus.kwic(QUERY, { filter: QUERY, width: 5, sort: 'key', limit: 1000 });
    assert.deepEqual(shown, api.lines.map((l) => ({ file: l.file, lang: l.lang, n: l.n, left: l.left, keyword: l.keyword, right: l.right })));
    // The caption names the sub-corpus and its size, the core's count.
    const f = corpus.freq({ filter: QUERY, limit: 1 });
    const sub = page.locator('.an-sub');
    assert.equal(await sub.textContent(), `Sub-corpus: every article matching ${QUERY} — ${f.docs} articles, ${f.tokens.toLocaleString('en')} tokens`);
  } finally {
    corpus.free();
  }
});

test('a wider context and another sort order are the core\'s too, and go into the address', async () => {
  await setField(page, 'w', '3', 'kwic');
  await setField(page, 's', 'R1', 'kwic');
  assert.match(page.url(), /&tool=kwic&t\.s=R1&t\.w=3$/);
  const shown = await kwicLines(page);
  const corpus = await seedCorpus();
  try {
    const api = corpus.kwic(QUERY, { filter: QUERY, width: 3, sort: 'R1', limit: 1000 });
    assert.deepEqual(shown.map((l) => [l.file, l.n, l.right]), api.lines.map((l) => [l.file, l.n, l.right]));
  } finally {
    corpus.free();
  }
  for (const l of shown) assert.ok(l.right.split(/\s+/).filter(Boolean).length <= 3 + 2, `at most three words (and their punctuation): ${l.right}`);
});

test('an Arabic line reads right to left and the keyword column lines up, in both UI languages', async () => {
  try {
    for (const lang of ['en', 'ar']) await kwicAlignment(lang);
  } finally {
    if ((await page.getAttribute('html', 'lang')) !== 'en') {
      await page.click('#ui-lang');
      await toolDone(page, 'kwic');
    }
  }
});

async function kwicAlignment(lang) {
  if ((await page.getAttribute('html', 'lang')) !== lang) {
    await page.click('#ui-lang');
    await toolDone(page, 'kwic');
  }
  const rows = await page.locator('.an-kwic .an-line:not(.an-head)').evaluateAll((els) => els.map((row) => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right }; };
    return {
      lang: row.dataset.lang,
      key: box(row.querySelector('.an-key')),
      word: box(row.querySelector('.an-open')),
      before: box(row.querySelector('[data-side=before]')),
      after: box(row.querySelector('[data-side=after]')),
    };
  }));
  assert.ok(rows.some((r) => r.lang === 'ar') && rows.some((r) => r.lang === 'en'));
  const lefts = new Set(rows.map((r) => Math.round(r.key.left)));
  const rights = new Set(rows.map((r) => Math.round(r.key.right)));
  assert.equal(lefts.size, 1, `${lang} UI: one keyword column (left edges ${[...lefts]})`);
  assert.equal(rights.size, 1, `${lang} UI: one keyword column (right edges ${[...rights]})`);
  const centre = (rows[0].key.left + rows[0].key.right) / 2;
  for (const r of rows) {
    assert.ok(Math.abs((r.word.left + r.word.right) / 2 - centre) < 1.5, 'each keyword is centred in the column');
    if (r.lang === 'ar') {
      // Read right to left: what comes before the keyword is on its right.
      assert.ok(r.before.left >= r.key.right - 0.5, `${lang} UI: an Arabic line's before-context is right of its keyword`);
      assert.ok(r.after.right <= r.key.left + 0.5, `${lang} UI: an Arabic line's after-context is left of its keyword`);
    } else {
      assert.ok(r.before.right <= r.key.left + 0.5, `${lang} UI: an English line's before-context is left of its keyword`);
      assert.ok(r.after.left >= r.key.right - 0.5, `${lang} UI: an English line's after-context is right of its keyword`);
    }
  }
  await page.screenshot({ path: join(OUT, `analysis-kwic-${lang}.png`) });
  if (lang === 'ar') {
    // (The search query is data: the tool's field shows it as its placeholder.)
    const english = (await uiTexts(page)).filter((s) => s !== QUERY && /[A-Za-z]{3,}/.test(s.replace(/Qarin|CSV|JSON|English|Enter|Esc/g, '')));
    assert.deepEqual(english, [], 'no English UI text in the Arabic UI');
  }
}

test('a concordance line opens its article in the reader at that match', async () => {
  const shown = await kwicLines(page);
  const k = shown.findIndex((l) => l.n >= 1);
  assert.ok(k >= 0, 'some article has two matches');
  await page.locator('.an-kwic .an-open').nth(k).click();
  const current = page.locator('#reader .article-body mark.an-current');
  await current.waitFor();
  const at = await page.evaluate(() => {
    const marks = [...document.querySelectorAll('#reader .article-body mark')];
    const cur = document.querySelector('#reader mark.an-current');
    return { index: marks.indexOf(cur), focused: document.activeElement === cur, text: cur.textContent, file: document.querySelector('#reader article').textContent };
  });
  assert.equal(at.index, shown[k].n, 'the nth match of the article is the current one');
  assert.equal(at.text, shown[k].keyword);
  assert.ok(at.focused, 'the focus is on the match');
  // Close returns to the line.
  await page.click('#reader .reader-close');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('an-open')), true);
  // Esc closes the tools' reader first, then the tools; Back brings them back.
  await page.locator('.an-kwic .an-open').nth(k).click();
  await current.waitFor();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#reader').classList.contains('is-open'));
  assert.equal(await page.locator('#analysis').count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('an-open')), true);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#analysis') && !document.querySelector('.results-pane').hidden);
  assert.doesNotMatch(page.url(), /tool=/);
  await page.goBack();
  await toolDone(page, 'kwic');
  assert.match(page.url(), /tool=kwic&t\.s=R1&t\.w=3$/);
});

test('word list: by form and by term, stop words shown or hidden, with a bar chart that tells its numbers on focus', async () => {
  await page.fill('input[type=search]', '');
  await page.press('input[type=search]', 'Enter');
  await settled(page, '');
  await openTool(page, 'words');
  assert.match(await page.locator('.an-sub').textContent(), /^Sub-corpus: the whole corpus — 5 articles, [\d,]+ tokens$/);
  const corpus = await seedCorpus();
  try {
    const api = corpus.freq({ limit: 500 });
    const rows = await tableRows(page, 'words');
    assert.equal(rows.length, Math.min(DRAWN, api.rows.length));
    assert.deepEqual(rows.slice(0, 20).map((r) => [r[1], number(r[3])]), api.rows.slice(0, 20).map((r) => [r.word, r.freq]));
    // Stop words hidden by default; shown on request.
    assert.ok(!rows.some((r) => r[1] === 'the'));
    await setField(page, 'stop', true, 'words');
    assert.ok((await tableRows(page, 'words')).some((r) => r[1].toLowerCase() === 'the'));
    await setField(page, 'stop', false, 'words');
    const byTerm = corpus.freq({ by: 'term', limit: 500 });
    await setField(page, 'by', 'term', 'words');
    assert.deepEqual((await tableRows(page, 'words')).slice(0, 10).map((r) => [r[1], r[2], number(r[3])]), byTerm.rows.slice(0, 10).map((r) => [r.word, r.term, r.freq]));
  } finally {
    corpus.free();
  }
  const bars = page.locator('.an-bars svg .an-mark');
  assert.equal(await bars.count(), 20);
  await bars.first().focus();
  const readout = await page.locator('.an-bars .an-readout').textContent();
  assert.match(readout, /^.+: frequency [\d,]+, in \d+ articles?, [\d.,]+ per million$/);
  assert.equal(await bars.first().getAttribute('aria-label'), readout);
  assert.equal(await bars.first().locator('title').textContent(), readout);
  await setField(page, 'by', 'form', 'words');
});

test('n-grams of two to five words with a minimum frequency, over all text or around a query', async () => {
  await openTool(page, 'ngrams');
  const corpus = await seedCorpus();
  try {
    for (const [n, min] of [[2, 2], [3, 2]]) {
      await setField(page, 'n', String(n), 'ngrams');
      const rows = await tableRows(page, 'ngrams');
      const api = corpus.ngrams({ n, min, limit: 500 });
      assert.ok(rows.length > 0);
      assert.deepEqual(rows.map((r) => [r[1], number(r[2])]), api.rows.slice(0, DRAWN).map((r) => [r.ngram, r.freq]));
      for (const r of rows) assert.ok(number(r[2]) >= min);
    }
    await setField(page, 'a', 'Ghouta', 'ngrams');
    await page.waitForSelector('body[data-lexicon="true"]', { state: 'attached' });
    const around = corpus.ngrams({ n: 3, min: 2, around: 'Ghouta', limit: 500, crossLingual: true });
    assert.deepEqual((await tableRows(page, 'ngrams')).map((r) => r[1]), around.rows.slice(0, DRAWN).map((r) => r.ngram));
  } finally {
    corpus.free();
  }
});

test('collocates: window and minimum, columns sortable, formulas named', async () => {
  await openTool(page, 'collocates', ['needs']);
  assert.equal(await page.locator('#an-out').getAttribute('data-state'), 'needs', 'no node, no search query: the tool asks for one');
  await setField(page, 'q', 'Ghouta', 'collocates');
  const corpus = await seedCorpus();
  try {
    const api = corpus.collocates('Ghouta', { window: [5, 5], min: 2, limit: 1e9, crossLingual: true });
    const rows = await tableRows(page, 'collocates');
    assert.equal(rows.length, Math.min(DRAWN, api.rows.length));
    const byLogDice = [...api.rows].sort((a, b) => b.logdice - a.logdice || b.f_xy - a.f_xy || (a.term < b.term ? -1 : 1));
    assert.deepEqual(rows.map((r) => r[1]), byLogDice.slice(0, DRAWN).map((r) => r.word));
    assert.match(await page.locator('.an-info').textContent(), new RegExp(`^Ghouta: frequency ${api.node_freq}; window: 5 left, 5 right \\(words\\)\\.$`));
    // Order by G² with the column header.
    await page.locator('table[data-table=collocates] th button', { hasText: 'G²' }).click();
    await toolDone(page, 'collocates');
    assert.match(page.url(), /t\.o=g2/);
    const g2 = (await tableRows(page, 'collocates')).map((r) => number(r[8]));
    assert.deepEqual(g2, [...g2].sort((a, b) => b - a));
  } finally {
    corpus.free();
  }
  // The legend writes each formula.
  await page.click('.an-legend summary');
  const legend = await page.locator('.an-legend').textContent();
  assert.match(legend, /14 \+ log₂\(2·O₁₁ \/ \(f_x \+ f_y\)\)/);
  assert.match(legend, /E₁₁ = f_x · f_y · \(L \+ R\) \/ N/);
  assert.match(legend, /N − R₁ − f_y \+ O₁₁/);
  assert.equal(await page.locator('table[data-table=collocates] th abbr[title]').count() >= 5, true);
});

test('a share link restores the open tool with its settings', async () => {
  await setField(page, 'l', '3', 'collocates');
  const link = page.url();
  assert.match(link, /&tool=collocates&t\.l=3&t\.o=g2&t\.q=Ghouta$/);
  const before = await tableRows(page, 'collocates');
  const other = await b.context.newPage();
  try {
    await other.goto(link);
    await ready(other);
    await toolDone(other, 'collocates');
    assert.equal(await other.locator('.an-tab[aria-selected=true]').getAttribute('data-tool'), 'collocates');
    assert.equal(await other.inputValue('#an-q'), 'Ghouta');
    assert.equal(await other.inputValue('#an-l'), '3');
    assert.equal(await other.inputValue('#an-o'), 'g2');
    assert.deepEqual(await tableRows(other, 'collocates'), before);
    // A setting the page cannot use is named, and left at its default.
    await other.goto(`${link.replace(/t\.l=3/, 't.l=99')}&t.zz=1`);
    await toolDone(other, 'collocates');
    assert.match(await other.locator('.an-problems').textContent(), /left at their defaults: t\.l, t\.zz/);
    assert.equal(await other.inputValue('#an-l'), '5');
  } finally {
    await other.close();
  }
});

test('every table exports as CSV (UTF-8 with BOM) and JSON', async () => {
  const total = (await page.locator('.an-table-block[data-table=collocates] .an-count').textContent()).match(/([\d,]+) rows?/)[1];
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=csv][data-table=collocates]')]);
  assert.equal(csv.suggestedFilename(), 'qarin-collocates.csv');
  const text = await readFile(await csv.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFF'), 'a byte-order mark');
  const lines = text.slice(1).trimEnd().split('\r\n');
  assert.equal(lines[0], 'Rank,Word,Term,Co-occurrences,Collocate frequency,logDice,Mutual information,T-score,Log-likelihood');
  assert.equal(lines.length - 1, number(total));
  const shown = await tableRows(page, 'collocates');
  assert.equal(lines[1].split(',')[1], shown[0][1]);
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=json][data-table=collocates]')]);
  const rows = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(rows.length, number(total));
  assert.deepEqual(Object.keys(rows[0]), ['rank', 'word', 'term', 'f_xy', 'f_y', 'logdice', 'mi', 't', 'g2']);
  // The concordance too, with every line.
  await openTool(page, 'kwic');
  await setField(page, 'q', 'Ghouta', 'kwic');
  const [kwic] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=csv][data-table=kwic]')]);
  const ktext = await readFile(await kwic.path(), 'utf8');
  assert.ok(ktext.startsWith('\uFEFFFile,Language,Left,Keyword,Right,Match in article,Article hash\r\n'));
  assert.equal(ktext.trimEnd().split('\r\n').length - 1, Number(await page.locator('.an-count').getAttribute('data-total')));
});

test('keyness: English against Arabic coverage of the same query, words key in each direction past the cut-off', async () => {
  await search(page, QUERY);
  await openTool(page, 'keyness');
  await setField(page, 'k', 'langs', 'keyness');
  const target = await tableRows(page, 'target');
  const reference = await tableRows(page, 'reference');
  assert.ok(target.length > 0 && reference.length > 0);
  for (const r of target) assert.match(r[1], /[A-Za-z]/, 'English words are key in the English coverage');
  for (const r of reference) assert.match(r[1], /[\u0600-\u06FF]/, 'Arabic words are key in the Arabic coverage');
  for (const r of [...target, ...reference]) assert.ok(number(r[5]) >= 6.63, `G² ${r[5]} passes the cut-off`);
  assert.match(await page.locator('.an-sub').textContent(), /Target: every article matching .+ \(English\) — [\d,]+ tokensReference: every article matching .+ \(Arabic\) — [\d,]+ tokens/);
  await setField(page, 'p', '15.13', 'keyness');
  const strict = await tableRows(page, 'target');
  assert.ok(strict.length <= target.length);
  for (const r of strict) assert.ok(number(r[5]) >= 15.13);
  await setField(page, 'p', '6.63', 'keyness');
  await page.screenshot({ path: join(OUT, 'analysis-keyness.png') });
});

test('dispersion plot and trend chart: a strip per article, a tick per match, months by relative frequency', async () => {
  await openTool(page, 'dispersion');
  const corpus = await seedCorpus();
  let api;
  try {
    api = corpus.dispersion(QUERY, { filter: QUERY });
  } finally {
    corpus.free();
  }
  const strips = page.locator('.an-dispersion svg .an-mark');
  assert.equal(await strips.count(), api.articles.length);
  // A strip's ticks are one path: a move and a vertical line per match.
  const ticks = await page.locator('.an-dispersion svg .an-tick').evaluateAll((paths) => paths.map((p) => [Number(p.dataset.ticks), (p.getAttribute('d').match(/M/g) ?? []).length]));
  for (const [said, drawn] of ticks) assert.equal(drawn, said);
  assert.equal(ticks.reduce((n, [said]) => n + said, 0), api.articles.reduce((n, a) => n + a.positions.length, 0));
  await strips.first().focus();
  assert.match(await page.locator('.an-dispersion .an-readout').textContent(), new RegExp(`^${api.articles[0].file}: matches ${api.articles[0].positions.length}, date`));
  if (api.months.length) {
    const months = page.locator('.an-trend svg .an-mark');
    assert.equal(await months.count(), api.months.length);
    await months.last().focus();
    assert.match(await page.locator('.an-trend .an-readout').textContent(), new RegExp(`^${api.months.at(-1).month}: `));
  }
  // Dark theme: the marks take the theme's colours.
  await page.click('#theme');
  const fill = await page.locator('.an-dispersion .an-track').first().evaluate((el) => getComputedStyle(el).fill);
  await page.click('#theme');
  const light = await page.locator('.an-dispersion .an-track').first().evaluate((el) => getComputedStyle(el).fill);
  assert.notEqual(fill, light);
});

test('a newer setting supersedes a request in flight: only the last one is drawn', async () => {
  await openTool(page, 'kwic');
  // Three settings in a row, faster than the worker answers.
  await page.evaluate(() => {
    const w = document.querySelector('#an-w');
    for (const v of ['2', '7', '4']) {
      w.value = v;
      w.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  await toolDone(page, 'kwic');
  assert.match(page.url(), /t\.w=4/);
  const shown = await kwicLines(page);
  const corpus = await seedCorpus();
  try {
    const api = corpus.kwic(QUERY, { filter: QUERY, width: 4, sort: 'key', limit: 1000 });
    assert.deepEqual(shown.map((l) => l.left), api.lines.map((l) => l.left));
  } finally {
    corpus.free();
  }
});

// (How long the page thread is busy while the tools draw is measured, not asserted, by
// benches/page_tools.js: the numbers depend on the machine.)
test('the tools on an uploaded set of shared articles', { skip: NO_CORPUS }, async () => {
  const en = (await corpusNames('en')).slice(0, 40);
  const ar = (await corpusNames('ar')).slice(0, 40);
  await upload(page, [...await corpusFiles('en', en), ...await corpusFiles('ar', ar)]);
  await page.click('#report .report-dismiss').catch(() => {});
  await search(page, 'Syria OR سوريا');
  for (const tool of ['kwic', 'words', 'ngrams', 'collocates', 'keyness', 'dispersion']) {
    await openTool(page, tool);
    if (tool === 'kwic' || tool === 'collocates' || tool === 'dispersion') await setField(page, 'q', 'Syria', tool);
    const rows = await page.locator('#an-out .an-line:not(.an-head), #an-out tbody tr, #an-out .an-strip').count();
    assert.ok(rows > 0, `${tool}: rows on the uploaded set`);
  }
  assert.ok(Number(await page.locator('.an-sub').getAttribute('data-docs')) > 5);
});

test('new articles are read for the tools in slices with a progress bar; a newer request drops the older unpainted', { skip: NO_CORPUS }, async () => {
  await page.click('.an-close');
  // Enough words for several slices of the worker (www/pkg-analysis/worker.js SLICE_UNITS).
  const en = (await corpusNames('en')).slice(40, 340);
  const ar = (await corpusNames('ar')).slice(40, 340);
  await upload(page, [...await corpusFiles('en', en), ...await corpusFiles('ar', ar)]);
  await page.click('#report .report-dismiss').catch(() => {});
  await page.evaluate(() => {
    const rec = { progress: [], done: [] };
    window.__rec = rec;
    new MutationObserver(() => {
      const bar = document.querySelector('.an-status progress');
      if (bar?.max > 1) {
        rec.progress.push([bar.value, bar.max]);
        // While the concordance's request reads (its first progress drawn), the user
        // picks another tool.
        if (rec.progress.length === 1) document.querySelector('.an-tab[data-tool="words"]').click();
      }
      const out = document.querySelector('#an-out');
      if (out?.dataset.state === 'done' && rec.done.at(-1) !== out.dataset.tool + location.hash) rec.done.push(out.dataset.tool + location.hash);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'value', 'max'] });
  });
  await page.click('#tools');
  await toolDone(page, 'words');
  const rec = await page.evaluate(() => window.__rec);
  assert.ok(rec.progress.some(([value, max]) => value < max), JSON.stringify(rec.progress));
  // The concordance was dropped between slices: only the word list was ever painted.
  assert.ok(rec.done.length >= 1 && rec.done.every((d) => d.startsWith('words')), JSON.stringify(rec.done));
});

test('the tools work offline after one use', async () => {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null && document.body.dataset.offlineReady === 'true');
  await b.context.setOffline(true);
  try {
    const origin = new URL(page.url()).origin;
    await page.goto('about:blank');
    await page.goto(`${origin}/#v=1&q=Ghouta&tool=words&t.by=term`);
    await ready(page);
    await toolDone(page, 'words');
    assert.ok((await tableRows(page, 'words')).length > 0);
  } finally {
    await b.context.setOffline(false);
  }
});

test('the tools fit a phone (360 px), in both UI languages', async () => {
  const phone = await start({ server: b.server, viewport: { width: 360, height: 780 } });
  try {
    await phone.open(`/#v=1&q=${encodeURIComponent(QUERY)}&tool=kwic`);
    await toolDone(phone.page, 'kwic');
    for (const lang of ['en', 'ar']) {
      if ((await phone.page.getAttribute('html', 'lang')) !== lang) {
        const open = await phone.page.locator('#an-out').getAttribute('data-tool');
        await phone.page.click('#ui-lang');
        await toolDone(phone.page, open);
      }
      for (const tool of ['kwic', 'words', 'collocates', 'keyness', 'dispersion']) {
        await phone.page.click(`.an-tab[data-tool="${tool}"]`);
        await toolDone(phone.page, tool);
        assert.deepEqual(await overflowing(phone.page), [], `${tool}, ${lang} UI`);
      }
      await phone.page.screenshot({ path: join(OUT, `analysis-phone-${lang}.png`), fullPage: true });
    }
    assert.deepEqual(phone.problems, []);
  } finally {
    await phone.close();
  }
});

test('logs no errors', () => {
  assert.deepEqual(b.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
});

/**
 * Visible elements reaching past the viewport's sides, and sideways page scroll. Unlike
 * phone.test.js, text a cell clips (overflow hidden, the concordance's outer context) does
 * not count: it is not shown.
 */
function overflowing(p) {
  return p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    const clipped = (el) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === 'hidden' || s.overflowX === 'clip') {
          const r = a.getBoundingClientRect();
          return r.left >= -0.5 && r.right <= width + 0.5;
        }
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('[hidden], .visually-hidden, .file-input, script, style, option, thead')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'contents' || style.display === 'none') continue;
      for (const r of el.getClientRects()) {
        if (r.width === 0 || r.height === 0) continue;
        if ((r.left < -0.5 || r.right > width + 0.5) && !clipped(el)) {
          out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} [${Math.round(r.left)}, ${Math.round(r.right)}] ${el.textContent.trim().slice(0, 30)}`);
          break;
        }
      }
    }
    const scroll = document.documentElement.scrollWidth - width;
    if (scroll > 0) out.push(`the page scrolls ${scroll} px sideways`);
    return out;
  });
}
