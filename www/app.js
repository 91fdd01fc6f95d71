// The page's wiring: starts the worker, keeps the view in the URL, turns user actions into
// protocol requests and replies into views. No text is read, tokenized or scored here (that
// is the worker's wasm), and no storage is touched here (that is the worker's store.js).
import { Request, Event, connect } from './protocol.js';
import { t, fmtNumber, setUiLang, uiLang, applyStatic, coreParts } from './i18n.js';
import { initialUiLang, saveUiLang, initialTheme, saveTheme } from './prefs.js';
import { emptyView, encodeView, decodeView, viewHashes, encodeArticles, decodeArticles, linkFor, MAX_LINK_CHARS } from './share.js';
import { articleText, fileNameFrom, toCsv, RESULT_COLUMNS, REPORT_COLUMNS } from './export.js';
import { h, langInfo, replace, download, coreMessage } from './views/dom.js';
import { renderResults, markActive, syncCompare, renderPager } from './views/results.js';
import { renderReader, renderEmptyReader } from './views/reader.js';
import { renderSideBySide } from './views/sidebyside.js';
import { renderReport, renderProgress, progressCancelling, renderMessage, clearReport } from './views/report.js';
import { ask, renderShare } from './views/dialogs.js';
import { sourceMenu, splitSources, joinSources, renderYears } from './views/filters.js';
import { fromInput, installDrop } from './drop.js';
import { installKeys } from './keyboard.js';

/** Results per page: only one page is ever in the DOM. */
const PAGE = 100;
/** Delay between the last keystroke and the search it runs. */
const DEBOUNCE_MS = 250;
/** While files are added, the list is refreshed at most this often. */
const LIVE_RESULTS_MS = 1500;
/** Files read at once and sent in one message while adding files. */
const READ_AT_ONCE = 16;
/** How far the page may read ahead of the worker while adding files. */
const AHEAD_FILES = 400;
const AHEAD_BYTES = 32_000_000;

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'), q: $('q'), exact: $('exact'),
  lang: $('lang'), sourceField: $('source-field'), entity: $('entity'), entityField: $('entity-field'),
  from: $('from'), to: $('to'), datesField: $('dates-field'), sort: $('sort'), sortField: $('sort-field'), clearFilters: $('clear-filters'),
  files: $('files'), folder: $('folder'), bundleInput: $('bundle-input'),
  size: $('corpus-size'), storageNote: $('storage-note'), storageUsage: $('storage-usage'),
  error: $('query-error'), notice: $('notice'), report: $('report'),
  summary: $('summary'), results: $('results'), pager: $('pager'), emptyCorpus: $('empty-corpus'),
  removeResults: $('remove-results'), exportCsv: $('export-csv'), exportJson: $('export-json'),
  reader: $('reader'), workspace: $('workspace'), compare: $('compare'),
  trayLeft: $('tray-left'), trayRight: $('tray-right'), openCompare: $('open-compare'), clearCompare: $('clear-compare'),
  overlay: $('drop-overlay'), confirm: $('confirm-dialog'), shareDialog: $('share-dialog'), menu: $('corpus-menu'),
  uiLang: $('ui-lang'), theme: $('theme'),
};

/** The view: everything a link reproduces (see share.js for its encoding). */
let view = emptyView();

// Several sources at once (a menu of checkboxes), and year shortcuts for the date range.
const sources = sourceMenu(ui.sourceField, (names) => setView({ source: joinSources(names), page: 1 }));
const years = h('span', { class: 'year-shortcuts', role: 'group', hidden: true });
ui.datesField.append(years);
const pickYear = (y) => setView({ from: y ? `${y}-01-01` : '', to: y ? `${y}-12-31` : '', page: 1 });

const app = {
  ready: false,
  size: 0,
  storage: { persistent: true, from: 'empty' },
  total: 0,
  facets: { lang: {}, source: {} },
  hasDates: false,
  searchSeq: 0, // only the newest search may render
  readerSeq: 0,
  opener: null, // the button that opened the reader, to return focus on Esc
  tray: { left: null, right: null }, // {hash, title, lang, file} of the side-by-side pair
  lastReport: null, // {report, label}: re-rendered when the UI language changes
  adding: 0, // ADD/IMPORT jobs in flight
  jobs: 0, // ADD_FILES job ids
  typingEntry: false, // the current history entry was made by typing (later typing replaces it)
};

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const core = connect(worker);

