// The corpus tools' view (issue 13), loaded the first time a tool opens: KWIC concordance,
// word list, n-grams, collocates, keyness, dispersion and trend. It takes the results list's
// place in the workspace (the reader stays beside it); the search box and filters above
// choose the sub-corpus every tool reads. The counting is the core's, in the worker
// (Request.ANALYZE, pkg-analysis/worker.js); here the settings form, the tables and the
// pictures. The open tool and its settings live in the view (`tool`, `ts`), so the URL and
// share links hold them (share.js); tools.js reads them.
import { Request, Event } from '../protocol.js';
import { t, uiLang } from '../i18n.js';
import { h, replace, useStyles, download } from '../views/dom.js';
import { renderEmptyReader } from '../views/reader.js';
import { splitSources } from '../views/filters.js';
import { ui, app, core, work } from '../page/state.js';
import { TOOLS, SETTINGS, readSettings, linkSettings, carrySettings, missingInput, toolQuery, columnsOf } from './tools.js';
import { kwicGrid } from './kwic.js';
import { dataTable, exportBar, header, num, SYMBOLS } from './table.js';
import { barChart, trendChart, dispersionPlot } from './charts.js';
import { FORMULAS } from './formulas.js';
import './messages.js';
import '../pkg-en/messages.js';

await useStyles(new URL('./analysis.css', import.meta.url));

// The shell leaves two things to this module (its bytes count at start-up; these do not):
// drawing the tools again in a new UI language (app.js sets <html lang> once the language's
// table is loaded), and Esc closing the tools when nothing opened later is open.
new MutationObserver(() => {
  if (nav?.view.tool && panel && panel.lang !== uiLang()) showTool(nav, null);
}).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
window.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || !panel || !nav?.view.tool) return;
  // What Esc closes first (app.js): a dialog, a menu, side by side, the open article.
  if (document.querySelector('dialog[open], details[open]:not(.an-legend)') || nav.view.compare || nav.view.open) return;
  // The tools' reader closes first (from inside it, its own handler returns the focus).
  const reading = ui.reader.classList.contains('is-open');
  if (reading && ui.reader.contains(document.activeElement)) return;
  e.stopPropagation();
  if (reading) renderEmptyReader(ui.reader);
  else nav.setView({ tool: '', ts: {} });
}, { capture: true });

// The worker answers a request in slices (and reads the articles for the tools the first
// time, and after an upload): the newest request's progress fills the bar. Reading shows
// at once; the counting stages only once the request has taken 150 ms, so a quick answer
// never flashes a bar.
const STAGES = { counting: 'counting', finding: 'finding', collecting: 'collecting', 'n-grams': 'ngrams', windows: 'windows' };
core.on(Event.TOOLS, (p) => {
  if (!panel || p.seq !== seq) return;
  const reading = p.stage === 'reading';
  if (!reading && performance.now() - askedAt < 150) return;
  let bar = panel.status.querySelector('progress');
  if (!bar || !panel.status.dataset.preparing) {
    bar = h('progress', { class: 'an-progress', 'aria-label': t('an.working') });
    replace(panel.status, bar, ' ', h('span', {}));
    panel.status.dataset.preparing = 'true';
  }
  bar.max = Math.max(1, p.total);
  bar.value = p.done;
  const args = { done: p.done, total: p.total, pct: Math.floor((100 * p.done) / Math.max(1, p.total)) };
  const key = reading ? 'an.preparing' : `an.stage.${STAGES[p.stage] ?? 'counting'}`;
  bar.nextSibling.nextSibling.textContent = t(key, args);
});

let nav = null;
/** The panel's elements, made once per UI language. */
let panel = null;
/** The newest request: only its answer is drawn. */
let seq = 0;
/** When the newest request was made (performance.now()). */
let askedAt = 0;
/** `{key, tool, settings, sub, result}` of the answer on screen. */
let shown = null;

/** The search page's query and filters: the sub-corpus every tool reads. */
function subOf(view) {
  return { query: view.q.trim(), lang: view.lang, source: splitSources(view.source), from: view.from, to: view.to, exact: view.exact === true, crossLingual: view.crossLingual !== false };
}

/**
 * Shows the view's tool (or closes the panel when the view has none); runs it when its
 * settings or the sub-corpus changed since `before`; `before` null draws it again (the UI
 * language changed) from the answer on screen.
 */
