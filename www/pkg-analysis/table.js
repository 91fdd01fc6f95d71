// The corpus tools' tables: one <table> per result with headers that say their formula
// (an <abbr title>), optional sortable columns, a "Show more" for long tables, and CSV and
// JSON export buttons (the worker builds the whole table as a file). Cells are text nodes:
// words from the articles carry their own direction and language.
import { h } from '../views/dom.js';
import { t, uiLang } from '../i18n.js';

const formats = new Map();

/**
 * `n` for the UI language with `digits` fraction digits, as i18n.js's fmtNumber writes it,
 * with one Intl.NumberFormat per language and precision (toLocaleString makes one per call:
 * tens of milliseconds for a table).
 */
export function num(n, digits = 0) {
  const key = `${uiLang()}:${digits}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(uiLang() === 'ar' ? 'ar-u-nu-latn' : 'en', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return formats.get(key).format(n);
}

/** Rows drawn at a time. */
const CHUNK = 50;

/** Column keys holding words from the articles (shown in their own direction). */
const WORDS = new Set(['word', 'term', 'ngram', 'file', 'left', 'keyword', 'right']);
/** Columns of numbers (aligned at the end). */
const NUMBERS = new Set(['rank', 'freq', 'docs', 'per_million', 'f_xy', 'f_y', 'logdice', 'mi', 't', 'g2', 'target_freq', 'reference_freq', 'log_ratio', 'pct_diff', 'hits', 'tokens', 'n']);
/** Columns with fractions, and their digits. */
const DIGITS = { per_million: 1, logdice: 2, mi: 2, t: 2, g2: 2, log_ratio: 2, pct_diff: 1 };
/** Technical column names, the same in both UI languages (their meaning is in the title). */
export const SYMBOLS = { logdice: 'logDice', mi: 'MI', t: 'T', g2: 'G²', log_ratio: 'Log Ratio', pct_diff: '%DIFF', f_xy: 'O₁₁', f_y: 'f(y)' };

/**
 * A cell's content for `key` of `row`. `data-label` names the column on a phone, where each
 * row is a small card of labelled values (analysis.css).
 */
function cell(key, row, labels) {
  const v = row[key];
  const attrs = { 'data-label': labels[key] };
  if (typeof v === 'number') return h('td', { ...attrs, class: 'an-num' }, num(v, DIGITS[key] ?? 0));
  if (WORDS.has(key)) return h('td', attrs, h('bdi', { dir: 'auto', 'data-content': '' }, v ?? ''));
  if (key === 'key') return h('td', attrs, t(`an.keyness.${v}`));
  return h('td', attrs, v ?? '');
}

/** A column header: its name, and what it counts or the formula it uses. */
export function header(key) {
  const title = t(`an.col.${key}.help`, {}, ' ');
  const name = SYMBOLS[key]
    ? h('abbr', { title: `${t(`an.col.${key}`)}: ${title}`, translate: 'no', 'data-content': '' }, SYMBOLS[key])
    : title.trim() ? h('abbr', { title }, t(`an.col.${key}`)) : t(`an.col.${key}`);
  return name;
}

/**
 * A table of `rows` under `columns` (keys); `total` rows exist (the worker sent the first
 * ones). `sort`: `{key, keys, set(key)}` makes those columns' headers buttons ordering the
 * table (descending); `exportAs(format)` offers the whole table as a file.
 */
export function dataTable({ name, label, columns, rows, total, sort, exportAs }) {
  const head = h('tr', {}, columns.map((key) => {
    const content = header(key);
    if (!sort?.keys.includes(key)) return h('th', { scope: 'col', class: NUMBERS.has(key) ? 'an-num' : null }, content);
    const active = sort.key === key;
    return h('th', { scope: 'col', class: 'an-num', 'aria-sort': active ? 'descending' : 'none' },
      h('button', { type: 'button', class: 'an-sort', 'aria-pressed': String(active), title: t('an.sortBy'), on: { click: () => sort.set(key) } }, content, active ? ' ▼' : ''));
  }));
  const body = h('tbody');
  const labels = Object.fromEntries(columns.map((key) => [key, SYMBOLS[key] ?? t(`an.col.${key}`)]));
  const table = h('table', { class: 'an-table', dataset: { table: name } }, h('caption', { class: 'visually-hidden' }, label), h('thead', {}, head), body);
  let drawn = 0;
  const more = h('button', { type: 'button', class: 'button ghost small an-more', hidden: true });
  const draw = () => {
    const next = rows.slice(drawn, drawn + CHUNK);
    body.append(...next.map((row) => h('tr', {}, columns.map((key) => cell(key, row, labels)))));
    drawn += next.length;
    more.hidden = drawn >= rows.length;
    more.textContent = t('an.more', { n: Math.min(CHUNK, rows.length - drawn) });
  };
  more.addEventListener('click', draw);
  draw();
  return h('div', { class: 'an-table-block', dataset: { table: name } },
    h('div', { class: 'an-table-head' },
      h('p', { class: 'an-count' }, total > rows.length ? t('an.rowsOf', { shown: rows.length, total }) : t('an.rows', { n: total })),
      exportBar(name, exportAs)),
    h('div', { class: 'an-scroll' }, table),
    more);
}

/** CSV and JSON buttons for table `name`. */
export function exportBar(name, exportAs) {
  if (!exportAs) return null;
  return h('span', { class: 'an-export', role: 'group', 'aria-label': t('an.export') },
    h('button', { type: 'button', class: 'button ghost small', dataset: { export: 'csv', table: name }, on: { click: () => exportAs('csv') } }, t('results.csv')),
    h('button', { type: 'button', class: 'button ghost small', dataset: { export: 'json', table: name }, on: { click: () => exportAs('json') } }, t('results.json')));
}
