// What the lexicon costs, in the nodejs wasm build on the real corpus (about 4,400 English
// and Arabic articles), in its own process (benches/run.js starts it; or run it alone):
//   node --expose-gc benches/lexicon.js [RUNS]
// Prints one JSON line: the lexicon's download size (raw and gzip -9, as the page fetches
// pkg-lexicon/lexicon-v1.tsv), the time to index the articles without and with a linked
// lexicon, the time to parse and link it onto the indexed corpus (`loadLexicon`: what the
// page pays after start-up and after each change of the user's names), the snapshot bytes
// (`toBytes`) both ways, and the name proposals for the whole corpus and for one article.
// Medians of RUNS (default 3) runs.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { ROOT, realArticles } from './corpus.js';

const require = createRequire(import.meta.url);
const RUNS = Number(process.argv[2] ?? 3);
const { Corpus } = require(join(ROOT, 'pkg-node', 'qarin.js'));
const lexicon = readFileSync(join(ROOT, 'data', 'lexicon', 'lexicon.tsv'), 'utf8');
const articles = realArticles();

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const t = performance.now();
  const value = fn();
  return [performance.now() - t, value];
};

function build(linked) {
  const corpus = new Corpus();
  if (linked) corpus.loadLexicon(lexicon, null);
  for (const a of articles) corpus.addBytes(a.file, a.bytes);
  corpus.shrink();
  return corpus;
}

const out = {
  articles: 0,
  lexicon_bytes: Buffer.byteLength(lexicon),
  lexicon_gzip_bytes: gzipSync(lexicon, { level: 9 }).length,
};
const index = { plain: [], linked: [] };
const link = [];
const names = { corpus: [], article: [] };
for (let run = 0; run < RUNS; run++) {
  const [plainMs, plain] = time(() => build(false));
  index.plain.push(plainMs);
  out.articles = plain.size;
  out.snapshot_bytes_plain = plain.toBytes().length;
  const [linkMs, loaded] = time(() => plain.loadLexicon(lexicon, null));
  link.push(linkMs);
  out.entities = loaded.entities;
  out.mentions = loaded.mentions;
  out.snapshot_bytes_linked = plain.toBytes().length;
  const [corpusMs, proposals] = time(() => plain.proposeNames({ limit: 30 }));
  names.corpus.push(corpusMs);
  out.proposals = proposals.proposals.length;
  out.proposal_alignments = proposals.alignments;
  const first = plain.list({ lang: 'en' })[0];
  names.article.push(time(() => plain.proposeNames({ article: first.id, limit: 30 }))[0]);
  plain.free();
  globalThis.gc?.();
  const [linkedMs, linked] = time(() => build(true));
  index.linked.push(linkedMs);
  linked.free();
  globalThis.gc?.();
}
Object.assign(out, {
  index_ms_plain: Math.round(median(index.plain)),
  index_ms_linked: Math.round(median(index.linked)),
  load_link_ms: Math.round(median(link)),
  names_corpus_ms: Math.round(median(names.corpus)),
  names_article_ms: Math.round(median(names.article)),
  runs: RUNS,
});
console.log(JSON.stringify(out));
