// The worker's results table (EXPORT_RESULTS), loaded the first time results are exported
// (not part of the start-up shell): one row per hit of the whole search, as CSV or JSON.
import { toCsv, toJson, RESULT_COLUMNS } from './export.js';

/**
 * `{blob, rows}` for `result` (every hit of the search `s`, best first); `get(id)` gives an
 * article's fields; `labels`: column key → header in the UI language.
 */
export function exportResults(result, s, format, labels, get) {
  const rows = result.hits.map((hit, k) => {
    const a = get(hit.id);
    return {
      rank: k + 1,
      title: hit.title,
      lang: hit.lang,
      source: a?.outlet ?? a?.agency ?? '',
      outlet: a?.outlet ?? '',
      author: a?.byline ?? '',
      date: a?.date ?? hit.date ?? '',
      url: a?.url ?? '',
      score: String(s?.query ?? '').trim() ? Math.round(hit.score * 1000) / 1000 : null,
      file: hit.file,
      hash: hit.hash,
      snippet: (hit.snippet ?? []).map((seg) => seg.text).join(''),
      // The body only: the title has its own column.
      text: a ? (a.paragraphs ?? []).join('\n\n') : '',
    };
  });
  const columns = RESULT_COLUMNS.map((key) => ({ key, label: labels?.[key] ?? key }));
  const text = format === 'json' ? toJson(columns, rows) : toCsv(columns, rows);
  const type = format === 'json' ? 'application/json' : 'text/csv;charset=utf-8';
  return { blob: new Blob([text], { type }), rows: rows.length };
}
