// The compare view's alignment, drawn into columns already on screen: the core's entity
// mentions (`Corpus.align`: UTF-16 offsets into each paragraph, the units these strings
// count) become spans; a name found in two or more articles gets one colour in every column
// (Okabe–Ito's palette, readable with the common colour-vision deficiencies, with a lighter
// set for dark mode in views.css) plus a number and an underline style, so colour is never
// the only cue. Hovering or focusing a name marks it in every column; clicking it (or Enter)
// scrolls each other column to the first paragraph that names it. Paragraphs the core
// links are marked together on hover; sentences of translation pairs too. Existing search
// marks stay: spans are cut around them (only text nodes are split).
import { h } from '../views/dom.js';
import { t } from '../i18n.js';

/** Colours in views.css (.ent[data-c="0"] … "7"). */
const COLOURS = 8;

/**
 * Draws `alignment` into `cols` (one `<section>` per article, in `alignment.articles` order).
 * `jump(col)`: called before a column is scrolled to (the narrow view shows it). Returns
 * `{shared}`: how many entities appear in two or more articles.
 */
export function decorate(cols, alignment, { jump }) {
  const arts = alignment.articles;
  // Entities in two or more articles, numbered by first appearance.
  const seen = new Map(); // entity → Set of articles
  arts.forEach((a, i) => a.paragraphs.forEach((p) => p.mentions.forEach((m) => {
    if (!seen.has(m.entity)) seen.set(m.entity, new Set());
    seen.get(m.entity).add(i);
  })));
  const number = new Map();
  for (const [entity, where] of seen) if (where.size > 1) number.set(entity, number.size);
  const sentenceIds = new Map(); // "a.p.s" → link ids
  alignment.sentenceLinks.forEach((l, k) => {
    for (const key of [`${l.a}.${l.pa}.${l.sa}`, `${l.b}.${l.pb}.${l.sb}`]) {
      if (!sentenceIds.has(key)) sentenceIds.set(key, []);
      sentenceIds.get(key).push(k);
    }
  });
  cols.forEach((col, i) => {
    const a = arts[i];
    if (!a) return;
    for (const el of col.querySelectorAll('.article-body p[data-p]')) {
      const p = Number(el.dataset.p);
      const para = a.paragraphs[p];
      if (!para) continue;
      para.sentences.forEach((s, k) => {
        const ids = sentenceIds.get(`${i}.${p}.${k}`);
        if (ids) wrap(el, s.start, s.end, () => h('span', { class: 'sent', 'data-links': ids.join(' ') }));
      });
      for (const m of para.mentions) {
        const n = number.get(m.entity);
        const names = (s) => h('span', n === undefined
          ? { class: 'ent', 'data-ent': m.entity }
          : { class: 'ent ent-shared', 'data-ent': m.entity, 'data-c': n % COLOURS, 'data-u': Math.floor(n / COLOURS) % 3, 'data-n': s ? n + 1 : null, tabindex: s ? '0' : null, role: s ? 'button' : null });
        wrap(el, m.start, m.end, names);
      }
      const linked = alignment.links.filter((l) => (l.a === i && l.pa === p) || (l.b === i && l.pb === p));
      if (linked.length) el.classList.add('para-linked');
    }
  });
  // Names of the shared entities for their labels: the text of the first mention.
  const label = new Map();
  for (const col of cols) {
    for (const el of col.querySelectorAll('.ent-shared[data-n]')) {
      if (!label.has(el.dataset.ent)) label.set(el.dataset.ent, el.textContent);
    }
  }
  for (const col of cols) {
    for (const el of col.querySelectorAll('.ent-shared[data-n]')) {
      const others = cols.filter((c) => c !== col && c.querySelector(`.ent[data-ent="${CSS.escape(el.dataset.ent)}"]`));
      el.setAttribute('aria-label', t('sbs.entity', {
        name: el.textContent,
        where: others.map((c) => c.querySelector('.article-title')?.textContent ?? '').join(' · '),
      }));
    }
  }
  wire(cols, alignment, jump);
  return { shared: number.size };
}

/**
 * Wraps UTF-16 range [start, end) of `el`'s text in elements made by `make(first)` (one per
 * text node the range crosses; `first` for the first piece), splitting text nodes only.
 */
