// Search: runs the view's query and filters in the worker and draws the one page of results,
// its summary, pager and facet menus; the search form and filter controls; exporting the
// results as CSV or JSON.
import { Request } from '../protocol.js';
import { t, fmtNumber, uiLang } from '../i18n.js';
import { h, langInfo, languageName, replace, download, coreMessage } from '../views/dom.js';
import { renderResults, renderPager, clearResults } from '../views/results.js';
import { sourceMenu, splitSources, joinSources, renderYears } from '../views/filters.js';
import { ui, app, core, work } from './state.js';
import { pickForCompare } from './reading.js';

/** What app.js lends this module (the view and what changes it): see `init` there. */
let nav = null;
export function init(lent) {
  nav = lent;
}

/** Results per page: only one page is ever in the DOM. */
const PAGE = 100;
/** Delay between the last keystroke and the search it runs. */
const DEBOUNCE_MS = 250;

// Several sources at once (a menu of checkboxes), and year shortcuts for the date range.
export const sources = sourceMenu(ui.sourceField, (names) => nav.setView({ source: joinSources(names), page: 1 }));
const years = h('span', { class: 'year-shortcuts', role: 'group', hidden: true });
ui.datesField.append(years);
const pickYear = (y) => nav.setView({ from: y ? `${y}-01-01` : '', to: y ? `${y}-12-31` : '', page: 1 });

/** Puts the view's values into the form controls. */
export function syncControls() {
  if (ui.q.value !== nav.view.q && document.activeElement !== ui.q) ui.q.value = nav.view.q;
  ui.exact.checked = nav.view.exact;
  ui.lang.value = nav.view.lang;
  sources.update(app.facets.source ?? {}, splitSources(nav.view.source));
  ui.from.value = nav.view.from;
  ui.to.value = nav.view.to;
  renderYears(years, app.facets.year, nav.view, pickYear);
  ui.sort.value = nav.view.sort;
  ui.fold.checked = nav.view.fold;
  ui.xl.checked = nav.view.crossLingual;
  updateFilterControls();
}

export function searchRequest(extra = {}) {
  return {
    query: nav.view.q, exact: nav.view.exact, lang: nav.view.lang, source: splitSources(nav.view.source),
    from: nav.view.from, to: nav.view.to, sort: nav.view.sort, crossLingual: nav.view.crossLingual, ent: nav.view.ent, ...extra,
  };
}

/**
 * A search running this long (a costly /regex/) may be stopped: the Stop button shows, and a
 * newer search replaces the worker rather than wait behind it (its wasm cannot be interrupted).
 */
const STUCK_MS = 1000;
/** The newest search sent, settled either way (a newer one waits on it). */
let running = Promise.resolve();

/** Replaces the worker if a search has run STUCK_MS (see protocol.js `restart`). */
async function stopStuckSearch() {
  const left = STUCK_MS - core.waiting(Request.SEARCH);
  if (left === STUCK_MS) return; // none running
  if (left > 0) await Promise.race([running, new Promise((resolve) => setTimeout(resolve, left))]);
  if (core.waiting(Request.SEARCH) >= STUCK_MS) await work(core.restart());
}

// ── answers fetched ahead: while the user types or pastes, the box's query is asked for
// (not drawn), so Enter draws a ready answer in the frame after the key press. Chromium holds
// a worker's messages back until the frame after a key press is shown, so an answer asked
// for on Enter is drawn a frame later at best.

/** Delay between the last keystroke and the search asked ahead. */
const AHEAD_MS = 30;
/** `{key, changes, result}`: the last answer asked ahead (`result` once it came). */
let ahead = null;
let aheadTimer = 0;

function askAhead() {
  const request = searchRequest({ query: ui.q.value, limit: PAGE, offset: 0, fold: nav.view.fold });
  const key = JSON.stringify(request);
  const changes = core.changes;
  // Not a /regex/: a costly one would hold the worker for a query the user may not want.
  if (ahead?.key === key || !ui.q.value.trim() || ui.q.value.includes('/') || changes === Infinity) return;
  const mine = (ahead = { key, changes, result: null });
  core.call(Request.SEARCH, request).then((result) => {
    if (ahead !== mine || core.changes !== changes) return;
    mine.result = result;
    ui.q.dataset.ahead = request.query; // for tests to wait on
  }, () => {});
}

