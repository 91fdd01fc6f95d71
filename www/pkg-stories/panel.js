// The reader's "Same story in Arabic/English" panel: the other language's articles the core
// ranks as telling the open article's story (Corpus.pairs, through Request.STORIES), each
// with its score and reason ("shared: Emmanuel Macron, Hassan Rouhani, 2401, Sunday"),
// opening in the reader, and a Compare button that shows the two side by side. Loaded by
// pkg-reader/reader.js when the full build and the lexicon are in (body[data-lexicon]).
import { h, langInfo } from '../views/dom.js';
import { t, uiLang } from '../i18n.js';
import { Request } from '../protocol.js';
import { core } from '../page/state.js';
import '../pkg-en/messages.js';
import { useStories } from './style.js';

/** How many candidates the panel lists. */
const SHOWN = 4;

/**
 * Adds the panel for article `a` (English or Arabic) to the reader `pane`, under its
 * toolbar. `actions`: `{open(hash), compareArticles([enHash, arHash])}`.
 */
export async function showSameStory(pane, a, actions) {
  if (a.lang !== 'en' && a.lang !== 'ar') return;
  await useStories();
  const { candidates } = await core.call(Request.STORIES, { op: 'pairs', hash: a.hash, names: uiLang(), limit: SHOWN });
  // The reader moved on while the core ranked.
  if (!pane.isConnected || pane.querySelector('article.article')?.dataset.hash !== a.hash) return;
  pane.querySelector('.same-story')?.remove();
  const other = a.lang === 'en' ? 'ar' : 'en';
  const L = langInfo(other);
  const list = h('ol', { class: 'same-story-list' }, ...candidates.filter((c) => c.hash).map((c) => h('li', { class: 'same-story-item', dataset: { hash: c.hash } },
    h('button', { type: 'button', class: 'same-story-open', dir: L.blockDir, lang: L.lang, 'data-content': '', on: { click: () => actions.open(c.hash) } }, c.title || c.file),
    h('span', { class: 'same-story-score' }, t('st.score', { score: c.score.toFixed(2) })),
    h('p', { class: 'same-story-reason', dir: 'auto', 'data-content': '' }, t('st.shared', { list: c.shared.slice(0, 6).join(uiLang() === 'ar' ? '، ' : ', ') })),
    h('button', { type: 'button', class: 'button small same-story-compare', on: { click: () => actions.compareArticles(a.lang === 'en' ? [a.hash, c.hash] : [c.hash, a.hash]) } }, t('st.compare')),
  )));
  const panel = h('section', { class: 'same-story', 'aria-label': t(other === 'ar' ? 'st.panelAr' : 'st.panelEn') },
    h('h3', { class: 'same-story-heading' }, t(other === 'ar' ? 'st.panelAr' : 'st.panelEn')),
    candidates.length ? list : h('p', { class: 'same-story-none' }, t('st.none')));
  const bar = pane.querySelector('.reader-bar');
  if (bar) bar.after(panel);
  else pane.prepend(panel);
}
