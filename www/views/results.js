// The result list: one row per hit, each row carrying `data-file` (and nothing else on the
// page does). A hit that near-duplicates were folded into says how many. Titles and snippets of Arabic articles are laid out right to left. Rows are
// named by content hash (`data-hash`); only one page of results is ever in the DOM, so the
// list stays as fast at 100,000 results as at 10.
import { h, langInfo, snippetNodes } from './dom.js';
import { t, fmtNumber } from '../i18n.js';

/**
 * Renders `hits` into the list `ol`, replacing its rows. `state`: `{activeHash, compareHashes:
 * Set, showScore, rankFrom}`; `actions`: `{open(hit, button), compare(hit, checked)}`.
 */
export function renderResults(ol, hits, state, actions) {
  // The rows a screen shows are drawn now; the rest of the page after that frame is
  // painted, so the list appears within a frame of the answer. `data-complete` says when
  // every row is in (a newer render drops the rest of an older one).
  const token = (ol.__render = {});
  const first = firstRows(ol);
  ol.replaceChildren(...hits.slice(0, first).map((hit, k) => row(hit, k + state.rankFrom, state, actions)));
  ol.start = state.rankFrom;
  ol.dataset.complete = String(hits.length <= first);
  if (hits.length <= first) return;
  // The rest after the first paint, a screenful a task, so no task holds the page long.
  const more = (from) => {
    if (ol.__render !== token) return;
    // Where the list starts on the page, read while the layout is fresh from the paint.
    if (from === first) ol.__top = ol.getBoundingClientRect().top + scrollY;
    const to = Math.min(hits.length, from + FIRST_ROWS);
    ol.append(...hits.slice(from, to).map((hit, k) => row(hit, k + from + state.rankFrom, state, actions)));
    if (to < hits.length) setTimeout(() => more(to));
    else ol.dataset.complete = 'true';
  };
  requestAnimationFrame(() => setTimeout(() => more(first)));
}

/**
 * Rows drawn before the first paint: those the screen shows below the list's top (as the
 * last full render found it; rows are at least ROW_PX tall), 3 to FIRST_ROWS. Fewer rows,
 * a shorter task and frame between the answer and the screen.
 */
function firstRows(ol) {
  const below = scrollY + innerHeight - (ol.__top ?? 0);
  return Math.max(3, Math.min(FIRST_ROWS, Math.ceil(below / ROW_PX)));
}
const ROW_PX = 90;

/** Empties the list (and drops the rest of a render not yet drawn). */
export function clearResults(ol) {
  ol.__render = null;
  ol.replaceChildren();
  ol.dataset.complete = 'true';
}

/** Rows drawn before the first paint at most, and per task after it. */
const FIRST_ROWS = 20;

function row(hit, rank, state, actions) {
  const L = langInfo(hit.lang);
  const titleId = `hit-title-${hit.hash}`;
  const title = h(
    'button',
    { type: 'button', class: 'hit-open', id: titleId, dir: L.blockDir, lang: L.lang, 'data-content': '', on: { click: (e) => actions.open(hit, e.currentTarget) } },
    hit.title || hit.file,
  );
  const checkbox = h('input', {
    type: 'checkbox',
    class: 'compare-box',
    checked: state.compareHashes.has(hit.hash),
    'aria-describedby': titleId,
    dataset: { hash: hit.hash },
    on: { change: (e) => actions.compare(hit, e.currentTarget.checked) },
  });
  const snippet = hit.snippet?.length
    ? h('p', { class: 'hit-snippet', dir: L.blockDir, lang: L.lang, 'data-content': '' }, snippetNodes(hit.snippet))
    : null;
  return h(
    'li',
    {
      class: `hit lang-${L.lang ?? 'other'}`,
      dataset: { file: hit.file, hash: hit.hash, lang: hit.lang ?? '', rank: String(rank) },
      'aria-current': state.activeHash === hit.hash ? 'true' : null,
    },
    h('div', { class: 'hit-body' },
      h('h3', { class: 'hit-title' }, title),
      snippet,
      h('p', { class: 'hit-meta' },
        h('span', { class: `badge badge-${L.lang ?? 'other'}`, title: L.name }, L.short),
        hit.date ? h('span', { class: 'hit-date', 'data-content': '' }, hit.date) : null,
        hit.source ? h('bdi', { class: 'hit-source', dir: 'auto', 'data-content': '' }, hit.source) : null,
        h('span', { class: 'hit-file', dir: 'auto', 'data-content': '' }, hit.file),
        state.showScore && hit.score > 0 ? h('span', { class: 'hit-score', title: t('results.scoreHelp') }, t('results.score', { score: fmtNumber(hit.score, 2) })) : null,
        hit.similar
          ? h('button', { type: 'button', class: 'hit-similar', title: t('results.similarHelp'), on: { click: (e) => actions.open(hit, e.currentTarget) } },
            t('results.similar', { n: hit.similar }))
          : null,
      ),
    ),
    h('label', { class: 'compare-toggle' }, checkbox, h('span', {}, t('results.compare'))),
  );
}

/** Marks the row of article `hash` as the one open in the reader. */
export function markActive(ol, hash) {
  for (const li of ol.children) {
    if (li.dataset.hash === hash) li.setAttribute('aria-current', 'true');
    else li.removeAttribute('aria-current');
  }
}

/** Syncs the Compare checkboxes with the chosen article hashes. */
export function syncCompare(ol, hashes) {
  for (const box of ol.querySelectorAll('input.compare-box')) box.checked = hashes.has(box.dataset.hash);
}

/**
 * The pager under the list: previous, "page X of Y", next. `actions.go(page)`.
 */
export function renderPager(nav, { page, pages }, actions) {
  nav.hidden = pages <= 1;
  if (pages <= 1) {
    nav.replaceChildren();
    return;
  }
  const button = (cls, label, target, disabled) =>
    h('button', { type: 'button', class: `button ${cls}`, disabled, on: { click: () => actions.go(target) } }, label);
  nav.replaceChildren(
    button('pager-prev', t('pager.prev'), page - 1, page <= 1),
    h('span', { class: 'pager-where', 'aria-live': 'polite' }, t('pager.where', { page: fmtNumber(page), pages: fmtNumber(pages) })),
    button('pager-next', t('pager.next'), page + 1, page >= pages),
  );
}
