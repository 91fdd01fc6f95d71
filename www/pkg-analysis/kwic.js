// The concordance as one grid whose keyword column lines up across English and Arabic lines.
//
// The grid runs in the UI's direction with three columns: context | keyword | context. A
// line in the UI's direction puts the words before its keyword in the first column; a line
// in the other direction (an Arabic line in the English UI, and the reverse) puts them in
// the third, so each line reads in its own direction across the keyword. A context's text
// is isolated in its own direction (LRI/RLI … PDI) inside a cell whose CSS direction starts
// it at the keyword's side: the first column runs against the grid's direction, the third
// with it. What does not fit is cut at the outer edge, and no element pokes out of its cell.
import { h } from '../views/dom.js';
import { t } from '../i18n.js';

/** Lines drawn at a time ("Show more" draws the next ones), so no render blocks the page. */
export const CHUNK = 100;

const dirOf = (lang) => (lang === 'ar' ? 'rtl' : 'ltr');
/** `text` isolated in direction `dir` (Unicode isolates: no element needed). */
const isolate = (text, dir) => `${dir === 'rtl' ? '\u2067' : '\u2066'}${text}\u2069`;

/** One concordance line as three grid cells. `open(line, button)` opens its article there. */
function lineCells(line, index, uiDir, open) {
  const dir = dirOf(line.lang);
  const lang = line.lang === 'ar' || line.lang === 'en' ? line.lang : null;
  const text = (side, value) => h('span', { class: 'an-cell an-text', role: 'cell', lang, 'data-content': '', dataset: { side, text: value } }, isolate(value, dir));
  const before = text('before', line.left);
  const after = text('after', line.right);
  const key = h('span', { class: 'an-cell an-key', role: 'cell' },
    h('button', {
      type: 'button', class: 'an-open', dir, lang, 'data-content': '',
      title: t('an.kwic.open', { file: line.file }),
      on: { click: (e) => open(line, e.currentTarget) },
    }, line.keyword));
  // Reading order: the first grid column holds what comes before the keyword only when the
  // line runs in the grid's direction.
  const [first, last] = dir === uiDir ? [before, after] : [after, before];
  first.classList.add('an-near-end');
  last.classList.add('an-near-start');
  return h('div', { class: 'an-line', role: 'row', dataset: { n: String(line.n), file: line.file, lang: line.lang ?? '', index: String(index) } }, first, key, last);
}

/**
 * The concordance grid for `lines` (the first `CHUNK`, then more on request). `uiDir`: the
 * page's direction; `open(line, button)`.
 */
export function kwicGrid(lines, { uiDir, open, label }) {
  const grid = h('div', { class: 'an-kwic', role: 'table', 'aria-label': label },
    h('div', { class: 'an-line an-head', role: 'row' },
      h('span', { class: 'an-cell an-near-end', role: 'columnheader' }, t('an.kwic.context')),
      h('span', { class: 'an-cell an-key', role: 'columnheader' }, t('an.kwic.keyword')),
      h('span', { class: 'an-cell an-near-start', role: 'columnheader' }, t('an.kwic.context'))));
  let drawn = 0;
  const more = h('button', { type: 'button', class: 'button ghost small an-more', hidden: true });
  const draw = () => {
    const next = lines.slice(drawn, drawn + CHUNK);
    grid.append(...next.map((line, k) => lineCells(line, drawn + k, uiDir, open)));
    drawn += next.length;
    more.hidden = drawn >= lines.length;
    more.textContent = t('an.more', { n: Math.min(CHUNK, lines.length - drawn) });
  };
  more.addEventListener('click', () => {
    const from = drawn;
    draw();
    grid.querySelectorAll('.an-open')[from]?.focus();
  });
  draw();
  return h('div', { class: 'an-kwic-wrap' }, grid, more);
}
