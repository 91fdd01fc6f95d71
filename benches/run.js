// `./qarin.sh bench [--quick]`: Qarin (nodejs wasm build, and natively) beside MiniSearch,
// FlexSearch (default and "performance" preset), lunr and Orama on the same articles.
// Each engine and size runs in its own process (benches/engine.js) with
// --max-old-space-size=16384 and a 10-minute cap (DNF when hit). Prints one table.
// --quick: 4.4k articles only. Full: 4.4k, 10k and 100k (100k for Qarin, MiniSearch and
// FlexSearch only). Larger sizes are grown from the real corpus as benches/corpus.js says.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, grownArticles, latencyQueries, realArticles } from './corpus.js';

const quick = process.argv.includes('--quick');
const CAP_MS = 10 * 60 * 1000;
const real = realArticles().length;
const sizes = quick ? [real] : [real, 10_000, 100_000];
const ALL = ['qarin', 'qarin-folded', 'qarin-ids', 'minisearch', 'minisearch-tuned', 'flexsearch-default', 'flexsearch-context', 'flexsearch-fast', 'lunr', 'orama'];
const BIG = ['qarin', 'qarin-folded', 'qarin-ids', 'minisearch', 'minisearch-tuned', 'flexsearch-default', 'flexsearch-context', 'flexsearch-fast'];

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: CAP_MS, maxBuffer: 1 << 26, ...options });
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM') return { dnf: true };
  const line = (r.stdout || '').trim().split('\n').filter((l) => l.startsWith('{')).pop();
  if (r.status !== 0 || !line) return { error: (r.stderr || '').trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(line);
}

const rows = [];
mkdirSync(join(ROOT, 'target'), { recursive: true });
for (const size of sizes) {
  // The native run reads the same query mix from a file.
  const queries = join(ROOT, 'target', `bench-queries-${size}.txt`);
  writeFileSync(queries, latencyQueries(grownArticles(Math.min(size, real))).map((q) => q.query).join('\n') + '\n');
  for (const engine of size > 10_000 ? BIG : ALL) {
    process.stderr.write(`${engine} × ${size.toLocaleString('en')} …\n`);
    const r = run('node', ['--expose-gc', '--max-old-space-size=16384', 'benches/engine.js', engine, String(size)]);
    rows.push({ ...r, engine, size, articles: r.size });
  }
  process.stderr.write(`qarin-native × ${size.toLocaleString('en')} …\n`);
  const native = run('cargo', ['bench', '--quiet', '--bench', 'native', '--', String(size), queries]);
  rows.push({ ...native, engine: 'qarin (native)', size, articles: native.size, raw_bytes: rows.find((x) => x.size === size)?.raw_bytes });
}

