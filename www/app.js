// The page's wiring: starts the worker, turns user actions into protocol requests and
// replies into views. No text is read, tokenized or scored here; that is the worker's wasm.
import { Request, Event, connect } from './protocol.js';
import { h, langInfo, plural, replace } from './views/dom.js';
import { renderResults, markActive, syncCompare } from './views/results.js';
import { renderReader, renderEmptyReader } from './views/reader.js';
import { renderSideBySide } from './views/sidebyside.js';
import { renderReport, renderProgress, clearReport } from './views/report.js';

/** Results fetched per page ("Show more" fetches the next): an empty query lists every
    article of a small corpus at once. */
const PAGE = 100;
/** Delay between the last keystroke and the search it runs. */
const DEBOUNCE_MS = 250;

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'),
  q: $('q'),
  lang: $('lang'),
  exact: $('exact'),
  files: $('files'),
  folder: $('folder'),
  size: $('corpus-size'),
  error: $('query-error'),
  report: $('report'),
  summary: $('summary'),
  results: $('results'),
  more: $('more'),
  reader: $('reader'),
  workspace: $('workspace'),
  compare: $('compare'),
  trayLeft: $('tray-left'),
  trayRight: $('tray-right'),
  openCompare: $('open-compare'),
  clearCompare: $('clear-compare'),
  overlay: $('drop-overlay'),
};

const state = {
  size: 0,
  query: '',
  lang: 'all',
  exact: false,
  shown: 0, // rows in the list
  total: 0,
  searchSeq: 0, // only the newest search may render
  activeId: null, // the article open in the reader
  opener: null, // the button that opened it, to return focus on Esc
  left: null, // {id, title, lang, file}: the non-Arabic article for side by side
  right: null, // the Arabic one
  uploads: 0, // uploads in flight
};

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const core = connect(worker);

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

// Busy from the start until the seeds are in (or the core failed).
work(new Promise((resolve) => {
  core.on(Event.READY, resolve);
  core.on(Event.FATAL, resolve);
  worker.addEventListener('error', resolve);
}));

core.on(Event.READY, async ({ size, report }) => {
  setSize(size);
  if (report.warnings.length) renderReport(ui.report, report, 'Seed articles', { dismiss: () => clearReport(ui.report) });
  else clearReport(ui.report);
  await search();
  document.body.dataset.ready = 'true';
});

core.on(Event.PROGRESS, ({ done, total }) => {
  if (total > 1) renderProgress(ui.report, done, total);
});

core.on(Event.FATAL, ({ message }) => {
  showError(message);
  ui.size.textContent = 'The search core is not running';
  document.body.dataset.failed = 'true';
});

worker.addEventListener('error', (e) => {
  e.preventDefault();
  showError(`The background worker failed to start${e.message ? `: ${e.message}` : '.'}`);
});


function setSize(n) {
  state.size = n;
  ui.size.textContent = `${plural(n, 'article')} loaded`;
}

// ── search ──

/** Runs the current query from the first result (or appends the next page with `more`). */
async function search({ more = false } = {}) {
  const seq = ++state.searchSeq;
  const offset = more ? state.shown : 0;
  let result;
  try {
    result = await work(
      core.call(Request.SEARCH, { query: state.query, lang: state.lang, limit: PAGE, offset, exact: state.exact }),
    );
  } catch (e) {
    if (seq === state.searchSeq) showError(`Search failed: ${e.message}`);
    return;
  }
  if (seq !== state.searchSeq) return; // a newer search is on its way
  if (result.error) {
    showError(result.error.message);
    ui.q.setAttribute('aria-invalid', 'true');
    ui.results.replaceChildren();
    state.shown = 0;
    state.total = 0;
    ui.summary.textContent = 'Fix the query to see results.';
    ui.more.hidden = true;
    ui.results.dataset.query = state.query;
    ui.results.dataset.lang = state.lang;
    return;
  }
  showError('');
  ui.q.removeAttribute('aria-invalid');
  showLangCounts(result.facets?.lang ?? {});
  renderResults(ui.results, result.hits, rowState(), rowActions, { append: more });
  state.shown = offset + result.hits.length;
  state.total = result.total;
  ui.summary.textContent = summaryText(result.total);
  ui.more.hidden = state.shown >= state.total;
  ui.more.textContent = `Show more (${(state.total - state.shown).toLocaleString('en')} left)`;
  // What the list now shows, for tests and styles to key on.
  ui.results.dataset.query = state.query;
  ui.results.dataset.lang = state.lang;
}

