// The benchmark corpus and query set, shared by benches/run.js and benches/engine.js.
//
// Articles: every file of ../shared/corpus/en and ../shared/corpus/ar (about 4,400). Larger
// sizes repeat the set: copy k of an article gets " (copy k)" appended to its title and the
// made-up word "qx<k>" inserted after every 50th body word, so no copy is an exact
// duplicate, the vocabulary grows a little, and term statistics stay realistic.
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = join(ROOT, '..', 'shared', 'corpus');

/** `[{file, lang, bytes, title, body}]` for the real corpus, in a fixed order. */
export function realArticles() {
  const out = [];
  for (const lang of ['en', 'ar']) {
    for (const name of readdirSync(join(SHARED, lang)).sort()) {
      const bytes = readFileSync(join(SHARED, lang, name));
      const lines = bytes.toString('utf8').split(/\r?\n/);
      const title = lines[0].trim();
      const body = lines.slice(1).join('\n').trim();
      out.push({ file: `${lang}/${name}`, lang, bytes, title, body });
    }
  }
  return out;
}

/** `size` articles: the real ones, then deterministic copies. */
export function grownArticles(size) {
  const real = realArticles();
  const out = [];
  for (let i = 0; out.length < size; i++) {
    const a = real[i % real.length];
    const k = Math.floor(i / real.length);
    if (k === 0) {
      out.push(a);
      continue;
    }
    const words = a.body.split(' ');
    const body = words.map((w, j) => (j % 50 === 49 ? `${w} qx${k}` : w)).join(' ');
    const title = `${a.title} (copy ${k})`;
    const text = `${title}\n\n${body}`;
    out.push({ file: `copy${k}/${a.file}`, lang: a.lang, bytes: Buffer.from(text), title, body });
  }
  return out;
}

/** Knuth's MMIX LCG, so the query set never changes. */
export function lcg(seed) {
  let s = BigInt(seed);
  return (n) => {
    s = (s * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number((s >> 33n) % BigInt(n));
  };
}

const EN_STOP = new Set('the a an of to in on for and or but with by at from as is are was were be that this its it after over says said new'.split(' '));
const AR_STOP = new Set('في من على إلى الى عن مع أن ان إن هذا هذه التي الذي بعد قبل'.split(' '));

/** A reader's re-spelling of an Arabic word (one of the variants that happens in practice). */
function respell(word, pick) {
  const options = [];
  if (/[أإآ]/.test(word)) options.push(word.replace(/[أإآ]/g, 'ا'));
  if (word.endsWith('ة')) options.push(word.slice(0, -1) + 'ه');
  if (word.startsWith('ال') && word.length > 4) options.push(word.slice(2));
  if (word.length >= 3 && !/^[وب]/.test(word)) options.push((word.length % 2 ? 'ب' : 'و') + word);
  if (word.length >= 2) options.push(word[0] + '\u064E' + word.slice(1));
  if (word.length >= 4) options.push(word.slice(0, 2) + '\u0640' + word.slice(2));
  return options.length ? options[pick(options.length)] : word;
}

/**
 * Known-item queries as a reader types them: 2–3 content words recalled from a headline
 * (consecutive, skipping stop words), the Arabic ones re-spelled. `[{query, lang, target}]`
 * where `target` is the article's file. The bench reports seed 2026; `HELD_OUT_SEED` draws
 * another set the same way (targets of the first set avoided), never looked at while tuning
 * ranking: a check, not a target.
 */
export function knownItemQueries(articles, perLang = 100, seed = 2026, avoid = new Set()) {
  const pick = lcg(seed);
  const out = [];
  for (const lang of ['en', 'ar']) {
    const pool = articles.filter((a) => a.lang === lang && a.file.indexOf('copy') !== 0);
    const stop = lang === 'en' ? EN_STOP : AR_STOP;
    let tries = 0;
    while (out.filter((q) => q.lang === lang).length < perLang && tries++ < 10000) {
      const a = pool[pick(pool.length)];
      // Words of the headline proper: a trailing site name (" - Region - World - Ahram
      // Online", " | Site") is not something a reader recalls.
      const headline = a.title.split(/ [-|–—] /)[0];
      const words = headline.split(/[\s:،,.«»"'()\-–—|!?؟]+/).filter((w) => w.length >= 3 && !stop.has(w.toLowerCase()));
      if (words.length < 3) continue;
      const n = 2 + pick(2);
      const start = pick(words.length - n + 1);
      let chosen = words.slice(start, start + n);
      if (lang === 'ar') chosen = chosen.map((w) => respell(w, pick));
      if (avoid.has(a.file) || out.some((q) => q.target === a.file)) continue;
      out.push({ query: chosen.join(' '), lang, target: a.file });
    }
  }
  return out;
}

const HELD_OUT_SEED = 4242;

/** The held-out set beside the bench's `known` queries: seed `HELD_OUT_SEED`, other targets. */
export function heldOutQueries(articles, known) {
  return knownItemQueries(articles, 100, HELD_OUT_SEED, new Set(known.map((q) => q.target)));
}

/** The latency mix: known-item queries plus single words, phrases and prefixes. */
export function latencyQueries(articles) {
  const pick = lcg(7);
  const real = articles.filter((a) => a.file.indexOf('copy') !== 0);
  const single = [];
  const phrases = [];
  const prefixes = [];
  while (single.length < 40) {
    const a = real[pick(real.length)];
    const words = a.body.split(/\s+/).filter((w) => /^[\p{L}]{5,}$/u.test(w));
    if (words.length < 10) continue;
    const i = pick(words.length - 1);
    single.push({ kind: 'word', query: words[i] });
    phrases.push({ kind: 'phrase', query: `"${words[i]} ${words[i + 1]}"` });
    prefixes.push({ kind: 'prefix', query: `${words[i].slice(0, 4)}*` });
  }
  return [
    ...single,
    ...phrases.slice(0, 20),
    ...prefixes.slice(0, 20),
    ...knownItemQueries(articles, 60).map((q) => ({ kind: q.lang === 'ar' ? 'arabic variants' : 'words', query: q.query })),
  ];
}
