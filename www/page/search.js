// Search: runs the view's query and filters in the worker and draws the one page of results,
// its summary, pager and facet menus; the search form and filter controls; exporting the
// results as CSV or JSON.
import { Request } from '../protocol.js';
import { t, fmtNumber } from '../i18n.js';
import { fileNameFrom, RESULT_COLUMNS } from '../export.js';
import { h, langInfo, replace, download, coreMessage } from '../views/dom.js';
import { renderResults, renderPager } from '../views/results.js';
import { sourceMenu, splitSources, joinSources, renderYears } from '../views/filters.js';
import { ui, app, core, work } from './state.js';
import { view, setView } from '../app.js';
import { pickForCompare } from './reading.js';

/** Results per page: only one page is ever in the DOM. */
const PAGE = 100;
/** Delay between the last keystroke and the search it runs. */
const DEBOUNCE_MS = 250;

// Several sources at once (a menu of checkboxes), and year shortcuts for the date range.
export const sources = sourceMenu(ui.sourceField, (names) => setView({ source: joinSources(names), page: 1 }));
const years = h('span', { class: 'year-shortcuts', role: 'group', hidden: true });
ui.datesField.append(years);
const pickYear = (y) => setView({ from: y ? `${y}-01-01` : '', to: y ? `${y}-12-31` : '', page: 1 });

/** Puts the view's values into the form controls. */
export function syncControls() {
  if (ui.q.value !== view.q && document.activeElement !== ui.q) ui.q.value = view.q;
  ui.exact.checked = view.exact;
  ui.lang.value = view.lang;
  sources.update(app.facets.source ?? {}, splitSources(view.source));
  ensureOption(ui.entity, view.entity);
  ui.entity.value = view.entity;
  ui.from.value = view.from;
  ui.to.value = view.to;
  renderYears(years, app.facets.year, view, pickYear);
  ui.sort.value = view.sort;
  ui.fold.checked = view.fold;
  updateFilterControls();
}

export function searchRequest(extra = {}) {
  return {
    query: view.q, exact: view.exact, lang: view.lang, source: splitSources(view.source), entity: view.entity,
    from: view.from, to: view.to, sort: view.sort, ...extra,
  };
}

