// The corpus tools' pictures as real SVG: a bar chart of top words, a trend chart of relative
// frequency by month, and a dispersion plot (one strip per article, a tick at each match).
// Colours come from the page's theme variables (light and dark); in the Arabic UI the
// pictures are mirrored (bars grow from the right, time runs right to left). Every mark
// that carries a number is focusable and names it: a <title> (shown on hover), an
// aria-label, and the readout line under the picture, filled on hover and on focus.
import { h } from '../views/dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** text-anchor that puts a text's `edge` ("left" | "right") at x, for text of direction `dir`. */
const anchor = (edge, dir) => ((edge === 'right') === (dir === 'rtl') ? 'start' : 'end');

/** A mark that tells its number: hover (title), focus (readout), screen readers (aria-label). */
function mark(el, text, readout) {
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', text);
  el.setAttribute('class', `${el.getAttribute('class') ?? ''} an-mark`.trim());
  el.prepend(s('title', {}, text));
  const show = () => { readout.textContent = text; };
  el.addEventListener('focus', show);
  el.addEventListener('mouseenter', show);
  return el;
}

/** The figure around a picture: the SVG, a caption, and the readout line. */
function figure(svg, caption, readout, cls) {
  return h('figure', { class: `an-chart ${cls}` }, svg, h('figcaption', {}, caption), readout);
}

const readoutLine = (hint) => h('p', { class: 'an-readout', 'aria-live': 'polite' }, hint);

/**
 * Horizontal bars: `items` [{label, value, text}] (largest first), `label` in its own
 * language (`lang`, `dir` per item). `rtl`: bars grow from the right.
 */
export function barChart(items, { caption, hint, rtl }) {
  const readout = readoutLine(hint);
  const W = 640;
  const row = 22;
  const labelW = 150;
  const H = items.length * row + 8;
  const max = Math.max(1, ...items.map((i) => i.value));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'an-svg', role: 'group', 'aria-label': caption, });
  items.forEach((item, k) => {
    const y = 4 + k * row;
    const len = Math.max(1, ((W - labelW - 70) * item.value) / max);
    const x = rtl ? W - labelW - len : labelW;
    const labelX = rtl ? W - labelW + 6 : labelW - 6;
    const g = s('g', { class: 'an-bar' },
      s('text', { x: labelX, y: y + 15, 'text-anchor': anchor(rtl ? 'left' : 'right', item.dir), direction: item.dir === 'rtl' ? 'rtl' : 'ltr', class: 'an-label', 'data-content': '' }, item.label),
      s('rect', { x, y: y + 3, width: len, height: row - 7, rx: 2, class: 'an-fill' }),
      s('text', { x: rtl ? x - 6 : x + len + 6, y: y + 15, 'text-anchor': rtl ? 'end' : 'start', class: 'an-value' }, item.valueText),
    );
    svg.append(mark(g, item.text, readout));
  });
  return figure(svg, caption, readout, 'an-bars');
}

/** Columns by month: `months` [{month, value, text, label}] in time order. */
export function trendChart(months, { caption, hint, rtl, axis }) {
  const readout = readoutLine(hint);
  const W = 640;
  const H = 180;
  const top = 14;
  const bottom = 34;
  const side = 44;
  const max = Math.max(...months.map((m) => m.value), 0) || 1;
  const step = (W - 2 * side) / Math.max(1, months.length);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'an-svg', role: 'group', 'aria-label': caption, });
  const base = H - bottom;
  svg.append(s('line', { x1: side, x2: W - side, y1: base, y2: base, class: 'an-axis' }));
  svg.append(s('text', { x: rtl ? W - 4 : 4, y: top, 'text-anchor': rtl ? 'end' : 'start', class: 'an-value' }, axis(max)));
  const every = Math.max(1, Math.ceil(months.length / 8)); // month labels that fit
  months.forEach((m, k) => {
    const hgt = ((base - top - 6) * m.value) / max;
    const slot = rtl ? W - side - (k + 1) * step : side + k * step;
    const rect = s('rect', { x: slot + step * 0.15, y: base - hgt, width: Math.max(1, step * 0.7), height: Math.max(0, hgt), class: 'an-fill' });
    const g = s('g', { class: 'an-month' }, s('rect', { x: slot, y: top, width: step, height: base - top, class: 'an-hit' }), rect);
    svg.append(mark(g, m.text, readout));
    if (k % every === 0) svg.append(s('text', { x: slot + step / 2, y: H - 12, 'text-anchor': 'middle', class: 'an-label' }, m.label));
  });
  return figure(svg, caption, readout, 'an-trend');
}

/**
 * One strip per article with a tick at each match (its place in the article, 0 to 1);
 * `articles` [{label, positions, text, dir}]. `rtl`: an article's start is on the right.
 */
export function dispersionPlot(articles, { caption, hint, rtl }) {
  const readout = readoutLine(hint);
  const W = 640;
  const row = 18;
  const labelW = 170;
  const H = articles.length * row + 6;
  const plotW = W - labelW - 8;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'an-svg', role: 'group', 'aria-label': caption, });
  articles.forEach((a, k) => {
    const y = 3 + k * row;
    const x0 = rtl ? 4 : labelW;
    const g = s('g', { class: 'an-strip' },
      s('text', { x: rtl ? W - 4 : labelW - 6, y: y + 12, 'text-anchor': anchor('right', a.dir), direction: a.dir === 'rtl' ? 'rtl' : 'ltr', class: 'an-label', 'data-content': '' }, a.label),
      s('rect', { x: x0, y: y + 2, width: plotW, height: row - 4, class: 'an-track' }),
      // All of a strip's ticks are one path (a line each was thousands of elements for a
      // frequent word at 100k articles, 20-40 ms of drawing).
      a.positions.length ? s('path', {
        d: a.positions.map((p) => `M${(x0 + (rtl ? 1 - p : p) * plotW).toFixed(1)} ${y + 2}v${row - 4}`).join(''),
        class: 'an-tick',
        'data-ticks': a.positions.length,
      }) : null,
    );
    svg.append(mark(g, a.text, readout));
  });
  return figure(svg, caption, readout, 'an-dispersion');
}
