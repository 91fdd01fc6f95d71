// The side-by-side view: the English article on the left (LTR), the Arabic one on the
// right (RTL), in two columns that each carry their own `dir` and `lang`. The columns keep
// this order in an Arabic UI too: the pair is read as a left and a right page.
import { h, replace, useStyles } from '../views/dom.js';
import { renderArticle } from '../pkg-reader/article.js';
import { t } from '../i18n.js';
import '../pkg-en/messages.js'; // the English texts this module shows

await useStyles(new URL('./views.css', import.meta.url));

/**
 * Fills `section` with the two columns; `actions`: `{close(), share()}`. Each article's
 * `marked` (the query's matches, as in the reader) is shown marked. `focus`: move the focus
 * to the heading (not when only the query changed).
 */
export function renderSideBySide(section, left, right, actions, { focus = true } = {}) {
  const column = (a, dir, lang, side) =>
    h('section', { class: `sbs-col sbs-${side}`, dir, lang, 'aria-labelledby': `sbs-${side}-title` },
      renderArticle(a, { headingId: `sbs-${side}-title`, headingLevel: 3 }),
    );
  replace(section,
    h('div', { class: 'sbs-bar' },
      h('h2', { id: 'sbs-heading', class: 'sbs-heading', tabindex: '-1' }, t('sbs.heading')),
      h('span', { class: 'sbs-tools' },
        h('button', { type: 'button', class: 'button ghost sbs-share', on: { click: actions.share } }, t('reader.share')),
        h('button', { type: 'button', class: 'button ghost sbs-close', on: { click: actions.close }, 'aria-keyshortcuts': 'Escape' },
          t('sbs.back'), h('kbd', {}, t('key.esc'))),
      ),
    ),
    h('div', { class: 'sbs-cols' },
      column(left, 'ltr', left.lang === 'en' ? 'en' : null, 'left'),
      column(right, 'rtl', right.lang === 'ar' ? 'ar' : null, 'right'),
    ),
  );
  section.hidden = false;
  if (focus) section.querySelector('#sbs-heading')?.focus();
}