/**
 * The answer asked ahead for `request`, if the corpus is as it was when it was asked. Not
 * before the lexicon is in: until then a search waits for the worker, which answers it once
 * the lexicon it is loading is linked, as a search always did.
 */
function answeredAhead(request) {
  const ready = ahead?.result && ahead.key === JSON.stringify(request) && ahead.changes === core.changes
    && document.body.dataset.lexicon === 'true';
  return ready ? ahead.result : null;
}

/** Runs the view's search and draws the list, facets, pager and summary. */
export async function runSearch() {
  const seq = ++app.searchSeq;
  const offset = (nav.view.page - 1) * PAGE;
  const request = searchRequest({ limit: PAGE, offset, fold: nav.view.fold });
  const ready = answeredAhead(request);
  // With no search running the request goes out now, before the rest of the redraw.
  if (!ready && core.waiting(Request.SEARCH) > 0) {
    await stopStuckSearch();
    if (seq !== app.searchSeq) return; // a newer search is on its way
  }
  const query = nav.view.q;
  let result;
  const call = ready ? Promise.resolve(ready) : core.call(Request.SEARCH, request);
  running = call.catch(() => {});
  const stop = setTimeout(() => {
    if (seq !== app.searchSeq) return;
    const button = h('button', { type: 'button', class: 'stop-search', on: { click: () => work(core.restart()) } }, t('results.stop'));
    replace(ui.summary, t('results.running'), ' ', button);
  }, STUCK_MS);
  try {
    // Folding is for the list only: export and "remove results" take every match.
    result = ready ?? await work(call);
  } catch (e) {
    if (seq !== app.searchSeq) return;
    if (e.code !== 'stopped') showError(t('error.search', { message: e.message }));
    else {
      // Stopped by the user: no results, and the list says which query it answered.
      clearResults(ui.results);
      ui.summary.textContent = t('results.stopped');
      renderPager(ui.pager, { page: 1, pages: 1 }, { go: goPage });
      ui.results.dataset.query = nav.view.q;
      ui.results.dataset.lang = nav.view.lang;
    }
    return;
  } finally {
    clearTimeout(stop);
  }
  if (seq !== app.searchSeq) return; // a newer search is on its way
  const shown = () => {
    // What the list now shows, for tests and styles to key on.
    ui.results.dataset.query = nav.view.q;
    ui.results.dataset.lang = nav.view.lang;
    ui.results.dataset.page = String(nav.view.page);
    ui.results.dataset.fold = String(nav.view.fold);
  };
  if (result.error) {
    replace(ui.error, t('error.query'), ' ', coreMessage(result.error), ' ', queryAt(query, result.error.offset));
    ui.q.setAttribute('aria-invalid', 'true');
    clearResults(ui.results);
    app.total = 0;
    app.folded = 0;
    ui.summary.textContent = t('results.fixQuery');
    renderPager(ui.pager, { page: 1, pages: 1 }, { go: goPage });
    shown();
    return;
  }
  showError('');
  ui.q.removeAttribute('aria-invalid');
  app.total = result.total + (result.folded ?? 0);
  app.folded = result.folded ?? 0;
  app.facets = result.facets ?? { lang: {}, source: {} };
  app.hasDates = app.hasDates || result.hits.some((hit) => hit.date) || Object.keys(app.facets.date ?? {}).length > 0;
  const pages = Math.max(1, Math.ceil(result.total / PAGE));
  if (nav.view.page > pages && result.total > 0) {
    // A page past the end (the corpus shrank, or a hand-made link): show the last one.
    await nav.setView({ page: pages }, { history: 'replace' });
    return;
  }
  renderResults(ui.results, result.hits, rowState(offset + 1), rowActions);
  // A regex search that reached its work limit answers with what it read, and says so.
  const partial = (result.warnings ?? []).map((w) => [' · ', coreMessage(w, 'partial-note')]);
  replace(ui.summary, summaryText(app.total), app.folded ? t('results.folded', { n: app.folded }) : null, ...partial.flat());
  if (result.suggestions) import('../pkg-suggest/suggest.js').then((m) => m.show(result.suggestions, seq, nav));
  renderPager(ui.pager, { page: nav.view.page, pages }, { go: goPage });
  updateFacets();
  updateFilterControls();
  shown();
}

