// The corpus tools' definitions, shared by the page (analysis.js), the worker (worker.js) and
// the Node tests: each tool's settings (their link keys "t.<key>", defaults and limits), how a
// link's text settings are read, the wasm API request a tool makes for a sub-corpus, how the
// worker orders, cuts and splits the answer, and every table's columns. Pure module: no DOM,
// no worker, no wasm.
//
// A sub-corpus is the search page's query and filters (`sub`: {query, lang, source: [names],
// from, to}): every article they match, never a page of hits; an empty query is the whole
// corpus. A tool that takes its own query (KWIC keyword, collocate node, dispersion term)
// uses the search query when its own is empty.

/** The tools, in the order of their tabs. */
export const TOOLS = ['kwic', 'words', 'ngrams', 'collocates', 'keyness', 'dispersion'];

/** KWIC orders: the keyword, words read outward from it (as AntConc does), or text order. */
export const SORTS = ['key', 'L1', 'L2', 'L3', 'R1', 'R2', 'R3', 'text'];
/** Log-likelihood critical values (1 degree of freedom) the keyness cut-off offers. */
export const CUTOFFS = ['3.84', '6.63', '10.83', '15.13'];
/** Collocate columns a table can be ordered by. */
export const COLLOCATE_ORDERS = ['logdice', 'mi', 't', 'g2', 'f_xy'];
/** Keyness presets: current results vs the whole corpus; English vs Arabic coverage; custom. */
export const PRESETS = ['results', 'langs', 'custom'];

/** Rows the page gets per table (an export gets every row). */
export const SHOWN = 500;
/** KWIC lines the page gets (an export gets every line). */
export const KWIC_SHOWN = 1000;
/** The `limit` that asks the core for every row (its default is 1,000). */
export const ALL = 1e9;

const text = (def = '') => ({ kind: 'text', def });
const int = (def, min, max) => ({ kind: 'int', def: String(def), min, max });
const pick = (def, values) => ({ kind: 'pick', def, values });
const flag = () => ({ kind: 'pick', def: '', values: ['', '1'] });
const LANG = ['', 'en', 'ar'];

/** Each tool's settings: link key → kind, default and limits (values are strings, as in links). */
export const SETTINGS = {
  kwic: { q: text(), w: int(5, 1, 20), s: pick('key', SORTS) },
  words: { by: pick('form', ['form', 'term']), stop: flag() },
  ngrams: { n: int(2, 2, 5), min: int(2, 1, 1000), a: text() },
  collocates: { q: text(), l: int(5, 0, 10), r: int(5, 0, 10), min: int(2, 1, 1000), by: pick('form', ['form', 'term']), o: pick('logdice', COLLOCATE_ORDERS) },
  keyness: { k: pick('results', PRESETS), tq: text(), tl: pick('', LANG), rq: text(), rl: pick('', LANG), p: pick('6.63', CUTOFFS), by: pick('form', ['form', 'term']) },
  dispersion: { q: text() },
};

function valid(spec, value) {
  if (typeof value !== 'string') return false;
  if (spec.kind === 'text') return value.length <= 500;
  if (spec.kind === 'pick') return spec.values.includes(value);
  const n = Number(value);
  return /^\d+$/.test(value) && n >= spec.min && n <= spec.max;
}

/**
 * Reads a link's tool and settings: `{tool, settings, problems}`. Every setting of the tool is
 * in `settings` (a string; the default when the link lacks it). A value the tool cannot use,
 * a key it does not have, or a tool this page does not know is named in `problems` (the
 * link's key) and left at its default (an unknown tool opens the concordance).
 */
export function readSettings(tool, ts = {}) {
  const problems = [];
  let name = tool;
  if (!TOOLS.includes(name)) {
    problems.push('tool');
    name = 'kwic';
  }
  const specs = SETTINGS[name];
  const settings = {};
  for (const [key, spec] of Object.entries(specs)) settings[key] = spec.def;
  for (const [key, value] of Object.entries(ts ?? {})) {
    if (!(key in specs) || !valid(specs[key], value)) problems.push(`t.${key}`);
    else settings[key] = value;
  }
  return { tool: name, settings, problems };
}

/** The link settings (`ts`) for `settings` of `tool`: defaults left out, so one view has one link. */
export function linkSettings(tool, settings) {
  const specs = SETTINGS[tool] ?? {};
  const ts = {};
  for (const [key, spec] of Object.entries(specs)) {
    const value = settings?.[key];
    if (value !== undefined && value !== spec.def && valid(spec, String(value))) ts[key] = String(value);
  }
  return ts;
}

/**
 * The settings a tool opens with when the user switches to it from `from` (its settings
 * `fromSettings`): the query and grouping carry over where both tools have them.
 */
export function carrySettings(from, fromSettings, to) {
  const out = {};
  for (const key of ['q', 'by']) {
    if (key in (SETTINGS[to] ?? {}) && key in (SETTINGS[from] ?? {})) out[key] = fromSettings[key];
  }
  return linkSettings(to, out);
}

/** The API's sub-corpus options for `sub` (the search page's query and filters). */
export function subOptions(sub) {
  const o = {};
  if (sub.query?.trim()) o.filter = sub.query;
  if (sub.lang === 'ar' || sub.lang === 'en') o.lang = sub.lang;
  if (sub.source?.length) o.source = sub.source;
  if (sub.from) o.from = sub.from;
  if (sub.to) o.to = sub.to;
  // The search page's switches: Exact form, and Both scripts (the tools expand only when asked).
  if (sub.exact) o.exact = true;
  if (sub.crossLingual) o.crossLingual = true;
  return o;
}

/** The query a tool that has its own (keyword, node, term) runs: its own, else the search's. */
export function toolQuery(settings, sub) {
  return (settings.q ?? '').trim() || (sub.query ?? '').trim();
}

