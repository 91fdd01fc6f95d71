// The compare view (the aligned reader): 2–4 articles in any languages side by side, in the
// order they were ticked, each column with its own `dir` and `lang` (the columns keep this
// order in an Arabic UI too: they are read as pages laid side by side). Each column scrolls
// on its own; with "Linked scrolling" on, scrolling one brings the others to the paragraph
// aligned with the one at its top. On a narrow screen the articles are tabs, one at a time.
// The alignment (entities, aligned paragraphs and sentences: pkg-views/aligned.js) arrives
// from the core once the lexicon is linked; until then the articles show plain.
import { h, replace, langInfo, useStyles } from '../views/dom.js';
import { renderArticle } from '../pkg-reader/article.js';
import { t } from '../i18n.js';
import { decorate, alignedParagraph } from './aligned.js';
import '../pkg-en/messages.js'; // the English texts this module shows

await useStyles(new URL('./views.css', import.meta.url));

/** Where the columns no longer fit side by side (as the page's one-column layout). */
const NARROW = matchMedia('(max-width: 56rem)');
/** Lays the shown view out again when the window crosses that width. */
let relayout = null;
NARROW.addEventListener('change', () => relayout?.());

/** Languages written right to left (their columns are `dir="rtl"`). */
const RTL = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'yi', 'ckb', 'sd', 'ug']);

/** The view's state for the alignment drawn later: columns and the linked-scroll switch. */
let shown = null;

/**
 * Fills `section` with one column per article (`articles`: what `Corpus.get` returns, with
 * `marked` when a query marks them); `actions`: `{close(), share()}`. `focus`: move the focus
 * to the heading (not when only the query changed).
 */
export function renderSideBySide(section, articles, actions, { focus = true } = {}) {
  const linked = shown?.section === section ? shown.linkedBox.checked : true;
  const cols = articles.map((a, i) => {
    const code = /^[a-z]{2,3}$/.test(a.lang ?? '') ? a.lang : null;
    const side = i === 0 ? ' sbs-left' : i === articles.length - 1 ? ' sbs-right' : '';
    return h('section', {
      class: `sbs-col${side}`, id: `sbs-${i}`, dir: RTL.has(code) ? 'rtl' : 'ltr', lang: code,
      'aria-labelledby': `sbs-${i}-title`, 'data-col': i, 'data-hash': a.hash,
    }, renderArticle(a, { headingId: `sbs-${i}-title`, headingLevel: 3 }));
  });
  // On a narrow screen one column shows at a time, chosen by these tabs (hidden on a wide
  // one): each article then starts at the top instead of below the others.
  const selected = section.querySelector('.sbs-tab[aria-selected="true"]')?.getAttribute('aria-controls');
  let current = Math.max(0, cols.findIndex((c) => c.id === selected));
  const tabs = articles.map((a, i) => h('button', {
    type: 'button', role: 'tab', class: 'sbs-tab', id: `${cols[i].id}-tab`, 'aria-controls': cols[i].id,
    on: { click: () => pick(i), keydown: (e) => arrows(e, i) },
  }, langInfo(a.lang).name, articles.length > 2 ? ` ${i + 1}` : ''));
  const tablist = h('div', { class: 'sbs-tabs', role: 'tablist', 'aria-label': t('sbs.heading') }, tabs);
  function pick(i, moveFocus = false) {
    current = i;
    tablist.hidden = !NARROW.matches;
    cols.forEach((c, k) => { c.hidden = NARROW.matches && k !== i; });
    tabs.forEach((b, k) => {
      b.setAttribute('aria-selected', String(k === i));
      b.tabIndex = k === i ? 0 : -1;
    });
    if (moveFocus) tabs[i].focus();
  }
  function arrows(e, i) {
    const n = tabs.length;
    const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      pick(to, true);
    }
  }
  pick(current);
  relayout = () => pick(current);
  const linkedBox = h('input', { type: 'checkbox', class: 'sbs-linked-box', checked: linked });
  replace(section,
    h('div', { class: 'sbs-bar' },
      h('h2', { id: 'sbs-heading', class: 'sbs-heading', tabindex: '-1' }, t('sbs.heading')),
      h('span', { class: 'sbs-tools' },
        h('label', { class: 'sbs-linked' }, linkedBox, h('span', {}, t('sbs.linked'))),
        h('button', { type: 'button', class: 'button ghost sbs-share', on: { click: actions.share } }, t('reader.share')),
        h('button', { type: 'button', class: 'button ghost sbs-close', on: { click: actions.close }, 'aria-keyshortcuts': 'Escape' },
          t('sbs.back'), h('kbd', {}, t('key.esc'))),
      ),
    ),
    h('p', { class: 'sbs-status', role: 'status' }),
    tablist,
    h('div', { class: 'sbs-cols', 'data-n': cols.length }, cols),
  );
  delete section.dataset.aligned; // until showAlignment draws this view's alignment
  shown = { section, cols, linkedBox, alignment: null, show: (i) => pick(i) };
  linkScrolling(cols);
  section.hidden = false;
  if (focus) {
    // The view starts at its top, whatever the page above it (tall on a phone).
    section.scrollIntoView({ block: 'start' });
    section.querySelector('#sbs-heading')?.focus({ preventScroll: true });
  }
}

/** Draws the core's alignment into the shown columns (see aligned.js). */
export function showAlignment(section, alignment) {
  if (shown?.section !== section) return;
  shown.alignment = alignment;
  const { shared } = decorate(shown.cols, alignment, {
    jump: (col) => {
      if (NARROW.matches) shown.show(col);
      return NARROW.matches;
    },
  });
  section.querySelector('.sbs-status').textContent = t('sbs.aligned', { n: shared });
  section.dataset.aligned = 'true';
}

// ── linked scrolling ──

/**
 * Scrolling one column scrolls the others so that the paragraph aligned with the one at
 * its top sits at their top (the core's paragraph links; before they arrive, or where a
 * paragraph has none, the paragraph at the same place in the article's order).
 */
function linkScrolling(cols) {
  let leader = null; // the column the user scrolls; the others follow until it rests
  let rest = 0;
  for (const col of cols) {
    col.addEventListener('scroll', () => {
      if (!shown?.linkedBox.checked || NARROW.matches) return;
      if (leader && leader !== col) return; // a follower moved by us
      leader = col;
      clearTimeout(rest);
      rest = setTimeout(() => { leader = null; }, 150);
      follow(col, cols);
    }, { passive: true });
  }
}

function follow(col, cols) {
  const paras = [...col.querySelectorAll('.article-body p[data-p]')];
  const top = col.getBoundingClientRect().top;
  // The first paragraph whose bottom is below the column's top.
  const at = paras.find((p) => p.getBoundingClientRect().bottom > top + 4) ?? paras.at(-1);
  if (!at) return;
  const from = Number(col.dataset.col);
  const p = Number(at.dataset.p);
  const into = (at.getBoundingClientRect().top - top); // how far that paragraph sits below the top
  for (const other of cols) {
    if (other === col) continue;
    const to = Number(other.dataset.col);
    const target = alignedParagraph(shown.alignment, from, p, to, paras.length, other);
    if (!target) continue;
    const offset = target.getBoundingClientRect().top - other.getBoundingClientRect().top;
    other.scrollTop += offset - into;
  }
}