export async function showTool(lent, before) {
  nav = lent;
  if (!nav.view.tool) {
    closePanel();
    return;
  }
  const { tool, settings, problems } = readSettings(nav.view.tool, nav.view.ts);
  const sub = subOf(nav.view);
  if (!panel || before === null) makePanel();
  if (panel.tool !== tool || before === null) drawForm(tool, settings);
  else syncForm(settings);
  panel.root.dataset.tool = tool;
  for (const tab of panel.tabs.children) tab.setAttribute('aria-selected', String(tab.dataset.tool === tool));
  panel.problems.textContent = problems.length ? t('an.linkProblems', { keys: problems.join(', ') }) : '';
  const key = JSON.stringify({ tool, settings, sub });
  if (shown?.key === key) {
    if (before === null) drawResult(shown);
    return;
  }
  await run(key, tool, settings, sub);
}

function closePanel() {
  seq++;
  shown = null;
  if (!panel) return;
  panel.root.remove();
  panel = null;
  ui.workspace.querySelector('.results-pane').hidden = false;
  ui.workspace.classList.remove('has-tools');
  document.getElementById('tools')?.focus();
}

function makePanel() {
  panel?.root.remove();
  const tabs = h('div', { class: 'an-tabs', role: 'tablist', 'aria-label': t('an.tools') },
    TOOLS.map((name) => h('button', {
      type: 'button', role: 'tab', class: 'an-tab', dataset: { tool: name }, 'aria-controls': 'an-out',
      on: { click: () => switchTool(name), keydown: tabKeys },
    }, t(`an.tool.${name}`))));
  const root = h('section', { id: 'analysis', class: 'analysis', 'aria-labelledby': 'an-heading' },
    h('div', { class: 'an-top' },
      h('h2', { id: 'an-heading', class: 'results-heading' }, t('an.heading')),
      h('button', { type: 'button', class: 'button ghost small an-close', on: { click: () => nav.setView({ tool: '', ts: {} }) } }, t('an.close'))),
    tabs,
    h('p', { class: 'an-problems', role: 'status' }));
  const form = h('form', { class: 'an-form', novalidate: true, 'aria-label': t('an.settings') });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    commit();
  });
  form.addEventListener('change', commit);
  const sub = h('p', { class: 'an-sub', 'aria-live': 'polite' });
  const status = h('div', { class: 'an-status', role: 'status' });
  const out = h('div', { id: 'an-out', class: 'an-out', role: 'tabpanel', 'aria-labelledby': 'an-heading' });
  root.append(form, sub, status, out);
  const results = ui.workspace.querySelector('.results-pane');
  results.hidden = true;
  results.before(root);
  ui.workspace.classList.add('has-tools');
  panel = { root, tabs, form, sub, status, out, problems: root.querySelector('.an-problems'), tool: null, lang: uiLang() };
}

/** Left/Right (and Home/End) move between the tabs, in the page's direction. */
function tabKeys(e) {
  const list = [...panel.tabs.children];
  const at = list.indexOf(e.currentTarget);
  const rtl = document.documentElement.dir === 'rtl';
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
  let next = null;
  if (step) next = list[(at + step + list.length) % list.length];
  else if (e.key === 'Home') next = list[0];
  else if (e.key === 'End') next = list[list.length - 1];
  if (!next) return;
  e.preventDefault();
  next.focus();
  next.click();
}

function switchTool(name) {
  const current = readSettings(nav.view.tool, nav.view.ts);
  if (name === current.tool) return;
  nav.setView({ tool: name, ts: carrySettings(current.tool, current.settings, name) });
}

// ── the settings form ──

/** A field's label: the tool's own wording, else the shared one. */
const label = (tool, key) => t(`an.set.${tool}.${key}`, {}, t(`an.set.${key}`));

