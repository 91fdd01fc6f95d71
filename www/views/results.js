// The result list: one row per hit, each row carrying `data-file` (and nothing else on the
// page does). Titles and snippets of Arabic articles are laid out right to left.
import { h, langInfo, snippetNodes } from './dom.js';

/**
 * Renders `hits` into the list `ol`, replacing its rows (or appending with `append`).
 * `state`: `{activeId, compareIds: Set, showScore}`; `actions`: `{open(hit, button), compare(hit, checked)}`.
 */
export function renderResults(ol, hits, state, actions, { append = false } = {}) {
  const rows = hits.map((hit) => row(hit, state, actions));
  if (append) ol.append(...rows);
  else ol.replaceChildren(...rows);
}

function row(hit, state, actions) {
  const L = langInfo(hit.lang);
  const titleId = `hit-title-${hit.id}`;
  const title = h(
    'button',
    { type: 'button', class: 'hit-open', id: titleId, dir: L.blockDir, lang: L.lang, on: { click: (e) => actions.open(hit, e.currentTarget) } },
    hit.title || hit.file,
  );
  const checkbox = h('input', {
    type: 'checkbox',
    class: 'compare-box',
    checked: state.compareIds.has(hit.id),
    'aria-describedby': titleId,
    dataset: { id: String(hit.id) },
    on: { change: (e) => actions.compare(hit, e.currentTarget.checked) },
  });
  const snippet = hit.snippet?.length
    ? h('p', { class: 'hit-snippet', dir: L.blockDir, lang: L.lang }, snippetNodes(hit.snippet))
    : null;
  return h(
    'li',
    {
      class: `hit lang-${L.lang ?? 'other'}`,
      dataset: { file: hit.file, id: String(hit.id), lang: hit.lang ?? '' },
      'aria-current': state.activeId === hit.id ? 'true' : null,
    },
    h('div', { class: 'hit-body' },
      h('h3', { class: 'hit-title' }, title),
      snippet,
      h('p', { class: 'hit-meta' },
        h('span', { class: `badge badge-${L.lang ?? 'other'}`, title: L.name }, L.short),
        h('span', { class: 'hit-file', dir: 'auto' }, hit.file),
        state.showScore ? h('span', { class: 'hit-score', title: 'BM25 relevance score' }, `score ${hit.score.toFixed(2)}`) : null,
      ),
    ),
    h('label', { class: 'compare-toggle' }, checkbox, h('span', {}, 'Compare')),
  );
}

/** Marks the row of article `id` as the one open in the reader. */
export function markActive(ol, id) {
  for (const li of ol.children) {
    if (li.dataset.id === String(id)) li.setAttribute('aria-current', 'true');
    else li.removeAttribute('aria-current');
  }
}

/** Syncs the Compare checkboxes with the chosen article ids. */
export function syncCompare(ol, ids) {
  for (const box of ol.querySelectorAll('input.compare-box')) box.checked = ids.has(Number(box.dataset.id));
}
