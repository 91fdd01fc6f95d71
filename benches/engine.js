// One engine on one corpus size, in its own process (benches/run.js starts it):
//   node --expose-gc --max-old-space-size=16384 benches/engine.js ENGINE SIZE
// Prints one JSON line: build time, query latencies, memory, serialized size, MRR@10.
// MISSES=ar (or en) also lists, on stderr, that language's known-item queries whose target
// is not first (the query, the target's rank, -1 past the hits, and the first hit).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { ROOT, grownArticles, heldOutQueries, knownItemQueries, latencyQueries } from './corpus.js';

const require = createRequire(import.meta.url);
const [engineName, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg);

function heap() {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

/** Peers get the query as plain words: no phrase quotes, no prefix star (see the README). */
const plain = (q) => q.replace(/["*]/g, ' ').trim();
/** The words of `q` written with a trailing star, lowercased: MiniSearch searches them as prefixes. */
const starred = (q) => new Set([...q.matchAll(/([\p{L}\p{N}]+)\*/gu)].map((m) => m[1].toLowerCase()));

// Each engine: build(articles) → {search(query) → [file, ...] best first, bytes()}.
const engines = {
  /**
   * With the page's defaults: the lexicon linked before any article (as the page links it
   * at start-up), cross-lingual expansion on. With `fold`, as the page searches:
   * near-duplicates shown once, at their best match. With `idsOnly`, as the peers answer:
   * hits without snippets, no facets.
   */
  qarin(fold = false, idsOnly = false) {
    const { Corpus } = require(join(ROOT, 'pkg-node', 'qarin.js'));
    const corpus = new Corpus();
    // QARIN_LEXICON=0: without it, to see what linking and expansion cost.
    if (process.env.QARIN_LEXICON !== '0') corpus.loadLexicon(readFileSync(join(ROOT, 'data', 'lexicon', 'lexicon.tsv'), 'utf8'), null);
    const files = [];
    const ids = new Map();
    const kept = new Map();
    return {
      add(a) {
        const r = corpus.addBytes(a.file, a.bytes);
        for (const x of r.added) {
          files[x.id] = x.file;
          ids.set(x.file, x.id);
        }
        // A file skipped as a duplicate is found as the article it duplicates.
        for (const w of r.warnings) if (w.code === 'duplicate_of') kept.set(a.file, w.args.file);
      },
      keptAs: (file) => kept.get(file),
      finish: () => corpus.shrink(),
      search: (q) => corpus.search(q, { limit: 10, fold, ...(idsOnly ? { snippets: false, facets: false } : {}) }).hits.map((h) => h.file),
      // A folded hit stands for its near-duplicates too: the page lists them under it.
      group: fold ? (file) => corpus.list({ similarTo: ids.get(file) }).map((a) => a.file) : undefined,
      bytes: () => corpus.toBytes().length,
      load() {
        const bytes = corpus.toBytes();
        const t = performance.now();
        Corpus.fromBytes(bytes).free();
        return performance.now() - t;
      },
      memory: () => {
        const s = corpus.stats();
        return { index_bytes: s.index_bytes, memory_bytes: s.memory_bytes, text_bytes: s.text_bytes };
      },
    };
  },
  'qarin-folded'() {
    return engines.qarin(true);
  },
  'qarin-ids'() {
    return engines.qarin(false, true);
  },
  minisearch() {
    return minisearch();
  },
  'minisearch-tuned'() {
    return minisearch({ fuzzy: 0.2, boost: { title: 2 } });
  },
  'flexsearch-default'() {
    return flex({});
  },
  /** FlexSearch's contextual index (depth 2, both directions), searched with `suggest` (partial matches kept). */
  'flexsearch-context'() {
    return flex({ context: { depth: 2, bidirectional: true } }, { suggest: true });
  },
  'flexsearch-fast'() {
    return flex({ preset: 'performance' });
  },
  lunr() {
    const lunr = require('lunr');
    const docs = [];
    let index = null;
    return {
      add: (a) => docs.push({ file: a.file, title: a.title, body: a.body }),
      finish() {
        index = lunr(function () {
          this.ref('file');
          this.field('title');
          this.field('body');
          for (const d of docs) this.add(d);
        });
        docs.length = 0;
      },
      search(q) {
        try {
          // lunr reads `word*` as a prefix itself.
          return index.search(q.replace(/"/g, ' ').trim()).slice(0, 10).map((r) => r.ref);
        } catch {
          return [];
        }
      },
      bytes: () => JSON.stringify(index).length,
    };
  },
  async orama() {
    const { create, insertMultiple, search, save } = await import('@orama/orama');
    const db = create({ schema: { file: 'string', title: 'string', body: 'string' } });
    const batch = [];
    return {
      add: (a) => batch.push({ file: a.file, title: a.title, body: a.body }),
      async finish() {
        await insertMultiple(db, batch, 1000);
        batch.length = 0;
      },
      async search(q) {
        const r = await search(db, { term: plain(q), properties: ['title', 'body'], limit: 10 });
        return r.hits.map((h) => h.document.file);
      },
      bytes: () => JSON.stringify(save(db)).length,
    };
  },
};

/** MiniSearch over title and body; `searchOptions` as MiniSearch takes them (fuzzy, boost...). */
function minisearch(searchOptions = {}) {
  const MiniSearch = require('minisearch');
  const index = new MiniSearch({ fields: ['title', 'body'], idField: 'file', searchOptions });
  return {
    add: (a) => index.add({ file: a.file, title: a.title, body: a.body }),
    search(q) {
      // Its own prefix search for `word*`: given the bare word it would look for that word only.
      const prefixes = starred(q);
      const options = prefixes.size ? { prefix: (term) => prefixes.has(term) } : {};
      return index.search(plain(q), options).slice(0, 10).map((r) => r.id);
    },
    bytes: () => JSON.stringify(index).length,
    load() {
      const json = JSON.stringify(index);
      const t = performance.now();
      MiniSearch.loadJSON(json, { fields: ['title', 'body'], idField: 'file', searchOptions });
      return performance.now() - t;
    },
  };
}

/** FlexSearch's flat index over title and body; `searchOptions` for each search (suggest...). */
function flex(options, searchOptions = {}) {
  const { Index } = require('flexsearch');
  const index = new Index(options);
  const files = [];
  return {
    add(a) {
      index.add(files.length, `${a.title}\n${a.body}`);
      files.push(a.file);
    },
    search: (q) => index.search(plain(q), { limit: 10, ...searchOptions }).map((i) => files[i]),
    bytes() {
      let n = 0;
      index.export((key, data) => {
        n += key.length + (data ? String(data).length : 0);
      });
      return n;
    },
  };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function main() {
  const articles = grownArticles(size);
  const known = knownItemQueries(articles);
  const mix = latencyQueries(articles);
  const before = heap();
  const engine = await engines[engineName]();
  const t0 = performance.now();
  for (const a of articles) engine.add(a);
  await engine.finish?.();
  const buildMs = performance.now() - t0;
  const memory = engine.memory ? engine.memory() : { heap_bytes: heap() - before };

  for (const q of mix) await engine.search(q.query); // warm-up
  const times = [];
  const t1 = performance.now();
  for (const q of mix) {
    const s = performance.now();
    await engine.search(q.query);
    times.push(performance.now() - s);
  }
  const totalMs = performance.now() - t1;

  // An article with the same title and body as the target (the corpus has a few), or a
  // copy of it made to grow the corpus, is as good a find as the target, for every engine.
  const byTitle = new Map();
  for (const a of articles) {
    if (!byTitle.has(a.title)) byTitle.set(a.title, []);
    byTitle.get(a.title).push(a);
  }
  const found = (q) => {
    const target = articles.find((a) => a.file === q.target);
    const twins = new Set(byTitle.get(target.title).filter((a) => a.body === target.body).map((a) => a.file));
    const kept = engine.keptAs?.(q.target);
    if (kept) twins.add(kept);
    const is = (file) => twins.has(file) || twins.has(file.replace(/^copy\d+\//, ''));
    return (file) => is(file) || (engine.group?.(file) ?? []).some(is);
  };
  const mrr = {};
  const heldOut = heldOutQueries(articles, known);
  for (const [key, set] of [['', known], ['held_', heldOut]]) {
    for (const lang of ['en', 'ar']) {
      const qs = set.filter((q) => q.lang === lang);
      let sum = 0;
      for (const q of qs) {
        const hits = await engine.search(q.query);
        const rank = hits.findIndex(found(q));
        if (rank >= 0 && rank < 10) sum += 1 / (rank + 1);
        if (process.env.MISSES === lang && rank !== 0) {
          console.error(JSON.stringify({ set: key || 'bench', query: q.query, rank, target: q.target, first: hits[0] }));
        }
      }
      mrr[key + lang] = sum / qs.length;
    }
  }
  const raw = articles.reduce((n, a) => n + Buffer.byteLength(a.title) + Buffer.byteLength(a.body), 0);
  const result = {
    engine: engineName,
    size: articles.length,
    raw_bytes: raw,
    build_ms: buildMs,
    query_median_ms: median(times),
    query_p95_ms: p95(times),
    queries_per_s: mix.length / (totalMs / 1000),
    serialized_bytes: engine.bytes(),
    load_ms: engine.load?.(),
    mrr_en: mrr.en,
    mrr_ar: mrr.ar,
    mrr_held_en: mrr.held_en,
    mrr_held_ar: mrr.held_ar,
    ...memory,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${engineName}: ${e.stack}\n`);
  process.exit(1);
});
