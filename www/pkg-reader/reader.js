// The reader pane with one article: a toolbar and, when it has near-duplicates, the list of
// them. Loaded the first time an article opens (not part of the start-up shell).
import { h, replace, langInfo } from '../views/dom.js';
import { renderArticle } from './article.js';
import { t } from '../i18n.js';
import '../pkg-en/messages.js'; // the English texts this module shows

/**
 * Shows article `a` in `pane` with a toolbar and, when it has near-duplicates
 * (`a.similar`), the list of them. `actions`: `{close(), compare(checked), share(),
 * download(), remove(), open(hash), compareArticles([en, ar])}`; `compared`: whether the article is picked for the
 * side-by-side view; `focus`: move the focus to the title (false when the query changed under
 * an open article: the focus stays in the search box).
 */
export function renderReader(pane, a, { compared, focus = true }, actions) {
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
    a.similar?.length ? similarList(a.similar, actions.open) : null,
    renderArticle(a, { headingId: 'reader-title' }),
  );
  pane.scrollTop = 0;
  if (focus) pane.querySelector('#reader-title')?.focus({ preventScroll: true });
  // Same story in the other language: once the full build and the lexicon are in.
  if (document.body.dataset.lexicon === 'true' && (a.lang === 'en' || a.lang === 'ar')) {
    import('../pkg-stories/panel.js').then((m) => m.showSameStory(pane, a, actions)).catch(() => {});
  }
}

/** The article's near-duplicates, folded shut: each opens in the reader. */
function similarList(similar, open) {
  return h('details', { class: 'reader-similar' },
    h('summary', {}, t('reader.similar', { n: similar.length })),
    h('ul', {}, ...similar.map((a) => {
      const L = langInfo(a.lang);
      return h('li', {},
        h('button', { type: 'button', class: 'reader-similar-open', dir: L.blockDir, lang: L.lang, 'data-content': '', dataset: { hash: a.hash }, on: { click: () => open(a.hash) } },
          a.title || a.file),
        ' ',
        h('span', { class: 'hit-file', dir: 'auto', 'data-content': '' }, a.file));
    })),
  );
}
