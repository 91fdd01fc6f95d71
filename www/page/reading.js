// Reading: the reader pane with the view's open article, and the side-by-side pair (the
// tray below the list, and the two articles side by side).
import { Request, Event } from '../protocol.js';
import { MAX_COMPARED } from '../share.js';
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
      core.call(Request.GET, { hash: nav.view.open, query: nav.view.q, exact: nav.view.exact, crossLingual: nav.view.crossLingual }),
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

// ── compare: 2–4 articles side by side ──

function isCompared(hash) {
  return nav.view.picked.includes(hash);
}

/** Ticks or unticks an article for Compare; a fifth is refused with a message. */
export function pickForCompare(a, checked) {
  const picked = nav.view.picked;
  if (checked) {
    if (picked.includes(a.hash)) return;
    if (picked.length >= MAX_COMPARED) {
      renderTray(); // unticks the box
      showError(t('tray.full'));
      return;
    }
    app.tray.set(a.hash, { hash: a.hash, title: a.title, lang: a.lang, file: a.file });
    nav.setView({ picked: [...picked, a.hash] });
  } else if (picked.includes(a.hash)) {
    const rest = picked.filter((h) => h !== a.hash);
    nav.setView({ picked: rest, compare: nav.view.compare && rest.length >= 2 });
  }
}

/** Opens the compare view with `hashes` (2–4 content hashes), e.g. a suggested pair. */
export function compareArticles(hashes) {
  const picked = [...new Set(hashes)].slice(0, MAX_COMPARED);
  return nav.setView({ picked, compare: picked.length >= 2, open: null, stories: false });
}

/** Looks up the titles of the view's ticked articles for the tray. */
export async function loadTray() {
  const need = nav.view.picked.filter((h) => !app.tray.has(h));
  if (need.length) {
    const found = await core.call(Request.LOOKUP, { hashes: need });
    need.forEach((h, k) => app.tray.set(h, found[k]));
  }
  renderTray();
}

export function renderTray() {
  const picked = nav.view.picked;
  syncCompare(ui.results, new Set(picked));
  const readerBox = ui.reader.querySelector('.reader-bar input.compare-box');
  if (readerBox) readerBox.checked = isCompared(nav.view.open);
  const chips = picked.map((hash) => {
    const a = app.tray.get(hash);
    if (!a) return h('span', { class: 'tray-slot is-empty' }, h('span', { class: 'tray-hint' }, t('tray.missing')));
    const L = langInfo(a.lang);
    return h('span', { class: 'tray-slot' },
      h('span', { class: 'tray-side' }, L.name),
      h('bdi', { class: 'tray-title', dir: L.blockDir, lang: L.lang, 'data-content': '' }, a.title || a.file));
  });
  if (picked.length < 2) chips.push(h('span', { class: 'tray-slot is-empty' }, h('span', { class: 'tray-hint' }, t('tray.hint'))));
  replace(ui.traySlots, chips);
  ui.openCompare.disabled = picked.filter((hash) => app.tray.get(hash)).length < 2;
  ui.clearCompare.disabled = !picked.length;
}

/** Shows the compare view, or hides it; `refresh`: the query changed, keep the focus. */
export async function showCompare({ refresh = false } = {}) {
  if (!nav.view.compare) {
    closeCompareView();
    return;
  }
  const seq = ++app.compareSeq;
  const picked = nav.view.picked;
  let articles;
  let view;
  try {
    [view, ...articles] = await work(Promise.all([
      import('../pkg-views/sidebyside.js'),
      ...picked.map((hash) => core.call(Request.GET, { hash, query: nav.view.q, exact: nav.view.exact, crossLingual: nav.view.crossLingual })),
    ]));
  } catch (e) {
    if (e.code === 'stopped') return; // a long search was stopped: the view stays as it was
    showError(t('error.open', { message: e.message }));
    return;
  }
  articles = articles.filter(Boolean);
  if (articles.length < 2 || !nav.view.compare || seq !== app.compareSeq) return;
  ui.workspace.hidden = true;
  document.body.classList.add('is-comparing');
  view.renderSideBySide(ui.compare, articles, { close: () => nav.setView({ compare: false }), share: nav.openShare }, { focus: !refresh });
  // The alignment (entities, aligned paragraphs and sentences) needs the lexicon: until it
  // is linked the articles show plain, and LEXICON draws it in.
  const alignment = await core.call(Request.ALIGN, { hashes: articles.map((a) => a.hash) }).catch(() => null);
  if (alignment && seq === app.compareSeq) view.showAlignment(ui.compare, alignment);
}

core.on(Event.LEXICON, () => {
  if (app.ready && nav.view.compare) showCompare({ refresh: true });
});

function closeCompareView() {
  app.compareSeq++;
  if (ui.compare.hidden) return;
  ui.compare.hidden = true;
  ui.compare.replaceChildren();
  ui.workspace.hidden = false;
  document.body.classList.remove('is-comparing');
  ui.openCompare.focus();
}

ui.openCompare.addEventListener('click', () => nav.setView({ compare: true }));
ui.clearCompare.addEventListener('click', () => {
  app.tray.clear();
  nav.setView({ picked: [], compare: false });
});