function drawForm(tool, settings) {
  panel.tool = tool;
  const fields = Object.entries(SETTINGS[tool]).map(([key, spec]) => {
    const id = `an-${key}`;
    let control;
    if (key === 'stop') {
      control = h('input', { type: 'checkbox', id, name: key, checked: settings[key] === '1' });
      return h('label', { class: 'an-field an-check', dataset: { key } }, control, ' ', label(tool, key));
    }
    if (spec.kind === 'pick') {
      control = h('select', { id, name: key }, spec.values.map((v) => h('option', { value: v }, optionLabel(key, v))));
      control.value = settings[key];
    } else if (spec.kind === 'int') {
      control = h('input', { type: 'number', id, name: key, min: spec.min, max: spec.max, step: 1, value: settings[key], inputmode: 'numeric' });
    } else {
      control = h('input', { type: 'search', id, name: key, value: settings[key], dir: 'auto', autocomplete: 'off', spellcheck: 'false', placeholder: placeholderFor(tool, key) });
    }
    return h('span', { class: 'an-field', dataset: { key } }, h('label', { for: id }, label(tool, key)), control);
  });
  replace(panel.form, ...fields, h('button', { type: 'submit', class: 'button small' }, t('an.run')));
  syncForm(settings);
}

function optionLabel(key, value) {
  if (key === 's') return t(`an.sort.${value}`);
  if (key === 'p') return t('an.cutoff', { g2: value, p: { '3.84': '0.05', '6.63': '0.01', '10.83': '0.001', '15.13': '0.0001' }[value] });
  if (key === 'n') return String(value);
  if (key === 'o') return t(`an.col.${value}`);
  if (key === 'tl' || key === 'rl') return t(`an.lang.${value || 'any'}`);
  return t(`an.opt.${key}.${value}`);
}

function placeholderFor(tool, key) {
  if (key === 'q') return nav.view.q.trim() || t('an.queryHint');
  return key === 'a' ? t('an.aroundHint') : '';
}

/** Puts `settings` into the form (after back/forward or a link) and shows the fields that apply. */
function syncForm(settings) {
  for (const [key, value] of Object.entries(settings)) {
    const el = panel.form.elements.namedItem(key);
    if (!el || el === document.activeElement) continue;
    if (el.type === 'checkbox') el.checked = value === '1';
    else el.value = value;
    if (key === 'q') el.placeholder = placeholderFor(panel.tool, key);
  }
  const custom = settings.k === 'custom';
  for (const key of ['tq', 'tl', 'rq', 'rl']) {
    const field = panel.form.querySelector(`[data-key="${key}"]`);
    if (field) field.hidden = !custom;
  }
}

/** The form's values into the view (and so the URL); the tool runs when they changed. */
function commit() {
  const { tool, settings } = readSettings(nav.view.tool, nav.view.ts);
  const next = { ...settings };
  for (const key of Object.keys(SETTINGS[tool])) {
    const el = panel.form.elements.namedItem(key);
    if (!el) continue;
    next[key] = el.type === 'checkbox' ? (el.checked ? '1' : '') : String(el.value).trim();
    const spec = SETTINGS[tool][key];
    if (spec.kind === 'int') {
      const n = Math.round(Number(next[key]));
      next[key] = String(Number.isFinite(n) && next[key] !== '' ? Math.min(spec.max, Math.max(spec.min, n)) : spec.def);
      el.value = next[key];
    }
  }
  const ts = linkSettings(tool, next);
  if (JSON.stringify(ts) === JSON.stringify(linkSettings(tool, settings))) return;
  panel.out.dataset.state = 'running';
  nav.setView({ ts });
}

// ── running ──

async function run(key, tool, settings, sub) {
  const mine = ++seq;
  askedAt = performance.now();
  const { out, status } = panel;
  out.dataset.tool = tool;
  drawSub(tool, settings, sub, null);
  const missing = missingInput(tool, settings, sub);
  if (missing) {
    shown = null;
    out.dataset.state = 'needs';
    replace(out, h('p', { class: 'an-hint' }, t(`an.needs.${missing}`)));
    status.replaceChildren();
    return;
  }
  out.dataset.state = 'running';
  out.setAttribute('aria-busy', 'true');
  // A slow request shows that it works (and on what); a quick one never flashes.
  delete status.dataset.preparing;
  const slow = setTimeout(() => {
    if (mine === seq && !status.dataset.preparing) replace(status, h('progress', { class: 'an-progress', 'aria-label': t('an.working') }), ' ', t('an.workingOn', { n: app.size }));
  }, 150);
  let result;
  const posted = performance.timeOrigin + performance.now();
  try {
    result = await work(core.call(Request.ANALYZE, { seq: mine, tool, settings, sub }));
  } catch (e) {
    if (mine !== seq) return;
    clearTimeout(slow);
    shown = null;
    out.dataset.state = 'error';
    out.removeAttribute('aria-busy');
    delete status.dataset.preparing;
    replace(status, h('p', { class: 'an-error', role: 'alert' }, t('an.error', { message: e.message })));
    out.replaceChildren();
    return;
  } finally {
    clearTimeout(slow);
  }
  if (mine !== seq || result.superseded) return; // a newer request is on its way
  delete status.dataset.preparing;
  status.replaceChildren();
  shown = { key, tool, settings, sub, result };
  const received = performance.timeOrigin + performance.now();
  if (!(await drawResult(shown))) return;
  // Where the time went (benches/page_tools.js reads it): post → worker → articles read →
  // core answer → reply sent → received → drawn (epoch milliseconds).
  out.dataset.timing = JSON.stringify({ posted, ...result.timing, received, drawn: performance.timeOrigin + performance.now() });
}