const f = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? '–' : Number(x).toFixed(d));
const mb = (x) => (x ? (x / 1e6).toFixed(1) : '–');
const header = ['engine', 'articles', 'build s', '×MiniS', 'q median ms', 'q p95 ms', '×MiniS', 'q/s', 'index MB', 'index/raw', 'memory MB', 'saved MB', 'load s', 'MRR en', 'MRR ar', 'held en', 'held ar'];
const table = [header];
for (const size of sizes) {
  const mini = rows.find((r) => r.size === size && r.engine === 'minisearch');
  for (const r of rows.filter((x) => x.size === size)) {
    if (r.dnf || r.error) {
      table.push([r.engine, size.toLocaleString('en'), r.dnf ? 'DNF' : 'error', '', '', '', '', '', '', '', '', '', '', '', '', '', r.error ? r.error.slice(0, 60) : '']);
      continue;
    }
    const index = r.index_bytes ?? r.heap_bytes;
    table.push([
      r.engine,
      (r.articles ?? size).toLocaleString('en'),
      f(r.build_ms / 1000, 2),
      mini?.build_ms ? f(r.build_ms / mini.build_ms, 2) : '–',
      f(r.query_median_ms, 3),
      f(r.query_p95_ms, 3),
      mini?.query_median_ms ? f(r.query_median_ms / mini.query_median_ms, 2) : '–',
      f(r.queries_per_s, 0),
      mb(index),
      r.raw_bytes && index ? f(index / r.raw_bytes, 2) : r.text_bytes && index ? f(index / r.text_bytes, 2) : '–',
      mb(r.memory_bytes ?? r.heap_bytes),
      mb(r.serialized_bytes),
      r.load_ms === undefined ? '–' : f(r.load_ms / 1000, 2),
      f(r.mrr_en, 3),
      f(r.mrr_ar, 3),
      f(r.mrr_held_en, 3),
      f(r.mrr_held_ar, 3),
    ]);
  }
}
const widths = header.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
for (const row of table) console.log(row.map((c, i) => String(c).padStart(i ? widths[i] : 0).padEnd(i ? 0 : widths[0])).join('  '));
console.log(`
Medians of one timed pass over ${latencyQueries(grownArticles(real)).length} queries after one warm-up pass; p95 likewise.
index MB: Qarin's posting lists, term dictionary and per-article search data (token counts,
word marks, title forms; stored texts excluded); peers: JS heap growth while indexing (they
store no texts). memory MB: Qarin's whole wasm linear memory (texts included, with the free
reserve it grows in steps of up to 128 MB), peers' heap growth. saved MB: Qarin toBytes() (articles and index), MiniSearch/lunr/Orama
JSON, FlexSearch export. load s: Qarin fromBytes(), MiniSearch loadJSON() of that JSON.
MRR@10: 100 known-item queries per language, 2–3 words recalled from a headline, Arabic ones
re-spelled (hamza dropped, ة as ه, a diacritic or tatweel added, ال dropped, و/ب added). An
article with the target's title and body (Qarin: the one it kept in a duplicate's place), or a
copy made to grow the corpus, counts as the target. qarin-folded searches as the page does,
near-duplicates folded into their best match: a hit counts when its group holds the target
(the page lists the group under the hit). qarin-ids answers as the peers do: ids (and titles)
without snippets or facets. held en/ar: the same on a held-out
set (another seed, other targets), never used to tune ranking. Qarin runs with the page's
defaults: the lexicon linked, cross-lingual expansion on, snippets and facets computed
(peers return ids only).
Peers get queries as plain words (no phrase quotes, no prefix star), except that a word* is
a prefix search for MiniSearch (its prefix option) and lunr (its own syntax); FlexSearch and
Orama get the bare word. Qarin builds from the raw
file bytes (decode and cleaning included), peers from pre-split title and body.
Corpus growth: copy k of an article gets " (copy k)" on its title and "qx<k>" after every
50th body word.`);

// Analysis throughput: the analyzer alone over every article's text, natively and in wasm.
{
  const { Corpus } = createRequire(import.meta.url)(join(ROOT, 'pkg-node', 'qarin.js'));
  const native = spawnSync('cargo', ['bench', '--quiet', '--bench', 'analysis'], { cwd: ROOT, encoding: 'utf8' });
  const nativeRates = Object.fromEntries(
    (native.stdout || '').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).map((r) => [r.lang, r.mb_per_s]),
  );
  console.log('\nAnalysis throughput (median of 5 passes over the real corpus)');
  console.log('lang  MB     native MB/s  wasm MB/s  wasm/native');
  for (const lang of ['en', 'ar']) {
    const texts = realArticles().filter((a) => a.lang === lang).map((a) => `${a.title}\n${a.body}`);
    const mbytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
    const rates = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      for (const t of texts) Corpus.countWords(t);
      rates.push(mbytes / ((performance.now() - t0) / 1000));
    }
    rates.sort((a, b) => a - b);
    const wasm = rates[2];
    const nat = nativeRates[lang];
    console.log(`${lang}    ${mbytes.toFixed(1).padStart(4)}  ${f(nat, 1).padStart(11)}  ${f(wasm, 1).padStart(9)}  ${nat ? f(wasm / nat, 2).padStart(11) : '–'}`);
  }
}

