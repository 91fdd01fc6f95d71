// The worker's side of the corpus tools (Request.ANALYZE), loaded the first time a tool runs
// (not part of the start-up shell). The tools are in the full wasm build only: the first
// request switches the worker to it (worker/build.js). The counting is the core's
// (Corpus.kwic, freq, ngrams, collocates, keyness, dispersion); here only the request is
// made, the answer is ordered and cut as the settings say (tools.js), article ids become
// content hashes, and exports become CSV or JSON files.
//
//   ANALYZE {seq, tool, settings, sub, format?, table?, labels?}
//     → {seq, tool, tables: {name: {rows, total}}, info, sub: {docs, tokens}, timing}
//       (each table's first SHOWN rows; `total` its whole length), or with `format`
//       ("csv" | "json") → {blob, rows}: table `table` whole; or {superseded: true} when a
//       newer request came in before this one started; a bad query fails with the core's
//       message.
//
// Superseded requests: wasm calls run one at a time, so while one runs the next requests
// wait in the message queue. Each request first yields one task, which lets every request
// already queued arrive; a request that is no longer the newest then answers at once.
import { Event } from '../protocol.js';
import { w, hashOf, nextTask } from '../worker/state.js';
import { useFullBuild } from '../worker/build.js';
import { toCsv, toJson } from '../pkg-export/export.js';
import { apiRequest, tables, columnsOf, subOptions, SHOWN, KWIC_SHOWN } from './tools.js';

let newest = 0;

/**
 * Work per slice of a request (Corpus.toolsStep's units: a word counted, ~10 ns of wasm; a
 * word read for the forward index costs 32): some 10 to 30 ms, so a newer request or a
 * search waits no longer than that.
 */
const SLICE_UNITS = 1_000_000;

/** Milliseconds since the epoch, comparable between the worker and the page (benches). */
const clock = () => performance.timeOrigin + performance.now();

export async function analyze({ seq = 0, tool, settings, sub, format, table, labels }) {
  const timing = { start: clock() };
  newest = Math.max(newest, seq);
  await useFullBuild();
  await nextTask();
  if (seq < newest && !format) return { superseded: true };
  // A request is answered in slices (Corpus.toolsStep): the first one (and the first after
  // an upload) also reads the articles for the tools. Between slices the worker posts
  // progress and hears other messages: a newer request stops this one, a search is
  // answered at once. An export runs whole: two requests stepping by turns would each
  // restart the other.
  const { method, query, options } = apiRequest(tool, settings, sub ?? {}, { all: !!format });
  const corpus = w.corpus;
  let answer;
  if (format) {
    timing.prepared = clock();
    answer = query === null ? corpus[method](options) : corpus[method](query, options);
  } else {
    timing.prepared = clock();
    for (;;) {
      const step = corpus.toolsStep(method, query ?? undefined, options, SLICE_UNITS);
      if (step.stage === 'reading') timing.prepared = clock(); // the articles read so far
      if (step.ready) {
        answer = step.answer;
        break;
      }
      self.postMessage({ type: Event.TOOLS, seq, stage: step.stage, step: step.step, done: step.done, total: step.total });
      await nextTask();
      if (seq < newest) return { superseded: true };
    }
  }
  timing.core = clock();
  if (Array.isArray(answer.warnings) && answer.warnings.length && !answer.lines && !answer.rows && !answer.articles) {
    throw new Error(answer.warnings.map((x) => x.message ?? String(x)).join('; '));
  }
  for (const line of answer.lines ?? []) line.hash = hashOf.get(line.id) ?? null;
  for (const a of answer.articles ?? []) a.hash = hashOf.get(a.id) ?? null;
  const all = tables(tool, settings, answer);
  if (format) {
    const rows = all[table] ?? [];
    const columns = columnsOf(table).map((key) => ({ key, label: labels?.[key] ?? key }));
    const flat = rows.map((r) => (r.positions ? { ...r, positions: undefined } : r));
    const body = format === 'json' ? toJson(columns, flat) : toCsv(columns, flat);
    return { blob: new Blob([body], { type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8' }), rows: rows.length };
  }
  const shown = tool === 'kwic' ? KWIC_SHOWN : SHOWN;
  const out = {};
  for (const [name, rows] of Object.entries(all)) out[name] = { rows: rows.slice(0, shown), total: rows.length };
  if (tool === 'kwic') out.kwic.total = answer.total;
  const info = { ...answer };
  for (const key of ['lines', 'rows', 'articles', 'months']) delete info[key];
  // Keyness names its own two sub-corpora's sizes (target_tokens, reference_tokens).
  const size = tool === 'keyness' ? null : subSize(answer, sub ?? {});
  timing.sent = clock();
  return { seq, tool, tables: out, info, sub: size, timing };
}

/**
 * The sub-corpus's articles and tokens, for the caption every table carries: from the answer
 * when the tool counts them, else from the article lengths (no counting pass).
 */
function subSize(answer, sub) {
  if (Number.isFinite(answer.tokens) && Number.isFinite(answer.docs)) return { docs: answer.docs, tokens: answer.tokens };
  return w.corpus.toolsSize(subOptions(sub));
}
