// The reader pane's hint when no article is open. The reader itself (the article and its
// toolbar) is www/pkg-reader/, loaded the first time an article opens.
import { h, replace } from './dom.js';
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
