// The side-by-side view: the English article on the left (LTR), the Arabic one on the
// right (RTL), in two columns that each carry their own `dir` and `lang`. The columns keep
// this order in an Arabic UI too: the pair is read as a left and a right page. On a narrow
// screen the two are tabs, one article at a time.
import { h, replace, langInfo, useStyles } from '../views/dom.js';
import { renderArticle } from '../pkg-reader/article.js';
import { t } from '../i18n.js';
import '../pkg-en/messages.js'; // the English texts this module shows

await useStyles(new URL('./views.css', import.meta.url));

/** Where the two columns no longer fit side by side (as the page's one-column layout). */
const NARROW = matchMedia('(max-width: 56rem)');
/** Lays the shown view out again when the window crosses that width. */
let relayout = null;
NARROW.addEventListener('change', () => relayout?.());

/**
 * Fills `section` with the two columns; `actions`: `{close(), share()}`. Each article's
 * `marked` (the query's matches, as in the reader) is shown marked. `focus`: move the focus
 * to the heading (not when only the query changed).
 */
export function renderSideBySide(section, left, right, actions, { focus = true } = {}) {
  const column = (a, dir, lang, side) =>
    h('section', { class: `sbs-col sbs-${side}`, id: `sbs-${side}`, dir, lang, 'aria-labelledby': `sbs-${side}-title` },
      renderArticle(a, { headingId: `sbs-${side}-title`, headingLevel: 3 }),
    );
  const cols = [
    column(left, 'ltr', left.lang === 'en' ? 'en' : null, 'left'),
    column(right, 'rtl', right.lang === 'ar' ? 'ar' : null, 'right'),
  ];
  // On a narrow screen one column shows at a time, chosen by these tabs (hidden on a wide
  // one): each article then starts at the top instead of below the other.
  const shown = section.querySelector('.sbs-tab[aria-selected="true"]')?.getAttribute('aria-controls');
  let current = Math.max(0, cols.findIndex((c) => c.id === shown));
  const tabs = [left, right].map((a, i) => h('button', {
    type: 'button', role: 'tab', class: 'sbs-tab', id: `${cols[i].id}-tab`, 'aria-controls': cols[i].id,
    on: { click: () => pick(i), keydown: (e) => arrows(e, i) },
  }, langInfo(a.lang).name));
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
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      pick(e.key === 'Home' ? 0 : e.key === 'End' ? 1 : 1 - i, true);
    }
  }
  pick(current);
  relayout = () => pick(current);
  replace(section,
    h('div', { class: 'sbs-bar' },
      h('h2', { id: 'sbs-heading', class: 'sbs-heading', tabindex: '-1' }, t('sbs.heading')),
      h('span', { class: 'sbs-tools' },
        h('button', { type: 'button', class: 'button ghost sbs-share', on: { click: actions.share } }, t('reader.share')),
        h('button', { type: 'button', class: 'button ghost sbs-close', on: { click: actions.close }, 'aria-keyshortcuts': 'Escape' },
          t('sbs.back'), h('kbd', {}, t('key.esc'))),
      ),
    ),
    tablist,
    h('div', { class: 'sbs-cols' }, cols),
  );
  section.hidden = false;
  if (focus) {
    // The view starts at its top, whatever the page above it (tall on a phone).
    section.scrollIntoView({ block: 'start' });
    section.querySelector('#sbs-heading')?.focus({ preventScroll: true });
  }
}