/**
 * The wasm API request for `tool` with `settings` over `sub`: `{method, query, options}`;
 * `query` is null for methods that take options only. `method` is the `Corpus` method name.
 * `all`: every row (an export); else what the page shows: the core orders collocates by the
 * chosen column and cuts keyness per direction, so no answer carries rows nobody sees.
 */
export function apiRequest(tool, settings, sub, { all = false } = {}) {
  const req = request(tool, settings, sub);
  if (tool !== 'dispersion') req.options.limit = all ? ALL : tool === 'kwic' ? KWIC_SHOWN : SHOWN;
  if (tool === 'keyness' && !all) req.options.perSide = true;
  return req;
}

function request(tool, settings, sub) {
  const s = settings;
  const base = subOptions(sub);
  switch (tool) {
    case 'kwic':
      return { method: 'kwic', query: toolQuery(s, sub), options: { ...base, width: Number(s.w), sort: s.s } };
    case 'words':
      return { method: 'freq', query: null, options: { ...base, by: s.by, stop: s.stop === '1' } };
    case 'ngrams': {
      const options = { ...base, n: Number(s.n), min: Number(s.min) };
      if (s.a.trim()) options.around = s.a.trim();
      return { method: 'ngrams', query: null, options };
    }
    case 'collocates':
      return { method: 'collocates', query: toolQuery(s, sub), options: { ...base, window: [Number(s.l), Number(s.r)], min: Number(s.min), by: s.by, sort: s.o } };
    case 'keyness': {
      const filters = { ...base };
      delete filters.filter;
      delete filters.lang;
      const q = (sub.query ?? '').trim();
      let target;
      let reference;
      if (s.k === 'langs') {
        target = { ...filters, query: q, lang: 'en' };
        reference = { ...filters, query: q, lang: 'ar' };
      } else if (s.k === 'custom') {
        target = { query: s.tq.trim(), ...(s.tl ? { lang: s.tl } : {}) };
        reference = { query: s.rq.trim(), ...(s.rl ? { lang: s.rl } : {}) };
      } else {
        target = { ...filters, query: q, ...(base.lang ? { lang: base.lang } : {}) };
        reference = {};
      }
      for (const side of [target, reference]) {
        if (base.exact) side.exact = true;
        if (base.crossLingual) side.crossLingual = true;
      }
      return { method: 'keyness', query: null, options: { target, reference, by: s.by, cutoff: Number(s.p) } };
    }
    case 'dispersion':
      return { method: 'dispersion', query: toolQuery(s, sub), options: base };
    default:
      throw new Error(`unknown tool: ${tool}`);
  }
}

/** What a tool needs before it can run: the name of the missing input, or null. */
export function missingInput(tool, settings, sub) {
  if (['kwic', 'collocates', 'dispersion'].includes(tool) && !toolQuery(settings, sub)) return 'query';
  if (tool === 'keyness' && settings.k === 'custom' && !settings.tq.trim() && !settings.rq.trim()) return 'target';
  return null;
}

/** Each table's columns (keys of the API's rows, plus the page's own: rank, key, hash). */
export const COLUMNS = {
  kwic: ['file', 'lang', 'left', 'keyword', 'right', 'n', 'hash'],
  words: ['rank', 'word', 'term', 'freq', 'docs', 'per_million'],
  ngrams: ['rank', 'ngram', 'freq', 'docs'],
  collocates: ['rank', 'word', 'term', 'f_xy', 'f_y', 'logdice', 'mi', 't', 'g2'],
  keyness: ['key', 'word', 'term', 'target_freq', 'reference_freq', 'g2', 'log_ratio', 'pct_diff'],
  months: ['month', 'hits', 'tokens', 'per_million'],
  articles: ['file', 'date', 'tokens', 'hits', 'hash'],
};

/**
 * The worker's tables from an API answer: `{table name: rows}` ordered, cut and split as the
 * settings say; every row, for exports (the page shows the first `SHOWN`).
 *   collocates  ordered by the chosen column (descending), ties by co-occurrences then word
 *   keyness     rows with G² at or above the cut-off, split into words key in the target
 *               (more frequent there: Log Ratio > 0) and in the reference, each by G²
 *   dispersion  the months (in order) and the articles that contain the term
 */
export function tables(tool, settings, answer) {
  const rank = (rows) => rows.map((r, k) => ({ rank: k + 1, ...r }));
  switch (tool) {
    case 'kwic':
      return { kwic: answer.lines };
    case 'words':
      return { words: rank(answer.rows) };
    case 'ngrams':
      return { ngrams: rank(answer.rows) };
    case 'collocates': {
      const o = settings.o;
      // The core's order (ties by co-occurrences, then term); kept here for exports of old answers.
      const rows = [...answer.rows].sort((a, b) => (b[o] - a[o]) || (b.f_xy - a.f_xy) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      return { collocates: rank(rows) };
    }
    case 'keyness': {
      const cut = Number(settings.p);
      const kept = answer.rows.filter((r) => r.g2 >= cut).sort((a, b) => b.g2 - a.g2);
      return {
        target: kept.filter((r) => r.log_ratio > 0).map((r) => ({ key: 'target', ...r })),
        reference: kept.filter((r) => r.log_ratio < 0).map((r) => ({ key: 'reference', ...r })),
      };
    }
    case 'dispersion':
      return {
        months: answer.months,
        articles: answer.articles.map((a) => ({ ...a, hits: a.positions.length })),
      };
    default:
      return {};
  }
}

/** The columns of table `name` (a tool's own, keyness's two directions, dispersion's two). */
export function columnsOf(name) {
  return COLUMNS[name === 'target' || name === 'reference' ? 'keyness' : name] ?? [];
}