// ── UI language and theme ──

function applyUiLang(lang) {
  setUiLang(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.title = t('app.title');
  applyStatic(document);
  // The switch names the other language in that language.
  const other = lang === 'ar' ? 'en' : 'ar';
  ui.uiLang.textContent = t('ui.switchTo', {}, '', other);
  ui.uiLang.lang = other;
  ui.uiLang.setAttribute('aria-label', t('ui.switchLabel', {}, '', other));
  applyTheme(document.documentElement.dataset.theme);
}

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  ui.theme.setAttribute('aria-pressed', String(theme === 'dark'));
  ui.theme.textContent = t('theme.dark');
}

applyTheme(initialTheme());
applyUiLang(initialUiLang());

ui.uiLang.addEventListener('click', () => {
  const next = uiLang() === 'ar' ? 'en' : 'ar';
  saveUiLang(next);
  applyUiLang(next);
  rerender();
});
ui.theme.addEventListener('click', () => {
  const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
  saveTheme(next);
  applyTheme(next);
});

/** Everything drawn from data, drawn again (after a UI language change). */
function rerender() {
  setSize(app.size);
  if (!app.ready) return;
  runSearch();
  showReader();
  showCompare();
  renderTray();
  if (app.lastReport) showReport(app.lastReport.report, app.lastReport.label);
  updateFacets(); // a query error leaves the facets as they were, in the old language
  updateFilterControls();
}

// ── busy signal: data-busy on <body> while the worker works (tests wait on it) ──

let working = 0;
async function work(promise) {
  working++;
  document.body.dataset.busy = 'true';
  try {
    return await promise;
  } finally {
    if (--working === 0) delete document.body.dataset.busy;
  }
}

// ── worker events ──

// Busy from the start until the corpus is loaded (or the core failed).
work(new Promise((resolve) => {
  core.on(Event.READY, resolve);
  core.on(Event.FATAL, resolve);
  worker.addEventListener('error', resolve);
}));

core.on(Event.READY, async ({ size, report, storage }) => {
  app.storage = storage;
  app.ready = true;
  setSize(size);
  if (report.warnings.length || report.unsaved?.length) showReport(report, storage.from === 'seeds' ? 'report.seeds' : 'report.restored');
  else clearReport(ui.report);
  await applyLocation({ initial: true });
  document.body.dataset.ready = 'true';
  registerServiceWorker();
});

let liveTimer = 0;
let liveAdded = 0;
core.on(Event.PROGRESS, (p) => {
  const sending = jobProgress.get(p.job);
  if (sending) {
    sending.done = p.done;
    sending.wake?.();
    sending.wake = null;
  }
  if (p.total > 1 || p.phase !== 'add') {
    renderProgress(ui.report, p, p.phase === 'restore' ? {} : { cancel: cancelAdding });
    ui.report.firstElementChild.dataset.added = String(p.added);
  }
  if (app.ready && p.size !== null && p.size !== undefined) setSize(p.size);
  // Results appear as soon as the first files are saved, then refresh now and then.
  if (app.ready && p.added > liveAdded) {
    liveAdded = p.added;
    if (!liveTimer) {
      runSearch();
      liveTimer = setTimeout(() => { liveTimer = 0; }, LIVE_RESULTS_MS);
    }
  }
});

core.on(Event.STALE, () => {
  notice(t('notice.stale'), [{ label: t('notice.reload'), primary: true, run: () => location.reload() }]);
});

core.on(Event.FATAL, ({ message }) => {
  replace(ui.error, coreMessage(message));
  ui.size.textContent = t('status.failed');
  document.body.dataset.failed = 'true';
});

worker.addEventListener('error', (e) => {
  e.preventDefault();
  showError(t('status.workerFailed', { message: e.message ?? '' }));
});

function setSize(n) {
  app.size = n;
  ui.size.textContent = t('status.size', { n });
  ui.storageNote.textContent = app.storage.persistent ? t('status.saved') : t('status.notSaved');
  ui.storageNote.title = app.storage.persistent ? t('status.savedHelp') : t('status.notSavedHelp');
  ui.emptyCorpus.hidden = !(app.ready && n === 0);
}

