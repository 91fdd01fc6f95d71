// The page's wiring: starts the worker, keeps the view in the URL, turns user actions into
// protocol requests and replies into views. No text is read, tokenized or scored here (that
// is the worker's wasm), and no storage is touched here (that is the worker's store.js).
// Here: start-up, the view and its URL, notices, share, keys; the rest is in page/. Those
// modules never import this one: `init(nav)` lends them the view and the functions that
// change it (what runs as they load is in state.js). What a first search does not need is
// loaded on first use from www/pkg-*/ (the Arabic table, dialogs, side-by-side, exports,
// bundles, carried articles).
import { Request, Event } from './protocol.js';
import { t, setUiLang, loadUiLang, uiLang, applyStatic } from './i18n.js';
import { initialUiLang, saveUiLang, initialTheme, saveTheme } from './prefs.js';
import { emptyView, encodeView, decodeView, viewHashes } from './share.js';
import { h, replace, coreMessage } from './views/dom.js';
import { renderEmptyReader } from './views/reader.js';
import { clearReport } from './views/report.js';
import { installKeys } from './keyboard.js';
import { $, ui, app, worker, core, work } from './page/state.js';
import * as search from './page/search.js';
import * as reading from './page/reading.js';
import * as corpus from './page/corpus.js';

const { sources, syncControls, resetBox, runSearch, updateFacets, updateFilterControls, showError } = search;
const { showReader, closeReader, loadTray, renderTray, showCompare } = reading;
const { addFiles, showReport, closeMenu, exportBundle } = corpus;

/** The view: everything a link reproduces (see share.js for its encoding). */
let view = emptyView();

/** What the page modules get from here: the current view and the functions that change it. */
const nav = {
  get view() {
    return view;
  },
  setView, setSize, clearNotice, checkMissing, openShare, compareArticles,
};

/**
 * Opens the compare view with 2–4 articles named by content hash (e.g. a suggested
 * same-story pair); page modules reach it as `nav.compareArticles`.
 */
export function compareArticles(hashes) {
  return reading.compareArticles(hashes);
}
for (const part of [search, reading, corpus]) part.init(nav);

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

/**
 * Shows the page in `lang`, at once when its table is here (English is built in), else once
 * it is loaded (a failed load keeps English).
 */
function useUiLang(lang) {
  const loading = loadUiLang(lang);
  if (!loading) {
    applyUiLang(lang);
    return Promise.resolve();
  }
  return loading.catch(() => {}).then(() => {
    applyUiLang(lang);
    if (!app.ready) {
      renderEmptyReader(ui.reader);
      renderTray();
    }
  });
}

applyTheme(initialTheme());
/** Resolves once the start-up UI language shows; the corpus is shown after it. */
const uiReady = useUiLang(initialUiLang());

ui.uiLang.addEventListener('click', async () => {
  const next = uiLang() === 'ar' ? 'en' : 'ar';
  saveUiLang(next);
  await work(useUiLang(next));
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

// ── worker events ──

// Busy from the start until the corpus is loaded (or the core failed).
work(new Promise((resolve) => {
  core.on(Event.READY, resolve);
  core.on(Event.FATAL, resolve);
  worker.addEventListener('error', resolve);
}));

core.on(Event.READY, async ({ size, report, storage }) => {
  await uiReady;
  app.storage = storage;
  app.ready = true;
  setSize(size);
  if (report.warnings.length || report.unsaved?.length) await showReport(report, storage.from === 'seeds' ? 'report.seeds' : 'report.restored');
  else clearReport(ui.report);
  await applyLocation({ initial: true });
  document.body.dataset.ready = 'true';
  registerServiceWorker();
  // The other UI language, fetched now that the page works, so the switch is instant.
  loadUiLang(uiLang() === 'ar' ? 'en' : 'ar')?.catch(() => {});
});

// (Progress events: page/corpus.js, beside the uploads they pace.)

// The lexicon (or the user's names) changed what a query finds and marks.
core.on(Event.LEXICON, () => {
  document.body.dataset.lexicon = 'true';
  if (!app.ready) return;
  runSearch();
  if (view.open) showReader({ refresh: true });
});

core.on(Event.STALE, () => {
  notice(t('notice.stale'), [{ label: t('notice.reload'), primary: true, run: () => location.reload() }]);
});

core.on(Event.FATAL, async ({ message }) => {
  await uiReady;
  replace(ui.error, coreMessage(message));
  ui.size.textContent = t('status.failed');
  document.body.dataset.failed = 'true';
});

core.on('error', (e) => {
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
  // Redrawn first (a search's request goes out at once), then recorded in the history.
  const drawn = redraw(before);
  if (history !== 'none') writeUrl(history);
  await drawn;
}

const SEARCH_KEYS = ['q', 'exact', 'lang', 'source', 'from', 'to', 'sort', 'fold', 'page', 'crossLingual', 'ent'];

async function redraw(before) {
  const jobs = [];
  // The search first: the worker runs it while the page updates its controls.
  if (SEARCH_KEYS.some((k) => before[k] !== view[k])) jobs.push(runSearch());
  syncControls();
  // The open article and side by side mark the query: a new query marks them anew.
  const marks = before.q !== view.q || before.exact !== view.exact || before.crossLingual !== view.crossLingual;
  if (before.open !== view.open) jobs.push(showReader());
  else if (view.open && marks) jobs.push(showReader({ refresh: true }));
  const picks = String(before.picked) !== String(view.picked);
  if (picks) jobs.push(loadTray());
  if (before.compare !== view.compare || (view.compare && picks)) jobs.push(showCompare());
  else if (view.compare && marks) jobs.push(showCompare({ refresh: true }));
  if (view.tool || before.tool) jobs.push(showTools(before));
  if (view.stories || before.stories) jobs.push(showStories());
  await Promise.all(jobs);
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
  resetBox();
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
    const { decodeArticles } = await import('./pkg-share/articles.js');
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
      const before = { ...view, open: null, picked: [], compare: false };
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

// Corpus tools: pkg-analysis/.
async function showTools(before) {
  await (await work(import('./pkg-analysis/analysis.js'))).showTool(nav, before);
}
$('tools').addEventListener('click', () => setView({ tool: 'kwic', stories: false }));

// Same story and story clusters: pkg-stories/.
async function showStories() {
  await (await work(import('./pkg-stories/view.js'))).showStories(nav);
}
$('stories').addEventListener('click', () => setView({ stories: true, tool: '', ts: {} }));

// ── share ──

/** Opens the share dialog (www/pkg-share/dialog.js, loaded on first use) for the view. */
async function openShare() {
  const { openShareDialog } = await work(import('./pkg-share/dialog.js'));
  await openShareDialog(view, { exportBundle });
}
$('share').addEventListener('click', openShare);

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
// The page shows once its texts are in the UI language (styles.css: body[data-pending]).
uiReady.then(() => { delete document.body.dataset.pending; });
