// The reader pane: one article at a time, or a hint when none is open.
import { h, replace } from './dom.js';
import { renderArticle } from './article.js';

/** Shows the hint that replaces an open article. */
export function renderEmptyReader(pane) {
  pane.classList.remove('is-open');
  replace(pane,
    h('div', { class: 'reader-empty' },
      h('p', { class: 'reader-empty-title' }, 'No article open'),
      h('p', {}, 'Choose a title in the list to read the article. Tick “Compare” on one English and one Arabic article to read them side by side.'),
    ),
  );
}

/**
 * Shows article `a` in `pane` with a toolbar. `actions`: `{close(), compare(checked)}`;
 * `compared`: whether the article is picked for the side-by-side view.
 */
export function renderReader(pane, a, { compared }, actions) {
  pane.classList.add('is-open');
  const box = h('input', { type: 'checkbox', class: 'compare-box', checked: compared, on: { change: (e) => actions.compare(e.currentTarget.checked) } });
  replace(pane,
    h('div', { class: 'reader-bar' },
      h('label', { class: 'compare-toggle' }, box, h('span', {}, 'Compare side by side')),
      h('button', { type: 'button', class: 'button ghost', on: { click: actions.close }, 'aria-keyshortcuts': 'Escape' }, 'Close', h('kbd', {}, 'Esc')),
    ),
    renderArticle(a, { headingId: 'reader-title' }),
  );
  pane.scrollTop = 0;
  pane.querySelector('#reader-title')?.focus({ preventScroll: true });
}