// ── the view and the URL ──

/**
 * Writes the view into the URL. `mode`: "push" (a new history entry, when the view
 * changed), "typing" (a new entry for the first keystrokes, then replaced), "replace".
 */
function writeUrl(mode) {
  const fragment = encodeView(view);
  const current = location.hash.replace(/^#/, '');
  const url = fragment ? `#${fragment}` : location.pathname + location.search;
  if (mode === 'replace' || (mode === 'typing' && app.typingEntry)) {
    if (fragment !== current) history.replaceState(null, '', url);
  } else if (fragment !== current) {
    history.pushState(null, '', url);
  }
  app.typingEntry = mode === 'typing';
}

/** Changes the view, records it in the history, and redraws what changed. */
async function setView(patch, { history = 'push' } = {}) {
  const before = view;
  view = { ...view, ...patch };
  if (history !== 'none') writeUrl(history);
  await redraw(before);
}

const SEARCH_KEYS = ['q', 'exact', 'lang', 'source', 'entity', 'from', 'to', 'sort', 'page'];

async function redraw(before) {
  syncControls();
  const jobs = [];
  if (SEARCH_KEYS.some((k) => before[k] !== view[k])) jobs.push(runSearch());
  if (before.open !== view.open) jobs.push(showReader());
  if (before.left !== view.left || before.right !== view.right) jobs.push(loadTray());
  if (before.compare !== view.compare || (view.compare && (before.left !== view.left || before.right !== view.right))) jobs.push(showCompare());
  await Promise.all(jobs);
}

/** Puts the view's values into the form controls. */
function syncControls() {
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
  updateFilterControls();
}

/** Reads the URL's view (at start, on back/forward, or when a link is pasted into this tab). */
async function applyLocation({ initial = false } = {}) {
  const { view: next, data, problems, isView } = decodeView(location.hash);
  if (!isView) {
    if (initial) await redraw({ ...emptyView(), q: null });
    return;
  }
  clearNotice();
  if (problems.length) {
    const versionProblem = problems.some((p) => p.code === 'version');
    notice(versionProblem ? t('notice.linkVersion') : t('notice.linkProblems', { keys: problems.map((p) => p.key).join(', ') }));
  }
  const before = initial ? { ...emptyView(), q: null } : view;
  view = next;
  app.typingEntry = false;
  await redraw(before);
  if (data) await offerCarried(data);
  else await checkMissing();
}

window.addEventListener('popstate', () => {
  if (app.ready) applyLocation();
});

/** Says which articles the view names that this corpus does not hold, and the remedies. */
async function checkMissing() {
  const hashes = viewHashes(view);
  if (!hashes.length) return;
  const found = await core.call(Request.LOOKUP, { hashes });
  const missing = hashes.filter((_, k) => !found[k]);
  if (!missing.length) return;
  notice(t('notice.missing', { n: missing.length }), [
    { label: t('corpus.import'), primary: true, run: () => ui.bundleInput.click() },
  ], missing);
}

/** A link that carries articles: offers to add them (nothing is added without asking). */
async function offerCarried(data) {
  let files;
  try {
    files = await decodeArticles(data);
  } catch (e) {
    notice(t('notice.carriedBroken'), [], [e.message]);
    return;
  }
  const hashes = viewHashes(view);
  const found = hashes.length ? await core.call(Request.LOOKUP, { hashes }) : [];
  if (hashes.length && found.every(Boolean)) {
    // Already here: drop the payload from the address, keep the view.
    history.replaceState(null, '', `#${encodeView(view)}`);
    return;
  }
  notice(t('notice.carried', { n: files.length }), [{
    label: t('notice.carriedAdd', { n: files.length }),
    primary: true,
    run: async () => {
      clearNotice();
      const blobs = files.map((f) => ({ name: f.name, blob: new Blob([f.bytes]) }));
      await addFiles(blobs, { origin: 'link', label: 'report.link' });
      history.replaceState(null, '', `#${encodeView(view)}`);
      const before = { ...view, open: null, left: null, right: null, compare: false };
      await redraw(before);
      await checkMissing();
    },
  }], files.map((f) => f.name));
}

// ── notices (links, other tabs, new versions) ──

function notice(text, actions = [], details = []) {
  replace(ui.notice, h('div', { class: 'notice-box' },
    h('div', { class: 'notice-text' },
      h('p', { class: 'notice-message' }, text),
      details.length ? h('ul', { class: 'notice-details' }, details.slice(0, 10).map((d) => h('li', { dir: 'auto', 'data-content': '' }, d))) : null,
    ),
    h('div', { class: 'notice-actions' },
      actions.map((a) => h('button', { type: 'button', class: `button ${a.primary ? 'primary' : ''}`, on: { click: a.run } }, a.label)),
      h('button', { type: 'button', class: 'button ghost notice-dismiss', on: { click: clearNotice } }, t('report.dismiss')),
    ),
  ));
}

function clearNotice() {
  ui.notice.replaceChildren();
}

// ── search ──

function searchRequest(extra = {}) {
  return {
    query: view.q, exact: view.exact, lang: view.lang, source: splitSources(view.source), entity: view.entity,
    from: view.from, to: view.to, sort: view.sort, ...extra,
  };
}

/** Runs the view's search and draws the list, facets, pager and summary. */
async function runSearch() {
  const seq = ++app.searchSeq;
  const offset = (view.page - 1) * PAGE;
  const query = view.q;
  let result;
  try {
    result = await work(core.call(Request.SEARCH, searchRequest({ limit: PAGE, offset })));
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
  };
  if (result.error) {
    replace(ui.error, t('error.query'), ' ', coreMessage(result.error), ' ', queryAt(query, result.error.offset));
    ui.q.setAttribute('aria-invalid', 'true');
    ui.results.replaceChildren();
    app.total = 0;
    ui.summary.textContent = t('results.fixQuery');
    renderPager(ui.pager, { page: 1, pages: 1 }, { go: goPage });
    shown();
    return;
  }
  showError('');
  ui.q.removeAttribute('aria-invalid');
  app.total = result.total;
  app.facets = result.facets ?? { lang: {}, source: {} };
  app.hasDates = app.hasDates || result.hits.some((hit) => hit.date) || Object.keys(app.facets.date ?? {}).length > 0;
  const pages = Math.max(1, Math.ceil(result.total / PAGE));
  if (view.page > pages && result.total > 0) {
    // A page past the end (the corpus shrank, or a hand-made link): show the last one.
    await setView({ page: pages }, { history: 'replace' });
    return;
  }
  renderResults(ui.results, result.hits, rowState(offset + 1), rowActions);
  replace(ui.summary, summaryText(result.total));
  renderPager(ui.pager, { page: view.page, pages }, { go: goPage });
  updateFacets();
  updateFilterControls();
  shown();
}

function goPage(page) {
  setView({ page }).then(() => ui.results.querySelector('.hit-open')?.focus());
}

/** Counts per language in the language menu, and the source (and entity) menus. */
function updateFacets() {
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

function updateFilterControls() {
  const n = activeFilters();
  ui.clearFilters.disabled = n === 0;
  ui.clearFilters.textContent = n ? t('filters.clearN', { n }) : t('filters.clear');
  ui.datesField.hidden = !app.hasDates && !view.from && !view.to;
  ui.sortField.hidden = !app.hasDates && view.sort !== 'date';
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

function showError(message) {
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
ui.clearFilters.addEventListener('click', () => {
  setView({ lang: 'all', source: '', entity: '', from: '', to: '', page: 1 });
  ui.lang.focus();
});

// ── reader ──

/** Shows the view's open article (or the empty reader). */
async function showReader() {
  const seq = ++app.readerSeq;
  if (!view.open) {
    markActive(ui.results, null);
    renderEmptyReader(ui.reader);
    return;
  }
  let article;
  try {
    article = await work(core.call(Request.GET, { hash: view.open, query: view.q, exact: view.exact }));
  } catch (e) {
    showError(t('error.open', { message: e.message }));
    return;
  }
  if (seq !== app.readerSeq) return;
  if (!article) {
    markActive(ui.results, null);
    renderEmptyReader(ui.reader);
    return;
  }
  markActive(ui.results, view.open);
  const summary = { hash: article.hash, title: article.title, lang: article.lang, file: article.file };
  renderReader(ui.reader, article, { compared: isCompared(article.hash) }, {
    close: closeReader,
    compare: (checked) => pickForCompare(summary, checked),
    share: openShare,
    download: () => download(new Blob([articleText(article)], { type: 'text/plain;charset=utf-8' }), `${fileNameFrom(article.title, 'article')}.txt`),
    remove: () => removeArticles([article.hash], article.title || article.file),
  });
  // Bring the first match into view, as a reader expects after a search: the reader pane
  // scrolls, the page stays where it is.
  const mark = ui.reader.querySelector('.article-body mark');
  if (mark) {
    const pane = ui.reader.getBoundingClientRect();
    const at = mark.getBoundingClientRect();
    ui.reader.scrollTop += at.top - pane.top - ui.reader.clientHeight / 2;
  }
}

function closeReader() {
  if (!view.open) return;
  const opener = app.opener;
  app.opener = null;
  setView({ open: null }).then(() => {
    const back = opener?.isConnected ? opener : ui.results.querySelector('.hit-open') ?? ui.q;
    back.focus();
  });
}

// ── side by side ──

function isCompared(hash) {
  return view.left === hash || view.right === hash;
}

/** Arabic articles go to the right column, every other language to the left. */
function pickForCompare(a, checked) {
  const slot = a.lang === 'ar' ? 'right' : 'left';
  if (checked) {
    app.tray[slot] = { hash: a.hash, title: a.title, lang: a.lang, file: a.file };
    setView({ [slot]: a.hash });
  } else if (view[slot] === a.hash) {
    app.tray[slot] = null;
    setView({ [slot]: null, compare: false });
  }
}

/** Looks up the titles of the view's pair for the tray. */
async function loadTray() {
  for (const slot of ['left', 'right']) {
    if (app.tray[slot]?.hash !== view[slot]) app.tray[slot] = null;
  }
  const need = ['left', 'right'].filter((s) => view[s] && !app.tray[s]);
  if (need.length) {
    const found = await core.call(Request.LOOKUP, { hashes: need.map((s) => view[s]) });
    need.forEach((s, k) => { app.tray[s] = found[k]; });
  }
  renderTray();
}

function renderTray() {
  syncCompare(ui.results, new Set([view.left, view.right].filter(Boolean)));
  const readerBox = ui.reader.querySelector('.reader-bar input.compare-box');
  if (readerBox) readerBox.checked = isCompared(view.open);
  slot(ui.trayLeft, app.tray.left, view.left, t('tray.english'), t('tray.englishHint'));
  slot(ui.trayRight, app.tray.right, view.right, t('tray.arabic'), t('tray.arabicHint'));
  ui.openCompare.disabled = !(app.tray.left && app.tray.right);
  ui.clearCompare.disabled = !(view.left || view.right);
}

function slot(el, a, hash, label, hint) {
  el.classList.toggle('is-empty', !a);
  if (!a) {
    replace(el, h('span', { class: 'tray-side' }, label), h('span', { class: 'tray-hint' }, hash ? t('tray.missing') : hint));
    return;
  }
  const L = langInfo(a.lang);
  replace(el,
    h('span', { class: 'tray-side' }, label),
    h('bdi', { class: 'tray-title', dir: L.blockDir, lang: L.lang, 'data-content': '' }, a.title || a.file),
  );
}

async function showCompare() {
  if (!view.compare) {
    closeCompareView();
    return;
  }
  let left;
  let right;
  try {
    [left, right] = await work(Promise.all([
      core.call(Request.GET, { hash: view.left }),
      core.call(Request.GET, { hash: view.right }),
    ]));
  } catch (e) {
    showError(t('error.open', { message: e.message }));
    return;
  }
  if (!left || !right || !view.compare) return;
  ui.workspace.hidden = true;
  document.body.classList.add('is-comparing');
  renderSideBySide(ui.compare, left, right, { close: () => setView({ compare: false }), share: openShare });
}

function closeCompareView() {
  if (ui.compare.hidden) return;
  ui.compare.hidden = true;
  ui.compare.replaceChildren();
  ui.workspace.hidden = false;
  document.body.classList.remove('is-comparing');
  ui.openCompare.focus();
}

ui.openCompare.addEventListener('click', () => setView({ compare: true }));
ui.clearCompare.addEventListener('click', () => {
  app.tray = { left: null, right: null };
  setView({ left: null, right: null, compare: false });
});

// ── adding files: picker, folder picker, drag and drop ──

/**
 * Sends `[{name, blob}]` to the worker, shows progress and then the ingest report, and
 * refreshes the list. `label`: message key naming the source in the report.
 */
async function addFiles(files, { origin = 'upload', label = 'report.upload' } = {}) {
  if (!files.length) return null;
  app.adding++;
  liveAdded = 0;
  renderProgress(ui.report, { phase: 'add', done: 0, total: files.length, file: files[0].name, added: 0 }, { cancel: cancelAdding });
  requestPersistence();
  let reply;
  try {
    const job = ++app.jobs;
    const done = core.call(Request.ADD_FILES, { job, total: files.length, origin });
    reply = await work(sendFiles(job, files, done).then(() => done));
  } catch (e) {
    renderMessage(ui.report, t('error.add', { message: e.message }), { tone: 'warn', dismiss: () => clearReport(ui.report) });
    return null;
  } finally {
    app.adding--;
  }
  setSize(reply.size);
  showReport(reply.report, label);
  await runSearch();
  return reply;
}

/**
 * Sends a job's files to the worker (see ADD_CHUNK): reads them a few at a time (the read is
 * asynchronous: the page thread only waits), transfers the bytes, and keeps at most
 * AHEAD_FILES / AHEAD_BYTES unread by the worker, so a huge upload never sits in memory.
 */
async function sendFiles(job, files, reply) {
  const consumed = { done: 0, wake: null };
  jobProgress.set(job, consumed);
  // The job may end before every file is sent (cancelled, storage full, core failed).
  let over = false;
  const ended = reply.then(() => { over = true; }, () => { over = true; });
  try {
    let sent = 0;
    let bytesAhead = [];
    for (let k = 0; k < files.length && !over; k += READ_AT_ONCE) {
      const slice = files.slice(k, k + READ_AT_ONCE);
      const read = await Promise.all(slice.map(async (f) => {
        try {
          return { name: f.name, bytes: await f.blob.arrayBuffer() };
        } catch (e) {
          return { name: f.name, error: e?.message ?? String(e) };
        }
      }));
      const transfer = read.filter((f) => f.bytes).map((f) => f.bytes);
      bytesAhead.push(...read.map((f) => [sent += 1, f.bytes?.byteLength ?? 0]));
      core.call(Request.ADD_CHUNK, { job, files: read }, transfer);
      // Wait while the worker is far behind.
      for (;;) {
        bytesAhead = bytesAhead.filter(([n]) => n > consumed.done);
        const ahead = bytesAhead.reduce((t, [, b]) => t + b, 0);
        if (over || (sent - consumed.done <= AHEAD_FILES && ahead <= AHEAD_BYTES)) break;
        await Promise.race([new Promise((resolve) => { consumed.wake = resolve; }), ended]);
      }
    }
  } finally {
    jobProgress.delete(job);
  }
}
const jobProgress = new Map(); // ADD_FILES job → {done, wake}: how far the worker has read

function showReport(report, label) {
  app.lastReport = { report, label };
  renderReport(ui.report, report, label, {
    dismiss: () => {
      app.lastReport = null;
      clearReport(ui.report);
    },
    download: () => downloadReport(report),
  });
}

/** The report's files that were not added, noted or not saved, as CSV in the UI language. */
function downloadReport(report) {
  const text = (w) => coreParts(w)?.map((p) => (typeof p === 'string' ? p : p.data)).join('') ?? w.message ?? '';
  const rows = [
    ...report.warnings.map((w) => ({ file: w.file, status: t(w.skipped ? 'report.statusSkipped' : 'report.statusNote'), code: w.code ?? '', message: text(w) })),
    ...(report.unsaved ?? []).map((file) => ({ file, status: t('report.statusUnsaved'), code: '', message: '' })),
  ];
  const columns = REPORT_COLUMNS.map((key) => ({ key, label: t(`column.${key}`) }));
  download(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), 'qarin-report.csv');
}

function cancelAdding() {
  progressCancelling(ui.report);
  core.call(Request.CANCEL);
}

/** Asks the browser to keep the store even under storage pressure (once, on first upload). */
let persistAsked = false;
function requestPersistence() {
  if (persistAsked || !navigator.storage?.persist) return;
  persistAsked = true;
  navigator.storage.persist().catch(() => {});
}

ui.files.addEventListener('change', () => addFiles(fromInput(ui.files, false)));
ui.folder.addEventListener('change', () => addFiles(fromInput(ui.folder, true)));
installDrop(ui.overlay, async (files) => {
  // A dropped bundle is imported, not read as an article.
  const isBundle = (f) => f.name.toLowerCase().endsWith('.qarin');
  for (const f of files.filter(isBundle)) await importBundle(f.blob);
  const rest = files.filter((f) => !isBundle(f));
  if (rest.length) addFiles(rest);
});

// ── the corpus menu: bundles, demo corpus, clear, remove ──

function closeMenu() {
  ui.menu.open = false;
}

$('import-bundle').addEventListener('click', () => {
  closeMenu();
  ui.bundleInput.click();
});
ui.bundleInput.addEventListener('change', async () => {
  const file = ui.bundleInput.files[0];
  ui.bundleInput.value = '';
  if (file) await importBundle(file);
});

/** Imports a bundle; into a non-empty corpus the user chooses to replace it or add to it. */
async function importBundle(blob) {
  let replaceCorpus = false;
  if (app.size > 0) {
    const choice = await ask(ui.confirm, {
      title: t('import.title'),
      message: t('import.message', { n: app.size }),
      choices: [
        { value: 'add', label: t('import.add') },
        { value: 'replace', label: t('import.replace'), primary: true },
      ],
    });
    if (!choice) return;
    replaceCorpus = choice === 'replace';
  }
  app.adding++;
  liveAdded = 0;
  renderProgress(ui.report, { phase: 'import', done: 0, total: 1, file: blob.name ?? '', added: 0 }, { cancel: cancelAdding });
  let reply;
  try {
    reply = await work(core.call(Request.IMPORT_BUNDLE, { blob, replace: replaceCorpus }));
  } catch (e) {
    renderMessage(ui.report, t('error.bundle', { message: e.message }), { tone: 'warn', dismiss: () => clearReport(ui.report) });
    return;
  } finally {
    app.adding--;
  }
  setSize(reply.size);
  showReport(reply.report, reply.instant ? 'report.bundleInstant' : 'report.bundle');
  clearNotice();
  await runSearch();
  await Promise.all([showReader(), loadTray(), showCompare()]);
  await checkMissing();
}

async function exportBundle() {
  closeMenu();
  try {
    const { blob, name } = await work(core.call(Request.EXPORT_BUNDLE));
    download(blob, name);
    renderMessage(ui.report, t('corpus.exported', { n: app.size, size: fmtNumber(Math.ceil(blob.size / 1024)) }), { dismiss: () => clearReport(ui.report) });
  } catch (e) {
    renderMessage(ui.report, t('error.bundle', { message: e.message }), { tone: 'warn', dismiss: () => clearReport(ui.report) });
  }
}
$('export-bundle').addEventListener('click', exportBundle);

async function loadDemo() {
  closeMenu();
  let reply;
  try {
    reply = await work(core.call(Request.LOAD_DEMO));
  } catch (e) {
    showError(t('error.add', { message: e.message }));
    return;
  }
  setSize(reply.size);
  showReport(reply.report, 'report.seeds');
  await runSearch();
}
$('load-demo').addEventListener('click', loadDemo);
$('empty-demo').addEventListener('click', loadDemo);

$('clear-corpus').addEventListener('click', async () => {
  closeMenu();
  const ok = await ask(ui.confirm, {
    title: t('clear.title'),
    message: t('clear.message', { n: app.size }),
    choices: [{ value: 'clear', label: t('clear.confirm'), danger: true }],
  });
  if (!ok) return;
  try {
    await work(core.call(Request.CLEAR));
  } catch (e) {
    showError(t('error.remove', { message: e.message }));
    return;
  }
  app.tray = { left: null, right: null };
  setSize(0);
  renderMessage(ui.report, t('clear.done'), { dismiss: () => clearReport(ui.report) });
  await setView({ open: null, left: null, right: null, compare: false, page: 1 });
  await runSearch();
});

/** Removes articles after asking; `what` names them in the question. */
async function removeArticles(hashes, what, search = null) {
  const n = search ? app.total : hashes.length;
  const ok = await ask(ui.confirm, {
    title: t('remove.title', { n }),
    message: search ? t('remove.resultsMessage', { n }) : t('remove.message'),
    details: what ? [what] : [],
    choices: [{ value: 'remove', label: t('remove.confirm', { n }), danger: true }],
  });
  if (!ok) return;
  let reply;
  try {
    reply = await work(core.call(Request.REMOVE, search ? { search } : { hashes }));
  } catch (e) {
    showError(t('error.remove', { message: e.message }));
    return;
  }
  setSize(reply.size);
  renderMessage(ui.report, t('remove.done', { n: reply.removed }), { dismiss: () => clearReport(ui.report) });
  const gone = (hash) => hash && (search || hashes.includes(hash));
  const patch = {};
  if (gone(view.open)) patch.open = null;
  for (const s of ['left', 'right']) {
    if (gone(view[s])) {
      patch[s] = null;
      patch.compare = false;
    }
  }
  await setView(patch, { history: 'replace' });
  await runSearch();
  if (search) await Promise.all([showReader(), loadTray()]);
}

ui.removeResults.addEventListener('click', () => {
  const what = view.q.trim() ? `“${view.q.trim()}”` : '';
  removeArticles([], what, searchRequest());
});

/** Shows storage use in the corpus menu when it opens. */
ui.menu.addEventListener('toggle', async () => {
  if (!ui.menu.open) return;
  const est = await navigator.storage?.estimate?.().catch(() => null);
  ui.storageUsage.textContent = est && app.storage.persistent
    ? t('corpus.usage', { used: fmtNumber(Math.round((est.usage ?? 0) / 1e6)), quota: fmtNumber(Math.round((est.quota ?? 0) / 1e6)) })
    : app.storage.persistent ? '' : t('status.notSavedHelp');
});

// ── share ──

async function openShare() {
  const base = location.href.replace(/#.*$/, '');
  const viewLink = linkFor(base, view);
  const hashes = viewHashes(view);
  let carry = { state: 'none', limit: MAX_LINK_CHARS };
  if (hashes.length) {
    try {
      const { files } = await work(core.call(Request.FILES, { hashes }));
      const data = await encodeArticles(files);
      const link = linkFor(base, view, data);
      carry = link.length <= MAX_LINK_CHARS
        ? { state: 'ok', link, chars: link.length, count: files.length, limit: MAX_LINK_CHARS }
        : { state: 'toolong', chars: link.length, limit: MAX_LINK_CHARS };
    } catch {
      carry = { state: 'error', limit: MAX_LINK_CHARS };
    }
  }
  renderShare(ui.shareDialog, { viewLink, carry }, {
    copy: async (text, button) => {
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = t('share.copied');
      } catch {
        button.textContent = t('share.copyFailed');
      }
    },
    exportBundle: () => {
      ui.shareDialog.close();
      exportBundle();
    },
  });
}
$('share').addEventListener('click', openShare);

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

// ── keyboard ──

installKeys({
  searchBox: ui.q,
  list: ui.results,
  escape() {
    if (ui.menu.open) {
      closeMenu();
      ui.menu.querySelector('summary').focus();
    } else if (sources.isOpen()) {
      sources.close();
      ui.sourceField.querySelector('summary').focus();
    } else if (view.compare) {
      setView({ compare: false });
    } else if (view.open) {
      closeReader();
    } else {
      return false;
    }
    return true;
  },
});

// The skip link moves focus without touching the URL (the fragment holds the view).
document.querySelector('.skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  (ui.results.querySelector('.hit-open') ?? ui.results).focus();
});

// ── offline: the service worker ──

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const hadController = !!navigator.serviceWorker.controller;
  // updateViaCache 'none': sw.js and sw-precache.js are checked past any HTTP cache.
  navigator.serviceWorker.register('./sw.js', { updateViaCache: 'none' }).catch(() => {});
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    document.body.dataset.offlineReady = 'true';
    // A new version took over a page the old one served: offer to load it.
    if (hadController) notice(t('notice.update'), [{ label: t('notice.reload'), primary: true, run: () => location.reload() }]);
  });
  if (hadController) document.body.dataset.offlineReady = 'true';
}

renderEmptyReader(ui.reader);
renderTray();