/** Runs the view's search and draws the list, facets, pager and summary. */
export async function runSearch() {
  const seq = ++app.searchSeq;
  const offset = (view.page - 1) * PAGE;
  const query = view.q;
  let result;
  try {
    // Folding is for the list only: export and "remove results" take every match.
    result = await work(core.call(Request.SEARCH, searchRequest({ limit: PAGE, offset, fold: view.fold })));
  } catch (e) {
    if (seq === app.searchSeq) showError(t('error.search', { message: e.message }));
    return;
  }
  if (seq !== app.searchSeq) return; // a newer search is on its way
  const shown = () => {
    // What the list now shows, for tests and styles to key on.
    ui.results.dataset.query = view.q;
    ui.results.dataset.lang = view.lang;
    ui.results.dataset.page = String(view.page);
    ui.results.dataset.fold = String(view.fold);
  };
  if (result.error) {
    replace(ui.error, t('error.query'), ' ', coreMessage(result.error), ' ', queryAt(query, result.error.offset));
    ui.q.setAttribute('aria-invalid', 'true');
    ui.results.replaceChildren();
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
  if (view.page > pages && result.total > 0) {
    // A page past the end (the corpus shrank, or a hand-made link): show the last one.
    await setView({ page: pages }, { history: 'replace' });
    return;
  }
  renderResults(ui.results, result.hits, rowState(offset + 1), rowActions);
  replace(ui.summary, summaryText(app.total), app.folded ? t('results.folded', { n: app.folded }) : null);
  renderPager(ui.pager, { page: view.page, pages }, { go: goPage });
  updateFacets();
  updateFilterControls();
  shown();
}

function goPage(page) {
  setView({ page }).then(() => ui.results.querySelector('.hit-open')?.focus());
}

/** Counts per language in the language menu, and the source (and entity) menus. */
export function updateFacets() {
  const langs = app.facets.lang ?? {};
  const all = Object.values(langs).reduce((a, b) => a + b, 0);
  for (const option of ui.lang.options) {
    const n = option.value === 'all' ? all : langs[option.value] ?? 0;
    option.textContent = t('filters.count', { label: t(option.dataset.i18n), n: fmtNumber(n) });
  }
  sources.update(app.facets.source ?? {}, splitSources(view.source));
  ui.sourceField.hidden = Object.keys(app.facets.source ?? {}).length === 0 && !view.source;
  renderYears(years, app.facets.year, view, pickYear);
  const entities = app.facets.entity ?? {};
  fillFacet(ui.entity, entities, view.entity, 'filters.entityAll');
  ui.entityField.hidden = Object.keys(entities).length === 0 && !view.entity;
}

/** A facet menu: "All …" and each value with its count, most frequent first. */
function fillFacet(select, counts, selected, allKey) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (selected && !(selected in counts)) entries.push([selected, 0]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const options = [h('option', { value: '' }, t('filters.count', { label: t(allKey), n: fmtNumber(total) }))];
  for (const [value, n] of entries) {
    options.push(h('option', { value, dir: 'auto', 'data-content': '' }, t('filters.count', { label: value, n: fmtNumber(n) })));
  }
  select.replaceChildren(...options);
  select.value = selected;
}

function ensureOption(select, value) {
  if (value && ![...select.options].some((o) => o.value === value)) select.append(h('option', { value, 'data-content': '' }, value));
}

function activeFilters() {
  return [view.lang !== 'all', !!view.source, !!view.entity, !!view.from, !!view.to].filter(Boolean).length;
}

export function updateFilterControls() {
  const n = activeFilters();
  ui.clearFilters.disabled = n === 0;
  ui.clearFilters.textContent = n ? t('filters.clearN', { n }) : t('filters.clear');
  ui.datesField.hidden = !app.hasDates && !view.from && !view.to;
  ui.sortField.hidden = !app.hasDates && view.sort !== 'date';
  ui.foldField.hidden = app.folded === 0 && view.fold;
  for (const button of [ui.removeResults, ui.exportCsv, ui.exportJson]) button.disabled = app.total === 0;
}

function summaryText(total) {
  const where = view.lang === 'all' ? '' : t('results.inLang', { lang: langInfo(view.lang).name });
  if (!view.q.trim()) {
    return view.lang === 'all' && activeFilters() === 0 ? t('results.all', { n: total }) : t('results.filtered', { n: total, where });
  }
  const order = view.sort === 'date' ? t('results.newestFirst') : t('results.relevantFirst');
  // The query is the user's text: its own element, direction and no translation.
  const [before, after] = t('results.for', { n: total, query: '\u0000', where, order }).split('\u0000');
  return [before, h('bdi', { class: 'summary-query', 'data-content': '' }, view.q.trim()), after];
}

function rowState(rankFrom) {
  return {
    activeHash: view.open,
    compareHashes: new Set([view.left, view.right].filter(Boolean)),
    showScore: view.q.trim() !== '',
    rankFrom,
  };
}

const rowActions = {
  open: (hit, button) => {
    app.opener = button;
    setView({ open: hit.hash, compare: false });
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
  return [before, h('code', { class: 'query-at', dir: 'auto', 'data-content': '' }, shown), after];
}

export function showError(message) {
  ui.error.textContent = message;
}

let debounce = 0;
ui.q.addEventListener('input', () => {
  clearTimeout(debounce);
  debounce = setTimeout(() => {
    if (ui.q.value !== view.q) setView({ q: ui.q.value, page: 1 }, { history: 'typing' });
  }, DEBOUNCE_MS);
});
ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(debounce);
  if (ui.q.value !== view.q) setView({ q: ui.q.value, page: 1 });
  else {
    app.typingEntry = false;
    runSearch(); // Enter runs the search again (the corpus may have changed)
  }
});
ui.exact.addEventListener('change', () => setView({ exact: ui.exact.checked, page: 1 }));
ui.lang.addEventListener('change', () => setView({ lang: ui.lang.value, page: 1 }));
ui.entity.addEventListener('change', () => setView({ entity: ui.entity.value, page: 1 }));
ui.from.addEventListener('change', () => setView({ from: ui.from.value, page: 1 }));
ui.to.addEventListener('change', () => setView({ to: ui.to.value, page: 1 }));
ui.sort.addEventListener('change', () => setView({ sort: ui.sort.value, page: 1 }));
ui.fold.addEventListener('change', () => setView({ fold: ui.fold.checked, page: 1 }));
ui.clearFilters.addEventListener('click', () => {
  setView({ lang: 'all', source: '', entity: '', from: '', to: '', page: 1 });
  ui.lang.focus();
});

// ── export ──

async function exportResults(format) {
  const labels = Object.fromEntries(RESULT_COLUMNS.map((k) => [k, t(`column.${k}`)]));
  try {
    const { blob } = await work(core.call(Request.EXPORT_RESULTS, { search: searchRequest(), format, labels }));
    const name = `${fileNameFrom(view.q, 'results')}.${format}`;
    download(blob, name);
  } catch (e) {
    showError(t('error.export', { message: e.message }));
  }
}
ui.exportCsv.addEventListener('click', () => exportResults('csv'));
ui.exportJson.addEventListener('click', () => exportResults('json'));