// The lexicon's costs (benches/lexicon.js, wasm in Node, the real corpus) and entity
// recognition against the analyzer (benches/entities.rs, native).
{
  process.stderr.write('lexicon …\n');
  const r = run('node', ['--expose-gc', '--max-old-space-size=16384', 'benches/lexicon.js']);
  const ent = spawnSync('cargo', ['bench', '--quiet', '--bench', 'entities'], { cwd: ROOT, encoding: 'utf8' });
  const lines = (ent.stdout || '').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  console.log('\nThe lexicon (wasm in Node unless marked native; medians)');
  const kb = (n) => (n ? `${(n / 1024).toFixed(1)} KiB` : '–');
  if (r.articles) {
    console.log(`download            ${kb(r.lexicon_bytes)} raw, ${kb(r.lexicon_gzip_bytes)} gzip -9 (${r.entities} entities)`);
    console.log(`index ${r.articles} articles  ${f(r.index_ms_plain)} ms without, ${f(r.index_ms_linked)} ms linked (${f(r.index_ms_linked / r.index_ms_plain, 2)}×)`);
    console.log(`parse + link        ${f(r.load_link_ms)} ms onto the indexed corpus (${r.mentions} entity–article pairs)`);
    console.log(`snapshot            ${mb(r.snapshot_bytes_plain)} MB without, ${mb(r.snapshot_bytes_linked)} MB linked`);
    console.log(`name proposals      ${f(r.names_corpus_ms)} ms whole corpus, ${f(r.names_article_ms)} ms one article`);
  } else {
    console.log(`lexicon.js: ${r.error ? r.error.slice(0, 80) : 'no result'}`);
  }
  for (const l of lines.filter((x) => x.lang)) {
    console.log(`recognition ${l.lang} (native)  ${f(l.recognize_mb_per_s, 1)} MB/s vs analyzer ${f(l.analyze_mb_per_s, 1)} MB/s (${f(l.ratio, 2)}×)`);
  }
}

// The corpus tools (benches/stats.js), wasm in Node: the first call builds the forward
// index; each tool then answers a typical request (the most frequent word as the node,
// the whole corpus) several times, whole, then in the page's slices (Corpus.toolsStep):
// their total and the longest slice, the most a newer request or a search waits.
const statsRows = [['tool', 'articles', 'words', 'median ms', 'p95 ms', 'sliced ms', 'slices', 'longest slice ms', 'first call s', 'fwd index MB']];
for (const size of quick ? [real] : [real, 100_000]) {
  process.stderr.write(`tools × ${size.toLocaleString('en')} …\n`);
  const r = run('node', ['--expose-gc', '--max-old-space-size=16384', 'benches/stats.js', String(size)]);
  if (!r.tools) {
    statsRows.push(['(all)', size.toLocaleString('en'), r.dnf ? 'DNF' : 'error', '', '', '', '', '', '', r.error ? r.error.slice(0, 60) : '']);
    continue;
  }
  for (const [tool, t] of Object.entries(r.tools)) {
    const s = t.sliced;
    statsRows.push([tool, r.size.toLocaleString('en'), r.tokens.toLocaleString('en'), f(t.median_ms), f(t.p95_ms), s ? f(s.total_ms) : '', s ? s.slices : '', s ? f(s.max_slice_ms) : '', f(r.build_ms / 1000, 2), mb(r.tools_bytes)]);
  }
}
console.log('');
const statsWidths = statsRows[0].map((_, i) => Math.max(...statsRows.map((row) => String(row[i]).length)));
for (const row of statsRows) console.log(row.map((c, i) => String(c).padStart(i ? statsWidths[i] : 0).padEnd(i ? 0 : statsWidths[0])).join('  '));
