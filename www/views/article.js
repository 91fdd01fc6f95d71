// One article as the reader and the side-by-side view show it: title, a metadata line,
// paragraphs, and the boilerplate the cleaner removed, greyed, in a collapsible section.
import { h, langInfo, plural, snippetNodes } from './dom.js';

/**
 * An `<article>` for `a` (the object `Corpus.get` returns). The element carries the
 * article's `dir` and `lang`: `rtl`/`ar` for Arabic, `ltr` for English. `headingId` names
 * the title so a region can be labelled by it.
 */
export function renderArticle(a, { headingId, headingLevel = 2 } = {}) {
  const L = langInfo(a.lang);
  const dir = L.lang === 'ar' ? 'rtl' : L.lang === 'en' ? 'ltr' : 'auto';
  const fields = [
    ['Language', L.lang === 'ar' ? `${L.name} · ${L.native}` : L.name],
    ['Dateline', a.dateline],
    ['Agency', a.agency],
    ['Outlet', a.outlet],
    ['File', a.file],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  const meta = h('dl', { class: 'article-meta', dir: 'ltr', lang: 'en' },
    fields.map(([k, v]) => h('div', { class: 'meta-item' }, h('dt', {}, k), h('dd', { dir: 'auto' }, String(v)))),
  );
  // With a query, `a.marked` holds the same text cut into segments with the matches marked.
  const marked = a.marked?.paragraphs;
  const paragraphs = (a.paragraphs?.length ? a.paragraphs : [a.body ?? ''])
    .map((p, i) => (marked?.[i] ? h('p', {}, snippetNodes(marked[i])) : h('p', {}, p)))
    .filter((p) => p.textContent !== '');
  const title = a.marked?.title?.length ? snippetNodes(a.marked.title) : a.title || a.file;
  const removed = a.removed?.length
    ? h('details', { class: 'removed' },
        h('summary', { dir: 'ltr', lang: 'en' }, `Removed by cleaning (${a.removed.length})`),
        h('ul', { class: 'removed-list' },
          a.removed.map((r) => h('li', {},
            h('span', { class: 'removed-kind', dir: 'ltr', lang: 'en' }, r.kind),
            h('span', { class: 'removed-text', dir: 'auto' }, r.text),
          )),
        ),
      )
    : h('p', { class: 'removed-none', dir: 'ltr', lang: 'en' }, 'Nothing was removed by cleaning.');
  const warnings = a.warnings?.length
    ? h('ul', { class: 'article-warnings', dir: 'ltr', lang: 'en', 'aria-label': plural(a.warnings.length, 'warning') },
        a.warnings.map((w) => h('li', {}, typeof w === 'string' ? w : w.message ?? JSON.stringify(w))),
      )
    : null;
  return h('article', { class: `article lang-${L.lang ?? 'other'}`, dir, lang: L.lang },
    h('header', { class: 'article-head' },
      h(`h${headingLevel}`, { class: 'article-title', id: headingId, tabindex: '-1' }, title),
      meta,
    ),
    warnings,
    h('div', { class: 'article-body' }, paragraphs),
    removed,
  );
}
