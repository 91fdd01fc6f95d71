// The corpus tools' page logic (www/pkg-analysis/tools.js): how a link's tool settings are
// read and written, the wasm API request each tool makes for the search page's sub-corpus
// (keyness presets included), and how the worker orders, cuts and splits an answer. The
// counting itself is the core's (tests/node/stats.test.js and the Rust tests); the browser
// tests (tests/browser/analysis.test.js) run the tools on real articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeView, decodeView, emptyView } from '../../www/share.js';
import {
  TOOLS, SETTINGS, SHOWN, KWIC_SHOWN, ALL, readSettings, linkSettings, carrySettings, apiRequest, subOptions, tables, missingInput, columnsOf,
} from '../../www/pkg-analysis/tools.js';

const sub = { query: 'Ghouta', lang: 'all', source: [], from: '', to: '' };

test('a link without settings opens a tool at its defaults; defaults stay out of links', () => {
  for (const tool of TOOLS) {
    const { settings, problems } = readSettings(tool, {});
    assert.deepEqual(problems, [], tool);
    assert.deepEqual(Object.keys(settings), Object.keys(SETTINGS[tool]), tool);
    assert.deepEqual(linkSettings(tool, settings), {}, tool);
  }
  assert.equal(readSettings('kwic', {}).settings.w, '5');
  assert.deepEqual(readSettings('collocates', {}).settings.l, '5');
  assert.deepEqual(readSettings('collocates', {}).settings.r, '5');
});

test('settings a tool cannot use are named and left at their defaults', () => {
  const { tool, settings, problems } = readSettings('kwic', { w: '99', s: 'L9', q: 'siege', zz: '1' });
  assert.equal(tool, 'kwic');
  assert.equal(settings.w, '5');
  assert.equal(settings.s, 'key');
  assert.equal(settings.q, 'siege');
  assert.deepEqual(problems.sort(), ['t.s', 't.w', 't.zz']);
  const unknown = readSettings('sketch', { w: '3' });
  assert.equal(unknown.tool, 'kwic');
  assert.deepEqual(unknown.problems, ['tool']);
  assert.equal(unknown.settings.w, '3');
});

test('a view with a tool round-trips through the link (share.js) and back to the same settings', () => {
  const settings = { ...readSettings('collocates', {}).settings, q: 'الغوطة', l: '3', r: '2', o: 'g2' };
  const view = { ...emptyView(), q: 'Syria', lang: 'ar', tool: 'collocates', ts: linkSettings('collocates', settings) };
  const back = decodeView(encodeView(view));
  assert.deepEqual(back.problems, []);
  assert.deepEqual(readSettings(back.view.tool, back.view.ts).settings, settings);
});

test('switching tools carries the query and grouping where both tools have them', () => {
  assert.deepEqual(carrySettings('kwic', { q: 'siege', w: '7', s: 'R1' }, 'collocates'), { q: 'siege' });
  assert.deepEqual(carrySettings('words', { by: 'term', stop: '1' }, 'keyness'), { by: 'term' });
  assert.deepEqual(carrySettings('kwic', { q: 'siege' }, 'words'), {});
});

test('each tool asks the core for the whole sub-corpus of the search page', () => {
  const s = (tool, ts = {}) => readSettings(tool, ts).settings;
  const narrow = { query: 'Ghouta', lang: 'ar', source: ['AFP', 'SANA'], from: '2018-01-01', to: '2018-03-31' };
  assert.deepEqual(subOptions(narrow), { filter: 'Ghouta', lang: 'ar', source: ['AFP', 'SANA'], from: '2018-01-01', to: '2018-03-31' });
  assert.deepEqual(subOptions({ query: '  ', lang: 'all', source: [] }), {});
  // The tool's own query wins; without one the search query is the keyword.
  assert.deepEqual(apiRequest('kwic', s('kwic', { w: '3', s: 'L1' }), sub), { method: 'kwic', query: 'Ghouta', options: { filter: 'Ghouta', width: 3, sort: 'L1', limit: KWIC_SHOWN } });
  assert.equal(apiRequest('kwic', s('kwic'), sub, { all: true }).options.limit, ALL);
  assert.equal(apiRequest('kwic', s('kwic', { q: 'siege' }), sub).query, 'siege');
  assert.deepEqual(apiRequest('words', s('words', { by: 'term', stop: '1' }), sub).options, { filter: 'Ghouta', by: 'term', stop: true, limit: SHOWN });
  assert.deepEqual(apiRequest('ngrams', s('ngrams', { n: '3', min: '4', a: 'siege' }), sub).options, { filter: 'Ghouta', n: 3, min: 4, around: 'siege', limit: SHOWN });
  // The core orders collocates by the chosen column and sends what the page shows; an
  // export asks for every row.
  assert.deepEqual(apiRequest('collocates', s('collocates', { l: '2', r: '4', o: 'mi' }), sub), {
    method: 'collocates', query: 'Ghouta', options: { filter: 'Ghouta', window: [2, 4], min: 2, by: 'form', sort: 'mi', limit: SHOWN },
  });
  assert.equal(apiRequest('collocates', s('collocates'), sub, { all: true }).options.limit, ALL);
  // The search page's Exact form and Both scripts switches go with every request.
  assert.deepEqual(subOptions({ query: 'Ghouta', exact: true, crossLingual: false }), { filter: 'Ghouta', exact: true });
  assert.deepEqual(subOptions({ query: 'Ghouta', exact: false, crossLingual: true }), { filter: 'Ghouta', crossLingual: true });
  assert.deepEqual(apiRequest('keyness', readSettings('keyness', { k: 'custom', tq: 'siege' }).settings, { query: '', crossLingual: true }).options.target, { query: 'siege', crossLingual: true });
  assert.deepEqual(apiRequest('dispersion', s('dispersion'), narrow), { method: 'dispersion', query: 'Ghouta', options: subOptions(narrow) });
});

