// The Stories view (view key `stories`, link `view=stories`): the corpus grouped into stories
// told in both languages (Corpus.stories, through Request.STORIES), in the results' place.
// Each story shows its label (shared entities in the UI's script, else each side's own
// words), its articles per language and its dates; opened, it lists the articles (each
// opens in the reader) and compares the story's first English and Arabic articles side by
// side. Loaded by app.js when the view asks for it.
import { h, langInfo } from '../views/dom.js';
import { t, uiLang } from '../i18n.js';
import { Request } from '../protocol.js';
import { core, ui, work } from '../page/state.js';
import '../pkg-en/messages.js';
import { useStories } from './style.js';

let root = null;
let drawnLang = null;
let seq = 0;

/** Shows or hides the view as `nav.view.stories` says. */
export async function showStories(nav) {
  if (!nav.view.stories) {
    close();
    return;
  }
  if (root && drawnLang === uiLang()) return;
  const mine = ++seq;
  await useStories();
  const results = ui.workspace.querySelector('.results-pane');
  root?.remove();
  const status = h('p', { class: 'stories-status', role: 'status' }, t('st.loading'));
  root = h('section', { id: 'stories-view', class: 'stories', 'aria-labelledby': 'stories-heading' },
    h('div', { class: 'stories-top' },
      h('h2', { id: 'stories-heading', class: 'results-heading' }, t('st.heading')),
      h('button', { type: 'button', class: 'button ghost small stories-close', on: { click: () => nav.setView({ stories: false }) } }, t('st.close'))),
    status);
  results.hidden = true;
  results.before(root);
  drawnLang = uiLang();
  const found = await work(core.call(Request.STORIES, { op: 'stories', names: uiLang() }));
  if (mine !== seq || !root) return;
  status.textContent = found.stories.length ? t('st.total', { total: found.total }) : t('st.empty');
  if (found.partial) root.append(h('p', { class: 'stories-partial' }, t('st.partial')));
  root.append(h('ol', { class: 'stories-list' }, ...found.stories.map((s) => story(s, nav))));
}

function story(s, nav) {
  const label = (uiLang() === 'ar' ? s.label_ar : s.label_en).filter(Boolean);
  const dates = s.from ? (s.from === s.to ? s.from : `${s.from} – ${s.to}`) : '';
  const member = (m, lang) => {
    const L = langInfo(lang);
    return h('li', {}, h('button', { type: 'button', class: 'story-open', dir: L.blockDir, lang: L.lang, 'data-content': '', dataset: { hash: m.hash ?? '' }, on: { click: () => nav.setView({ open: m.hash }) } }, m.title || m.file));
  };
  const column = (lang, list) => h('div', { class: `story-${lang}` },
    h('h4', {}, langInfo(lang).name), h('ul', {}, ...list.map((m) => member(m, lang))));
  return h('li', { class: 'story' }, h('details', {},
    h('summary', {},
      h('span', { class: 'story-label', dir: 'auto', 'data-content': '' }, label.join(uiLang() === 'ar' ? '، ' : ', ')),
      h('span', { class: 'story-meta' }, t('st.counts', { en: s.en.length, ar: s.ar.length }), dates ? ` · ${dates}` : '')),
    h('div', { class: 'story-members', 'aria-label': t('st.members') }, column('en', s.en), column('ar', s.ar)),
    h('button', { type: 'button', class: 'button small story-compare', on: { click: () => nav.compareArticles([s.en[0].hash, s.ar[0].hash]) } }, t('st.compareTop'))));
}

function close() {
  seq++;
  if (!root) return;
  root.remove();
  root = null;
  drawnLang = null;
  ui.workspace.querySelector('.results-pane').hidden = false;
  document.getElementById('stories')?.focus();
}