function wrap(el, start, end, make) {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const pieces = [];
  let at = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    const s = Math.max(start, at);
    const e = Math.min(end, at + len);
    if (s < e) pieces.push([node, s - at, e - at]);
    at += len;
    if (at >= end) break;
  }
  pieces.forEach(([node, s, e], k) => {
    let piece = node;
    if (s > 0) piece = piece.splitText(s);
    if (e - s < piece.data.length) piece.splitText(e - s);
    const box = make(k === 0);
    piece.replaceWith(box);
    box.append(piece);
  });
}

/** Hover, focus and click on names, paragraphs and sentences. */
function wire(cols, alignment, jump) {
  const root = cols[0]?.parentElement;
  if (!root || root.dataset.wired) return;
  root.dataset.wired = 'true';
  const on = (selector, cls) => {
    for (const el of root.querySelectorAll(`.${cls}`)) el.classList.remove(cls);
    if (selector) for (const el of root.querySelectorAll(selector)) el.classList.add(cls);
  };
  const entOf = (target) => target.closest?.('.ent-shared');
  const mark = (e) => {
    const ent = entOf(e.target);
    on(ent ? `.ent[data-ent="${CSS.escape(ent.dataset.ent)}"]` : null, 'ent-on');
    const sent = e.target.closest?.('.sent');
    on(sent ? sent.dataset.links.split(' ').map((k) => `.sent[data-links~="${k}"]`).join(',') : null, 'sent-on');
    const p = e.target.closest?.('p[data-p]');
    const col = p?.closest('.sbs-col');
    const current = root.__aligned;
    if (!p || !col || !current) return on(null, 'para-on');
    const i = Number(col.dataset.col);
    const n = Number(p.dataset.p);
    const selectors = [`#sbs-${i} p[data-p="${n}"]`];
    for (const l of current.links) {
      if (l.a === i && l.pa === n) selectors.push(`#sbs-${l.b} p[data-p="${l.pb}"]`);
      if (l.b === i && l.pb === n) selectors.push(`#sbs-${l.a} p[data-p="${l.pa}"]`);
    }
    on(selectors.length > 1 ? selectors.join(',') : null, 'para-on');
  };
  root.__aligned = alignment;
  root.addEventListener('mouseover', mark);
  root.addEventListener('focusin', mark);
  const go = (ent) => {
    const from = ent.closest('.sbs-col');
    const selector = `.ent[data-ent="${CSS.escape(ent.dataset.ent)}"]`;
    for (const col of cols) {
      if (col === from) continue;
      const first = col.querySelector(selector);
      if (!first) continue;
      const narrow = jump(Number(col.dataset.col));
      const p = first.closest('p') ?? first;
      if (col.scrollHeight > col.clientHeight + 1) col.scrollTop += p.getBoundingClientRect().top - col.getBoundingClientRect().top - 8;
      else p.scrollIntoView({ block: 'center' });
      p.classList.remove('para-jump');
      void p.offsetWidth; // restart the flash
      p.classList.add('para-jump');
      first.classList.add('ent-on');
      if (narrow) break; // one article shows at a time: the first other one that names it
    }
  };
  root.addEventListener('click', (e) => {
    const ent = entOf(e.target);
    if (ent) go(ent);
  });
  root.addEventListener('keydown', (e) => {
    const ent = entOf(e.target);
    if (ent && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      go(ent);
    }
  });
}

/**
 * The paragraph element of column `to` aligned with paragraph `p` of column `from` (of
 * `count` paragraphs): the best-scored link; else the nearest earlier linked paragraph's;
 * else the one at the same place in the article's order.
 */
export function alignedParagraph(alignment, from, p, to, count, col) {
  const paras = [...col.querySelectorAll('.article-body p[data-p]')];
  if (!paras.length) return null;
  const byIndex = (n) => paras.find((el) => Number(el.dataset.p) >= n) ?? paras.at(-1);
  for (let q = p; alignment && q >= 0; q--) {
    let best = null;
    for (const l of alignment.links) {
      const hit = l.a === from && l.pa === q && l.b === to ? l.pb : l.b === from && l.pb === q && l.a === to ? l.pa : null;
      if (hit !== null && (!best || l.score > best.score)) best = { pb: hit, score: l.score };
    }
    if (best) return byIndex(best.pb);
  }
  return paras[Math.min(paras.length - 1, Math.round((p / Math.max(1, count)) * paras.length))];
}