test('keyness presets: current results vs the whole corpus, English vs Arabic coverage, two queries', () => {
  const s = (ts) => readSettings('keyness', ts).settings;
  const narrow = { query: 'Ghouta', lang: 'all', source: ['AFP'], from: '2018-01-01', to: '' };
  assert.deepEqual(apiRequest('keyness', s({}), narrow).options, {
    target: { source: ['AFP'], from: '2018-01-01', query: 'Ghouta' }, reference: {}, by: 'form', cutoff: 6.63, limit: SHOWN, perSide: true,
  });
  // An export asks for every row past the cut-off, in both directions together.
  assert.deepEqual(apiRequest('keyness', s({}), narrow, { all: true }).options, {
    target: { source: ['AFP'], from: '2018-01-01', query: 'Ghouta' }, reference: {}, by: 'form', cutoff: 6.63, limit: ALL,
  });
  assert.deepEqual(apiRequest('keyness', s({ k: 'langs' }), narrow).options, {
    target: { source: ['AFP'], from: '2018-01-01', query: 'Ghouta', lang: 'en' },
    reference: { source: ['AFP'], from: '2018-01-01', query: 'Ghouta', lang: 'ar' },
    by: 'form', cutoff: 6.63, limit: SHOWN, perSide: true,
  });
  assert.deepEqual(apiRequest('keyness', s({ k: 'custom', tq: 'siege', tl: 'en', rq: 'ceasefire', by: 'term' }), narrow).options, {
    target: { query: 'siege', lang: 'en' }, reference: { query: 'ceasefire' }, by: 'term', cutoff: 6.63, limit: SHOWN, perSide: true,
  });
  assert.equal(missingInput('keyness', s({ k: 'custom' }), narrow), 'target');
  assert.equal(missingInput('kwic', readSettings('kwic', {}).settings, { ...narrow, query: '' }), 'query');
  assert.equal(missingInput('words', readSettings('words', {}).settings, { ...narrow, query: '' }), null);
});

test('collocates are ordered by the chosen column; keyness keeps rows past the cut-off, split by direction', () => {
  const rows = [
    { word: 'b', f_xy: 5, logdice: 9, g2: 30 },
    { word: 'a', f_xy: 9, logdice: 8, g2: 30 },
    { word: 'c', f_xy: 2, logdice: 12, g2: 3 },
  ];
  const by = (o) => tables('collocates', { o }, { rows }).collocates.map((r) => r.word);
  assert.deepEqual(by('logdice'), ['c', 'b', 'a']);
  assert.deepEqual(by('g2'), ['a', 'b', 'c']); // a tie on G² goes to more co-occurrences
  assert.deepEqual(tables('collocates', { o: 'f_xy' }, { rows }).collocates.map((r) => r.rank), [1, 2, 3]);
  const key = { rows: [
    { word: 'siege', g2: 12.5, log_ratio: 1.5 },
    { word: 'الغوطة', g2: 40, log_ratio: -3 },
    { word: 'said', g2: 2, log_ratio: 0.2 },
    { word: 'talks', g2: 7, log_ratio: 2 },
  ] };
  const t1 = tables('keyness', { p: '6.63' }, key);
  assert.deepEqual(t1.target.map((r) => r.word), ['siege', 'talks']);
  assert.deepEqual(t1.reference.map((r) => r.word), ['الغوطة']);
  assert.ok(t1.target.every((r) => r.key === 'target'));
  const t2 = tables('keyness', { p: '15.13' }, key);
  assert.deepEqual([t2.target.length, t2.reference.length], [0, 1]);
  assert.deepEqual(columnsOf('target'), columnsOf('keyness'));
});

test('dispersion tables: months as given, articles with their match counts', () => {
  const answer = {
    articles: [{ id: 1, file: 'a.txt', date: '2018-02-01', tokens: 100, positions: [0.1, 0.5] }],
    months: [{ month: '2018-02', hits: 2, tokens: 100, per_million: 20000 }],
  };
  const out = tables('dispersion', {}, answer);
  assert.deepEqual(out.months, answer.months);
  assert.equal(out.articles[0].hits, 2);
});