/** Puts the query's matches per language into the language menu: "Arabic · العربية (2)". */
function showLangCounts(counts) {
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  for (const option of ui.lang.options) {
    option.dataset.label ??= option.textContent;
    const n = option.value === 'all' ? all : counts[option.value] ?? 0;
    option.textContent = `${option.dataset.label} (${n.toLocaleString('en')})`;
  }
}

function summaryText(total) {
  const where = state.lang === 'all' ? '' : ` in ${langInfo(state.lang).name}`;
  if (!state.query.trim()) {
    return state.lang === 'all' ? `All ${plural(total, 'article')}` : `${plural(total, 'article')}${where}`;
  }
  return `${plural(total, 'result')} for “${state.query.trim()}”${where}, most relevant first`;
}

function rowState() {
  return {
    activeId: state.activeId,
    compareIds: new Set([state.left?.id, state.right?.id].filter((id) => id !== undefined)),
    showScore: state.query.trim() !== '',
  };
}

const rowActions = {
  open: (hit, button) => openReader(hit.id, button),
  compare: (hit, checked) => pickForCompare(hit, checked),
};

function showError(message) {
  ui.error.textContent = message;
}

let debounce = 0;
function scheduleSearch() {
  clearTimeout(debounce);
  debounce = setTimeout(() => {
    if (ui.q.value !== state.query) {
      state.query = ui.q.value;
      search();
    }
  }, DEBOUNCE_MS);
}

ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(debounce);
  state.query = ui.q.value;
  search();
});
ui.q.addEventListener('input', scheduleSearch);
ui.exact.addEventListener('change', () => {
  state.exact = ui.exact.checked;
  search();
});
ui.lang.addEventListener('change', () => {
  state.lang = ui.lang.value;
  search();
});
ui.more.addEventListener('click', () => search({ more: true }));

// ── reader ──

async function openReader(id, opener = null) {
  let article;
  try {
    article = await work(core.call(Request.GET, { id, query: state.query, exact: state.exact }));
  } catch (e) {
    showError(`Cannot open the article: ${e.message}`);
    return;
  }
  if (!article) return;
  state.activeId = id;
  state.opener = opener;
  markActive(ui.results, id);
  const summary = { id: article.id, title: article.title, lang: article.lang, file: article.file };
  renderReader(ui.reader, article, { compared: isCompared(id) }, {
    close: closeReader,
    compare: (checked) => pickForCompare(summary, checked),
  });
  // Bring the first match into view, as a reader expects after a search.
  ui.reader.querySelector('.article-body mark')?.scrollIntoView({ block: 'center' });
}

function closeReader() {
  if (state.activeId === null) return;
  state.activeId = null;
  markActive(ui.results, null);
  renderEmptyReader(ui.reader);
  const back = state.opener?.isConnected ? state.opener : ui.q;
  state.opener = null;
  back.focus();
}

// ── side by side ──

function isCompared(id) {
  return state.left?.id === id || state.right?.id === id;
}

/** Arabic articles go to the right column, every other language to the left. */
function pickForCompare(a, checked) {
  const slot = a.lang === 'ar' ? 'right' : 'left';
  if (checked) state[slot] = { id: a.id, title: a.title, lang: a.lang, file: a.file };
  else if (state[slot]?.id === a.id) state[slot] = null;
  renderTray();
}

function renderTray() {
  const ids = new Set([state.left?.id, state.right?.id].filter((id) => id !== undefined));
  syncCompare(ui.results, ids);
  const readerBox = ui.reader.querySelector('.reader-bar input.compare-box');
  if (readerBox) readerBox.checked = isCompared(state.activeId);
  slot(ui.trayLeft, state.left, 'English', 'tick Compare on an English article');
  slot(ui.trayRight, state.right, 'Arabic', 'tick Compare on an Arabic article');
  ui.openCompare.disabled = !(state.left && state.right);
  ui.clearCompare.disabled = !(state.left || state.right);
}

function slot(el, a, label, hint) {
  el.classList.toggle('is-empty', !a);
  if (!a) {
    replace(el, h('span', { class: 'tray-side' }, label), h('span', { class: 'tray-hint' }, hint));
    return;
  }
  const L = langInfo(a.lang);
  replace(el,
    h('span', { class: 'tray-side' }, label),
    h('bdi', { class: 'tray-title', dir: L.blockDir, lang: L.lang }, a.title || a.file),
  );
}