function goPage(page) {
  nav.setView({ page }).then(() => ui.results.querySelector('.hit-open')?.focus());
}

/** Counts per language in the language menu, and the source menu. */
export function updateFacets() {
  const langs = app.facets.lang ?? {};
  const all = Object.values(langs).reduce((a, b) => a + b, 0);
  // Every language the core detected gets an option (French, Czech…), named in the UI
  // language; Arabic and English stay as written in index.html.
  for (const option of [...ui.lang.options]) if (!option.dataset.i18n) option.remove();
  const others = Object.keys(langs).filter((c) => c !== 'ar' && c !== 'en');
  if (nav.view.lang !== 'all' && !['ar', 'en', ...others].includes(nav.view.lang)) others.push(nav.view.lang);
  const named = others.map((c) => [c, languageName(c)]).sort((a, b) => a[1].localeCompare(b[1], uiLang()));
  for (const [value, name] of named) ui.lang.append(h('option', { value, dataset: { name } }));
  for (const option of ui.lang.options) {
    const n = option.value === 'all' ? all : langs[option.value] ?? 0;
    const label = option.dataset.i18n ? t(option.dataset.i18n) : option.dataset.name;
    option.textContent = t('filters.count', { label, n: fmtNumber(n) });
  }
  ui.lang.value = nav.view.lang;
  sources.update(app.facets.source ?? {}, splitSources(nav.view.source));
  ui.sourceField.hidden = Object.keys(app.facets.source ?? {}).length === 0 && !nav.view.source;
  renderYears(years, app.facets.year, nav.view, pickYear);
  const e = app.facets.entity ?? [];
  if (!(ui.entityField.hidden = !e.length && !nav.view.ent)) import('../pkg-lexicon/filter.js').then((m) => m.renderEntities(ui.entityField, e, nav));
}

function activeFilters() {
  return [nav.view.lang !== 'all', !!nav.view.source, !!nav.view.from, !!nav.view.to, !!nav.view.ent].filter(Boolean).length;
}

export function updateFilterControls() {
  const n = activeFilters();
  ui.clearFilters.disabled = n === 0;
  ui.clearFilters.textContent = n ? t('filters.clearN', { n }) : t('filters.clear');
  ui.datesField.hidden = !app.hasDates && !nav.view.from && !nav.view.to;
  ui.sortField.hidden = !app.hasDates && nav.view.sort !== 'date';
  // No article has a full date (the demo's): say where the date controls would be. The hint
  // shows from the first paint (no layout shift as the demo loads) until dates or an empty
  // corpus are known.
  document.getElementById('dates-hint').hidden = !ui.datesField.hidden || (app.ready && app.size === 0);
  ui.foldField.hidden = app.folded === 0 && nav.view.fold;
  for (const button of [ui.removeResults, ui.exportCsv, ui.exportJson]) button.disabled = app.total === 0;
}

function summaryText(total) {
  const where = nav.view.lang === 'all' ? '' : t('results.inLang', { lang: langInfo(nav.view.lang).name });
  if (!nav.view.q.trim()) {
    return nav.view.lang === 'all' && activeFilters() === 0 ? t('results.all', { n: total }) : t('results.filtered', { n: total, where });
  }
  const order = nav.view.sort === 'date' ? t('results.newestFirst') : t('results.relevantFirst');
  // The query is the user's text: its own element and no translation. Isolated in the UI's
  // direction, so a mixed query's runs (الغوطة OR Ghouta) read in the order they were typed.
  const [before, after] = t('results.for', { n: total, query: '\u0000', where, order }).split('\u0000');
  return [before, h('bdi', { class: 'summary-query', dir: document.dir, 'data-content': '' }, nav.view.q.trim()), after];
}

