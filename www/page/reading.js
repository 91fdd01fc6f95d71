// Reading: the reader pane with the view's open article, and the side-by-side pair (the
// tray below the list, and the two articles side by side).
import { Request } from '../protocol.js';
import { t } from '../i18n.js';
import { h, langInfo, replace, download } from '../views/dom.js';
import { markActive, syncCompare } from '../views/results.js';
import { renderEmptyReader } from '../views/reader.js';
import { ui, app, core, work } from './state.js';
import { showError } from './search.js';
import { removeArticles } from './corpus.js';

/** What app.js lends this module (the view and what changes it): see `init` there. */
let nav = null;
export function init(lent) {
  nav = lent;
}

// ── reader ──

/**
 * Shows the view's open article (or the empty reader). `refresh`: the same article again with
 * the view's new query marked; the focus stays where it is (in the search box, typing).
 */
export async function showReader({ refresh = false } = {}) {
  const seq = ++app.readerSeq;
  if (!nav.view.open) {
    markActive(ui.results, null);
    renderEmptyReader(ui.reader);
    return;
  }
  let article;
  let renderReader;
  try {
    [article, { renderReader }] = await work(Promise.all([
      core.call(Request.GET, { hash: nav.view.open, query: nav.view.q, exact: nav.view.exact }),
      import('../pkg-reader/reader.js'),
    ]));
  } catch (e) {
    if (e.code === 'stopped') return; // a long search was stopped: the view stays as it was
    showError(t('error.open', { message: e.message }));
    return;
  }
  if (seq !== app.readerSeq) return;
  if (!article) {
    markActive(ui.results, null);
    renderEmptyReader(ui.reader);
    return;
  }
  markActive(ui.results, nav.view.open);
  const summary = { hash: article.hash, title: article.title, lang: article.lang, file: article.file };
  renderReader(ui.reader, article, { compared: isCompared(article.hash), focus: !refresh }, {
    close: closeReader,
    compare: (checked) => pickForCompare(summary, checked),
    share: nav.openShare,
    download: async () => {
      const { articleText, fileNameFrom } = await work(import('../pkg-export/export.js'));
      download(new Blob([articleText(article)], { type: 'text/plain;charset=utf-8' }), `${fileNameFrom(article.title, 'article')}.txt`);
    },
    remove: () => removeArticles([article.hash], article.title || article.file),
    open: (hash) => nav.setView({ open: hash, compare: false }),
    compareArticles: nav.compareArticles,
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

export function closeReader() {
  if (!nav.view.open) return;
  const opener = app.opener;
  app.opener = null;
  nav.setView({ open: null }).then(() => {
    const back = opener?.isConnected ? opener : ui.results.querySelector('.hit-open') ?? ui.q;
    back.focus();
  });
}

// ── side by side ──

function isCompared(hash) {
  return nav.view.left === hash || nav.view.right === hash;
}

/** Arabic articles go to the right column, every other language to the left. */
export function pickForCompare(a, checked) {
  const slot = a.lang === 'ar' ? 'right' : 'left';
  if (checked) {
    app.tray[slot] = { hash: a.hash, title: a.title, lang: a.lang, file: a.file };
    nav.setView({ [slot]: a.hash });
  } else if (nav.view[slot] === a.hash) {
    app.tray[slot] = null;
    nav.setView({ [slot]: null, compare: false });
  }
}

/** Looks up the titles of the view's pair for the tray. */
export async function loadTray() {
  for (const slot of ['left', 'right']) {
    if (app.tray[slot]?.hash !== nav.view[slot]) app.tray[slot] = null;
  }
  const need = ['left', 'right'].filter((s) => nav.view[s] && !app.tray[s]);
  if (need.length) {
    const found = await core.call(Request.LOOKUP, { hashes: need.map((s) => nav.view[s]) });
    need.forEach((s, k) => { app.tray[s] = found[k]; });
  }
  renderTray();
}

export function renderTray() {
  syncCompare(ui.results, new Set([nav.view.left, nav.view.right].filter(Boolean)));
  const readerBox = ui.reader.querySelector('.reader-bar input.compare-box');
  if (readerBox) readerBox.checked = isCompared(nav.view.open);
  slot(ui.trayLeft, app.tray.left, nav.view.left, t('tray.english'), t('tray.englishHint'));
  slot(ui.trayRight, app.tray.right, nav.view.right, t('tray.arabic'), t('tray.arabicHint'));
  ui.openCompare.disabled = !(app.tray.left && app.tray.right);
  ui.clearCompare.disabled = !(nav.view.left || nav.view.right);
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

/** Shows the side-by-side view, or hides it; `refresh`: the query changed, keep the focus. */
export async function showCompare({ refresh = false } = {}) {
  if (!nav.view.compare) {
    closeCompareView();
    return;
  }
  let left;
  let right;
  let renderSideBySide;
  try {
    [left, right, { renderSideBySide }] = await work(Promise.all([
      core.call(Request.GET, { hash: nav.view.left, query: nav.view.q, exact: nav.view.exact }),
      core.call(Request.GET, { hash: nav.view.right, query: nav.view.q, exact: nav.view.exact }),
      import('../pkg-views/sidebyside.js'),
    ]));
  } catch (e) {
    if (e.code === 'stopped') return; // a long search was stopped: the view stays as it was
    showError(t('error.open', { message: e.message }));
    return;
  }
  if (!left || !right || !nav.view.compare) return;
  ui.workspace.hidden = true;
  document.body.classList.add('is-comparing');
  renderSideBySide(ui.compare, left, right, { close: () => nav.setView({ compare: false }), share: nav.openShare }, { focus: !refresh });
}

function closeCompareView() {
  if (ui.compare.hidden) return;
  ui.compare.hidden = true;
  ui.compare.replaceChildren();
  ui.workspace.hidden = false;
  document.body.classList.remove('is-comparing');
  ui.openCompare.focus();
}

ui.openCompare.addEventListener('click', () => nav.setView({ compare: true }));
ui.clearCompare.addEventListener('click', () => {
  app.tray = { left: null, right: null };
  nav.setView({ left: null, right: null, compare: false });
});