/**
 * Draws an answer; a tool may give parts to draw later (`{now, later}`, `later` a list of
 * functions, each drawn a task after the one before), so that no one task holds the page
 * for 50 ms. False when a newer request came in meanwhile.
 */
async function drawResult({ tool, settings, sub, result }) {
  const { out } = panel;
  const mine = seq;
  drawSub(tool, settings, sub, result);
  const draw = { kwic: drawKwic, words: drawWords, ngrams: drawNgrams, collocates: drawCollocates, keyness: drawKeyness, dispersion: drawDispersion }[tool];
  const parts = draw(result, settings, sub);
  const end = legend(tool);
  replace(out, ...(parts.now ?? parts), end);
  for (const later of parts.later ?? []) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (mine !== seq) return false;
    end.before(...later());
  }
  out.dataset.tool = tool;
  out.dataset.state = 'done';
  out.removeAttribute('aria-busy');
  return true;
}

/** Asks the worker for table `name` of the answer on screen, whole, as a file. */
function exporter(name) {
  return async (format) => {
    const { tool, settings, sub } = shown;
    const labels = Object.fromEntries(columnsOf(name).map((key) => [key, t(`an.col.${key}`)]));
    try {
      const { blob } = await work(core.call(Request.ANALYZE, { seq: 0, tool, settings, sub, format, table: name, labels }));
      const stem = `qarin-${tool}${name === tool ? '' : `-${name}`}`;
      download(blob, `${stem}.${format}`);
    } catch (e) {
      replace(panel.status, h('p', { class: 'an-error', role: 'alert' }, t('error.export', { message: e.message })));
    }
  };
}

// ── which sub-corpus ──

/** A sub-corpus in words: the whole corpus, or the articles a query and filters match. */
function describe({ query, lang, source, from, to }) {
  const filters = [];
  if (lang === 'ar' || lang === 'en') filters.push(t(`lang.${lang}`));
  if (source?.length) filters.push(source.join(', '));
  if (from || to) filters.push(`${from || '…'} – ${to || '…'}`);
  if (!query && !filters.length) return [t('an.sub.all')];
  const parts = [];
  if (query) {
    const [a, b] = t('an.sub.matching', { query: '\u0000' }).split('\u0000');
    parts.push(a, h('bdi', { class: 'summary-query', 'data-content': '' }, query), b);
  } else {
    parts.push(t('an.sub.filtered'));
  }
  if (filters.length) parts.push(' (', h('bdi', { 'data-content': '' }, filters.join(' · ')), ')');
  return parts;
}

function drawSub(tool, settings, sub, result) {
  const el = panel.sub;
  if (tool === 'keyness') {
    const q = sub.query;
    const [target, reference] = settings.k === 'langs'
      ? [{ ...sub, lang: 'en' }, { ...sub, lang: 'ar' }]
      : settings.k === 'custom'
        ? [{ query: settings.tq.trim(), lang: settings.tl }, { query: settings.rq.trim(), lang: settings.rl }]
        : [{ ...sub, query: q }, {}];
    const size = (n) => (result ? [' — ', t('an.tokens', { n })] : []);
    replace(el,
      h('span', { class: 'an-sub-part', dataset: { side: 'target' } }, h('strong', {}, t('an.target')), ' ', describe(target), size(result?.info.target_tokens)),
      h('span', { class: 'an-sub-part', dataset: { side: 'reference' } }, h('strong', {}, t('an.reference')), ' ', describe(reference), size(result?.info.reference_tokens)));
    return;
  }
  replace(el, h('strong', {}, t('an.subcorpus')), ' ', describe(sub),
    result?.sub ? [' — ', t('an.size', { docs: result.sub.docs, tokens: result.sub.tokens })] : []);
  if (result?.sub) {
    el.dataset.docs = String(result.sub.docs);
    el.dataset.tokens = String(result.sub.tokens);
  }
}

