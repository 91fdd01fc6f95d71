// The side-by-side view: the English article on the left (LTR), the Arabic one on the
// right (RTL), in two columns that each carry their own `dir` and `lang`.
import { h, replace } from './dom.js';
import { renderArticle } from './article.js';

/** Fills `section` with the two columns; `actions.close()` leaves the view. */
export function renderSideBySide(section, left, right, actions) {
  const column = (a, dir, lang, side) =>
    h('section', { class: `sbs-col sbs-${side}`, dir, lang, 'aria-labelledby': `sbs-${side}-title` },
      renderArticle(a, { headingId: `sbs-${side}-title`, headingLevel: 3 }),
    );
  replace(section,
    h('div', { class: 'sbs-bar' },
      h('h2', { id: 'sbs-heading', class: 'sbs-heading', tabindex: '-1' }, 'Side by side'),
      h('button', { type: 'button', class: 'button ghost', on: { click: actions.close }, 'aria-keyshortcuts': 'Escape' }, 'Back to results', h('kbd', {}, 'Esc')),
    ),
    h('div', { class: 'sbs-cols' },
      column(left, 'ltr', left.lang === 'en' ? 'en' : null, 'left'),
      column(right, 'rtl', right.lang === 'ar' ? 'ar' : null, 'right'),
    ),
  );
  section.hidden = false;
  section.querySelector('#sbs-heading')?.focus();
}