function rowState(rankFrom) {
  return {
    activeHash: nav.view.open,
    compareHashes: new Set(nav.view.picked),
    // A score says how well a row matched; rows a filter alone chose (lang:ar) have none.
    showScore: nav.view.q.trim() !== '',
    rankFrom,
  };
}

const rowActions = {
  open: (hit, button) => {
    app.opener = button;
    nav.setView({ open: hit.hash, compare: false });
  },
  compare: (hit, checked) => pickForCompare(hit, checked),
};

/** Where a query error points: the query from there on (`offset` counts UTF-8 bytes). */
function queryAt(query, offset) {
  const at = new TextDecoder().decode(new TextEncoder().encode(query).subarray(0, offset)).length;
  const rest = query.slice(at).trimEnd();
  if (!rest) return t('error.queryAtEnd');
  const shown = rest.length > 30 ? `${rest.slice(0, 30)}…` : rest;
  const [before, after] = t('error.queryAt', { where: '\u0000' }).split('\u0000');
  return [before, h('code', { class: 'query-at', dir: document.dir, 'data-content': '' }, shown), after];
}

export function showError(message) {
  ui.error.textContent = message;
}

let debounce = 0;

/**
 * Puts the view's query into the box even while it has the focus, and drops a search still
 * waiting for the end of typing (Back or a pasted link replaced the view it would change).
 */
export function resetBox() {
  clearTimeout(debounce);
  ui.q.value = nav.view.q;
}

ui.q.addEventListener('input', () => {
  clearTimeout(debounce);
  clearTimeout(aheadTimer);
  aheadTimer = setTimeout(askAhead, AHEAD_MS);
  debounce = setTimeout(() => {
    if (ui.q.value !== nav.view.q) nav.setView({ q: ui.q.value, page: 1 }, { history: 'typing' });
  }, DEBOUNCE_MS);
});
ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(debounce);
  if (ui.q.value !== nav.view.q) nav.setView({ q: ui.q.value, page: 1 });
  else {
    app.typingEntry = false;
    runSearch(); // Enter runs the search again (the corpus may have changed)
  }
});
document.getElementById('query-help').addEventListener('click', async (e) => (await work(import('../pkg-help/help.js'))).open(e.currentTarget));
ui.exact.addEventListener('change', () => nav.setView({ exact: ui.exact.checked, page: 1 }));
ui.lang.addEventListener('change', () => nav.setView({ lang: ui.lang.value, page: 1 }));
ui.from.addEventListener('change', () => nav.setView({ from: ui.from.value, page: 1 }));
ui.to.addEventListener('change', () => nav.setView({ to: ui.to.value, page: 1 }));
ui.sort.addEventListener('change', () => nav.setView({ sort: ui.sort.value, page: 1 }));
ui.fold.addEventListener('change', () => nav.setView({ fold: ui.fold.checked, page: 1 }));
ui.xl.addEventListener('change', () => nav.setView({ crossLingual: ui.xl.checked, page: 1 }));
ui.clearFilters.addEventListener('click', () => {
  nav.setView({ lang: 'all', source: '', from: '', to: '', ent: '', page: 1 });
  ui.lang.focus();
});

// ── export ──

async function exportResults(format) {
  try {
    const [{ fileNameFrom, RESULT_COLUMNS }] = await work(Promise.all([import('../pkg-export/export.js'), import('../pkg-en/messages.js')]));
    const labels = Object.fromEntries(RESULT_COLUMNS.map((k) => [k, t(`column.${k}`)]));
    const { blob } = await work(core.call(Request.EXPORT_RESULTS, { search: searchRequest(), format, labels }));
    const name = `${fileNameFrom(nav.view.q, 'results')}.${format}`;
    download(blob, name);
  } catch (e) {
    showError(t('error.export', { message: e.message }));
  }
}
ui.exportCsv.addEventListener('click', () => exportResults('csv'));
ui.exportJson.addEventListener('click', () => exportResults('json'));