async function openCompare() {
  if (!state.left || !state.right) return;
  let left;
  let right;
  try {
    [left, right] = await work(Promise.all([
      core.call(Request.GET, { id: state.left.id }),
      core.call(Request.GET, { id: state.right.id }),
    ]));
  } catch (e) {
    showError(`Cannot open the articles: ${e.message}`);
    return;
  }
  if (!left || !right) return;
  ui.workspace.hidden = true;
  document.body.classList.add('is-comparing');
  renderSideBySide(ui.compare, left, right, { close: closeCompare });
}

function closeCompare() {
  if (ui.compare.hidden) return;
  ui.compare.hidden = true;
  ui.compare.replaceChildren();
  ui.workspace.hidden = false;
  document.body.classList.remove('is-comparing');
  ui.openCompare.focus();
}

ui.openCompare.addEventListener('click', openCompare);
ui.clearCompare.addEventListener('click', () => {
  state.left = null;
  state.right = null;
  renderTray();
});

// ── adding files: picker, folder picker, drag and drop ──

/** Sends `[{name, blob}]` to the worker, shows the ingest report, re-runs the search. */
async function addFiles(files) {
  if (!files.length) return;
  state.uploads++;
  renderProgress(ui.report, 0, files.length);
  let reply;
  try {
    reply = await work(core.call(Request.ADD_FILES, { files }));
  } catch (e) {
    replace(ui.report, h('div', { class: 'report-box has-warnings' }, h('p', { class: 'report-summary' }, `Adding files failed: ${e.message}`)));
    return;
  } finally {
    state.uploads--;
  }
  setSize(reply.size);
  renderReport(ui.report, reply.report, 'Upload', { dismiss: () => clearReport(ui.report) });
  await search();
}

function fromInput(input, useRelativePath) {
  const files = [...input.files].map((f) => ({ name: (useRelativePath && f.webkitRelativePath) || f.name, blob: f }));
  input.value = ''; // picking the same files again fires `change` again
  return files;
}

ui.files.addEventListener('change', () => addFiles(fromInput(ui.files, false)));
ui.folder.addEventListener('change', () => addFiles(fromInput(ui.folder, true).filter((f) => !isHidden(f.name))));

/** Dotfiles and folders (.DS_Store, .git/) found while walking a dropped or picked folder. */
function isHidden(path) {
  return path.split('/').some((part) => part.startsWith('.'));
}

let dragDepth = 0;
const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
window.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth++;
  ui.overlay.hidden = false;
});
window.addEventListener('dragover', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
});
window.addEventListener('dragleave', (e) => {
  if (!hasFiles(e)) return;
  if (--dragDepth <= 0) {
    dragDepth = 0;
    ui.overlay.hidden = true;
  }
});
window.addEventListener('drop', async (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth = 0;
  ui.overlay.hidden = true;
  // Entries must be taken during the event; reading folders happens afterwards.
  const items = [...e.dataTransfer.items].filter((i) => i.kind === 'file');
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  const plain = [...e.dataTransfer.files];
  let files;
  if (entries.length && entries.every(Boolean)) {
    files = (await Promise.all(entries.map((entry) => walk(entry)))).flat();
  } else {
    files = plain.map((f) => ({ name: f.name, blob: f }));
  }
  addFiles(files);
});

/** Files under a dropped entry: `[{name: path, blob}]`, hidden files skipped inside folders. */
async function walk(entry, prefix = '') {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject)).catch(() => null);
    return file ? [{ name: prefix + file.name, blob: file }] : [];
  }
  if (!entry.isDirectory) return [];
  const reader = entry.createReader();
  const children = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject)).catch(() => []);
    if (!batch.length) break;
    children.push(...batch.filter((c) => !c.name.startsWith('.')));
  }
  const path = `${prefix}${entry.name}/`;
  return (await Promise.all(children.map((c) => walk(c, path)))).flat();
}

// ── keyboard ──

/** Whether a key typed at `target` is text for it (then `/` is a slash, not a shortcut). */
function isTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio', 'file', 'button', 'submit', 'reset'].includes(target.type);
}

document.addEventListener('keydown', (e) => {
  if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
    e.preventDefault();
    ui.q.focus();
    ui.q.select();
  } else if (e.key === 'Escape') {
    if (!ui.compare.hidden) {
      e.preventDefault();
      closeCompare();
    } else if (state.activeId !== null) {
      e.preventDefault();
      closeReader();
    }
  }
});

renderEmptyReader(ui.reader);
renderTray();
