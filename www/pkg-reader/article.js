// One article as the reader and the side-by-side view show it: title, a metadata line,
// paragraphs, and the boilerplate the cleaner removed, greyed, in a collapsible section.
// The article's own text carries its language; labels around it follow the UI language.
// Loaded on first use with the reader (www/pkg-reader/).
import { h, langInfo, snippetNodes, coreMessage, useStyles } from '../views/dom.js';
import { t } from '../i18n.js';
import '../pkg-en/messages.js'; // the English texts this module shows

await useStyles(new URL('./reader.css', import.meta.url));

/**
 * An `<article>` for `a` (the object `Corpus.get` returns). The element carries the
 * article's `dir` and `lang`: `rtl`/`ar` for Arabic, `ltr` for English. `headingId` names
 * the title so a region can be labelled by it.
 */
export function renderArticle(a, { headingId, headingLevel = 2 } = {}) {
  const L = langInfo(a.lang);
  const dir = L.lang === 'ar' ? 'rtl' : L.lang === 'en' ? 'ltr' : 'auto';
  const fields = [
    ['meta.language', L.name, false],
    ['meta.date', a.date, true],
    ['meta.dateline', a.dateline, true],
    ['meta.agency', a.agency, true],
    ['meta.outlet', a.outlet, true],
    ['meta.byline', a.byline, true],
    ['meta.url', a.url, true],
    ['meta.file', a.file, true],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  // Labels are UI text (UI language and direction); values are data (their own direction).
  const meta = h('dl', { class: 'article-meta', dir: 'auto', lang: document.documentElement.lang },
    fields.map(([k, v, data]) => h('div', { class: 'meta-item' },
      h('dt', {}, t(k)),
      h('dd', data ? { dir: 'auto', 'data-content': '' } : {}, String(v)))),
  );
  // With a query, `a.marked` holds the same text cut into segments with the matches marked.
  const marked = a.marked?.paragraphs;
  const paragraphs = (a.paragraphs?.length ? a.paragraphs : [a.body ?? ''])
    .map((p, i) => h('p', { 'data-p': i }, marked?.[i] ? snippetNodes(marked[i]) : p))
    .filter((p) => p.textContent !== '');
  const title = a.marked?.title?.length ? snippetNodes(a.marked.title) : a.title || a.file;
  const ui = { lang: document.documentElement.lang, dir: document.documentElement.dir };
  const removed = a.removed?.length
    ? h('details', { class: 'removed' },
        h('summary', ui, t('article.removed', { n: a.removed.length })),
        h('ul', { class: 'removed-list' },
          a.removed.map((r) => h('li', {},
            h('span', { class: 'removed-kind', ...ui }, t(`removed.${r.kind}`, {}, r.kind)),
            h('span', { class: 'removed-text', dir: 'auto', 'data-content': '' }, r.text),
          )),
        ),
      )
    : h('p', { class: 'removed-none', ...ui }, t('article.removedNone'));
  const warnings = a.warnings?.length
    ? h('ul', { class: 'article-warnings', ...ui, 'aria-label': t('article.warnings', { n: a.warnings.length }) },
        a.warnings.map((w) => h('li', {}, coreMessage(w))),
      )
    : null;
  return h('article', { class: `article lang-${L.lang ?? 'other'}`, dir, lang: L.lang, 'data-hash': a.hash },
    h('header', { class: 'article-head' },
      h(`h${headingLevel}`, { class: 'article-title', id: headingId, tabindex: '-1', 'data-content': '' }, title),
      meta,
    ),
    warnings,
    h('div', { class: 'article-body', 'data-content': '' }, paragraphs),
    removed,
  );
}
