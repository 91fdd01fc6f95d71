// The reader pane: one article at a time, or a hint when none is open.
import { h, replace } from './dom.js';
import { renderArticle } from './article.js';
import { t } from '../i18n.js';

/** Shows the hint that replaces an open article. */
export function renderEmptyReader(pane) {
  pane.classList.remove('is-open');
  replace(pane,
    h('div', { class: 'reader-empty' },
      h('p', { class: 'reader-empty-title' }, t('reader.emptyTitle')),
      h('p', {}, t('reader.emptyHint')),
    ),
  );
}

/**
 * Shows article `a` in `pane` with a toolbar. `actions`: `{close(), compare(checked),
 * share(), download(), remove()}`; `compared`: whether the article is picked for the
 * side-by-side view.
 */
export function renderReader(pane, a, { compared }, actions) {
  pane.classList.add('is-open');
  const box = h('input', { type: 'checkbox', class: 'compare-box', checked: compared, on: { change: (e) => actions.compare(e.currentTarget.checked) } });
  const tool = (cls, label, onClick, extra = {}) =>
    h('button', { type: 'button', class: `button ghost small ${cls}`, on: { click: onClick }, ...extra }, label);
  replace(pane,
    h('div', { class: 'reader-bar', role: 'toolbar', 'aria-label': t('reader.toolbar') },
      h('label', { class: 'compare-toggle' }, box, h('span', {}, t('reader.compare'))),
      h('span', { class: 'reader-tools' },
        tool('reader-share', t('reader.share'), actions.share),
        tool('reader-download', t('reader.download'), actions.download),
        tool('reader-remove', t('reader.remove'), actions.remove),
        h('button', { type: 'button', class: 'button ghost small reader-close', on: { click: actions.close }, 'aria-keyshortcuts': 'Escape' },
          t('reader.close'), h('kbd', {}, t('key.esc'))),
      ),
    ),
    renderArticle(a, { headingId: 'reader-title' }),
  );
  pane.scrollTop = 0;
  pane.querySelector('#reader-title')?.focus({ preventScroll: true });
}