// ── each tool's answer ──

const rtl = () => document.documentElement.dir === 'rtl';
const dirOfText = (s) => (/[\u0600-\u06FF]/.test(s) ? 'rtl' : 'ltr');

function drawKwic(result, settings, sub) {
  const table = result.tables.kwic;
  const query = toolQuery(settings, sub);
  return [
    h('div', { class: 'an-table-head' },
      h('p', { class: 'an-count', dataset: { total: String(table.total) } },
        table.total > table.rows.length ? t('an.kwic.totalShown', { n: table.total, shown: table.rows.length }) : t('an.kwic.total', { n: table.total })),
      exportBar('kwic', exporter('kwic'))),
    kwicGrid(table.rows, { uiDir: rtl() ? 'rtl' : 'ltr', label: t('an.tool.kwic'), open: (line, button) => openAt(line, query, button) }),
  ];
}

function table(name, result, extra = {}) {
  const { rows, total } = result.tables[name];
  return dataTable({ name, label: t(`an.table.${name}`), columns: columnsOf(name), rows, total, exportAs: exporter(name), ...extra });
}

function drawWords(result) {
  const rows = result.tables.words.rows;
  const top = rows.slice(0, 20).map((r) => ({
    label: r.word, dir: dirOfText(r.word), value: r.freq, valueText: num(r.freq),
    text: t('an.chart.word', { word: r.word, freq: num(r.freq), docs: r.docs, pm: num(r.per_million, 1) }),
  }));
  return [
    top.length ? barChart(top, { caption: t('an.chart.top', { n: top.length }), hint: t('an.chart.hint'), rtl: rtl() }) : null,
    table('words', result),
  ];
}

function drawNgrams(result) {
  return [table('ngrams', result)];
}

function drawCollocates(result, settings) {
  const info = result.info;
  const sort = { key: settings.o, keys: ['f_xy', 'logdice', 'mi', 't', 'g2'], set: (o) => nav.setView({ ts: linkSettings('collocates', { ...settings, o }) }) };
  return [
    h('p', { class: 'an-info' }, t('an.colloc.node', { node: '\u0000', n: info.node_freq ?? 0, l: Number(settings.l), r: Number(settings.r) }).split('\u0000')
      .flatMap((part, k) => (k ? [h('bdi', { 'data-content': '' }, info.node ?? ''), part] : [part]))),
    table('collocates', result, { sort }),
  ];
}

function drawKeyness(result) {
  const block = (name) => h('section', { class: 'an-key-side', dataset: { side: name } },
    h('h3', {}, t(`an.keyness.${name}Heading`)),
    table(name, result));
  // The reference side a task later: both sides in one task passed 50 ms once at 100k.
  return { now: [block('target')], later: [() => [block('reference')]] };
}

function drawDispersion(result, settings, sub) {
  const { articles, months } = result.tables;
  const shownArticles = articles.rows.slice(0, 60);
  const hits = articles.rows.reduce((n, a) => n + a.hits, 0);
  const parts = [h('p', { class: 'an-info' }, t('an.disp.summary', { hits: result.info.hits ?? hits, docs: articles.total, query: toolQuery(settings, sub) }))];
  if (shownArticles.length) {
    parts.push(dispersionPlot(shownArticles.map((a) => ({
      label: a.file.length > 24 ? `${a.file.slice(0, 23)}…` : a.file, dir: 'ltr', positions: a.positions,
      text: t('an.chart.article', { file: a.file, n: a.hits, date: a.date || '—' }),
    })), { caption: articles.total > shownArticles.length ? t('an.chart.dispersionSome', { shown: shownArticles.length, total: articles.total }) : t('an.chart.dispersion'), hint: t('an.chart.hint'), rtl: rtl() }));
  }
  const later = [];
  if (months.rows.length) {
    later.push(() => [trendChart(months.rows.map((m) => ({
      label: m.month, value: m.per_million,
      text: t('an.chart.month', { month: m.month, pm: num(m.per_million, 1), hits: m.hits, tokens: m.tokens }),
    })), { caption: t('an.chart.trend'), hint: t('an.chart.hint'), rtl: rtl(), axis: (max) => t('an.chart.axis', { pm: num(max, 1) }) })]);
  } else {
    parts.push(h('p', { class: 'an-hint' }, t('an.disp.noDates')));
  }
  // The strips, the trend chart and each table a task apart: at 100k articles (180 months,
  // 60 strips) the pictures in one task and the tables in the next still passed 50 ms once.
  later.push(() => [h('h3', {}, t('an.table.months')), table('months', result)]);
  later.push(() => [h('h3', {}, t('an.table.articles')), table('articles', result)]);
  return { now: parts, later };
}

