// How ambiguous the bench's known-item queries are: for each query of one language, how
// many other articles' titles hold every query word (in any of its readings, as Qarin's
// analyzer reads them), and the MRR@10 a ranker would get if it put those equal titles in
// random order (the target's expected reciprocal rank among them). A ceiling check for
// ranking work, not a benchmark of Qarin:
//   node benches/ambiguity.js [ar|en] [SIZE]
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, grownArticles, heldOutQueries, knownItemQueries } from './corpus.js';

const [lang = 'ar', sizeArg = '4387'] = process.argv.slice(2);
const { Corpus } = createRequire(import.meta.url)(join(ROOT, 'pkg-node', 'qarin.js'));
const articles = grownArticles(Number(sizeArg));
const known = knownItemQueries(articles);
const held = heldOutQueries(articles, known);

/** Each content word of `text` as the set of its readings (terms). */
const wordsOf = (text) => Corpus.analyze(text).filter((t) => !t.stop).map((t) => new Set(t.terms));
const titles = new Map();
for (const a of articles) {
  if (a.lang !== lang || a.file.startsWith('copy')) continue;
  const terms = new Set(wordsOf(a.title).flatMap((w) => [...w]));
  titles.set(a.file, { terms, title: a.title, body: a.body });
}

for (const [name, set] of [['bench', known], ['held-out', held]]) {
  const queries = set.filter((q) => q.lang === lang);
  let sum = 0;
  const spread = {};
  for (const q of queries) {
    const words = wordsOf(q.query);
    const target = titles.get(q.target);
    const holdsAll = (t) => words.every((w) => [...w].some((term) => t.terms.has(term)));
    let others = 0;
    for (const [file, t] of titles) {
      // A copy with the target's title and body counts as the target in the bench.
      const twin = t.title === target.title && t.body === target.body;
      if (file !== q.target && !twin && holdsAll(t)) others++;
    }
    const key = holdsAll(target) ? String(Math.min(others, 10)) : 'target lacks a word';
    spread[key] = (spread[key] ?? 0) + 1;
    if (!holdsAll(target)) continue;
    const k = others + 1;
    for (let rank = 1; rank <= Math.min(k, 10); rank++) sum += 1 / rank / k;
  }
  console.log(`${name}: ${queries.length} ${lang} queries; other titles holding every word (10 = 10 or more):`, JSON.stringify(spread));
  console.log(`  MRR@10 with those ties in random order: ${(sum / queries.length).toFixed(3)}`);
}
