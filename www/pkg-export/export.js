// Table and article files for download: CSV (UTF-8 with a byte-order mark, so spreadsheet
// programs read Arabic correctly), JSON, and an article as plain text. Pure module: the
// worker builds result tables with it, the page articles, the Node tests check it.

/** The byte-order mark that tells Excel and LibreOffice a CSV file is UTF-8. */
export const BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, or starts or
 * ends with a space; quotes doubled. A text starting with = + - @ or a tab is prefixed with
 * an apostrophe so a spreadsheet shows it instead of running it as a formula (CSV injection);
 * numbers are written as numbers.
 */
export function csvField(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file's text: BOM, a header row of `columns[i].label`, one row per object, CRLF line
 * ends. `columns`: `[{key, label}]`.
 */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => csvField(c.label ?? c.key)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A JSON file's text: an array of objects with the columns' keys, in column order. */
export function toJson(columns, rows) {
  const out = rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, row[c.key] ?? null])));
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** An article (`Corpus.get`) as plain text: title, a blank line, paragraphs apart by blank lines. */
export function articleText(a) {
  const paragraphs = a.paragraphs?.length ? a.paragraphs : [a.body ?? ''];
  return `${[a.title ?? '', ...paragraphs].filter((p) => p !== '').join('\n\n')}\n`;
}

/** A file name from free text: letters (any script), digits, dashes; at most 60 characters. */
export function fileNameFrom(text, fallback = 'qarin') {
  const name = String(text ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return name || fallback;
}

/** The columns of a results table: keys are stable (JSON), labels come from the page. */
export const RESULT_COLUMNS = ['rank', 'title', 'lang', 'source', 'outlet', 'author', 'date', 'url', 'score', 'file', 'hash', 'snippet', 'text'];

/** The columns of an ingest report table: each file not added or noted, and why. */
export const REPORT_COLUMNS = ['file', 'status', 'code', 'message'];