/** What each column of the tool's tables counts, and the formula it uses. */
function legend(tool) {
  const keys = [...new Set((tool === 'keyness' ? ['keyness'] : tool === 'dispersion' ? ['months'] : [tool]).flatMap(columnsOf))]
    .filter((key) => FORMULAS[tool]?.[key] || FORMULAS.any[key] || SYMBOLS[key]);
  return h('details', { class: 'an-legend' },
    h('summary', {}, t('an.legend')),
    keys.length ? h('dl', {}, keys.flatMap((key) => [
      h('dt', {}, header(key)),
      h('dd', {}, t(`an.col.${key}.help`, {}, ''), ' ',
        h('code', { dir: 'ltr', translate: 'no', 'data-content': '' }, FORMULAS[tool]?.[key] ?? FORMULAS.any[key] ?? '')),
    ])) : null,
    h('p', {}, t(`an.notes.${tool}`, {}, t('an.notes.any'))));
}

// ── a concordance line opens its article at that match ──

/**
 * Shows the line's article in the reader with the concordance query marked, and brings its
 * `n`th match into view with the focus on it. The reader here is the tools' own (the view's
 * open article is the results list's): Close returns to the line.
 */
async function openAt(line, query, button) {
  if (!line.hash) return;
  let article;
  let renderReader;
  try {
    [article, { renderReader }] = await work(Promise.all([
      core.call(Request.GET, { hash: line.hash, query }),
      import('../pkg-reader/reader.js'),
    ]));
  } catch (e) {
    replace(panel.status, h('p', { class: 'an-error', role: 'alert' }, t('error.open', { message: e.message })));
    return;
  }
  if (!article) return;
  const { pickForCompare } = await import('../page/reading.js');
  const close = () => {
    ui.reader.removeEventListener('keydown', onEscape);
    renderEmptyReader(ui.reader);
    if (button.isConnected) button.focus();
  };
  // Esc in this reader closes it (before the page's Esc closes the tools).
  const onEscape = (e) => {
    if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
    if (nav.view.open || ui.reader.querySelector('article')?.dataset.hash !== article.hash) {
      ui.reader.removeEventListener('keydown', onEscape); // the results' reader took over
      return;
    }
    e.stopPropagation();
    close();
  };
  ui.reader.addEventListener('keydown', onEscape);
  renderReader(ui.reader, article, { compared: nav.view.left === article.hash || nav.view.right === article.hash, focus: false }, {
    close,
    compare: (checked) => pickForCompare({ hash: article.hash, title: article.title, lang: article.lang, file: article.file }, checked),
    share: nav.openShare,
    download: async () => {
      const { articleText, fileNameFrom } = await work(import('../pkg-export/export.js'));
      download(new Blob([articleText(article)], { type: 'text/plain;charset=utf-8' }), `${fileNameFrom(article.title, 'article')}.txt`);
    },
    remove: async () => (await import('../page/corpus.js')).removeArticles([article.hash], article.title || article.file),
    open: (hash) => nav.setView({ open: hash, tool: '', ts: {} }),
  });
  const marks = ui.reader.querySelectorAll('.article-body mark');
  const at = marks[Math.min(line.n, marks.length - 1)];
  if (!at) return;
  at.classList.add('an-current');
  at.tabIndex = -1;
  const pane = ui.reader.getBoundingClientRect();
  ui.reader.scrollTop += at.getBoundingClientRect().top - pane.top - ui.reader.clientHeight / 2;
  at.focus({ preventScroll: true });
}
