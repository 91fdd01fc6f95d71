// The aligned reader's core through the nodejs wasm build (pkg-node/): Corpus.align(ids)
// gives mention and sentence offsets in the units JavaScript's strings count (UTF-16), so
// `paragraph.slice(start, end)` is the name as written — Arabic, after an emoji (two units)
// too; it links the seeds' English and Arabic reports of the Macron–Rouhani call; it checks
// its arguments; and the time to align the four longest seeds is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { Corpus } = createRequire(import.meta.url)(join(root, 'pkg-node', 'qarin.js'));
const lexicon = readFileSync(join(root, 'data', 'lexicon', 'lexicon.tsv'), 'utf8');

test('offsets are UTF-16 units of each paragraph, emoji and Arabic included', () => {
  const corpus = new Corpus();
  const en = corpus.addText('en.txt', 'Macron and Rouhani\n\n😀 Macron called Rouhani about resolution 2401.\n\nThen 🙂 he called Putin.');
  const ar = corpus.addText('ar.txt', 'ماكرون وروحاني\n\n🙂 اتصل ماكرون بروحاني بشأن القرار ٢٤٠١.\n\nثم 😀 اتصل ببوتين.');
  corpus.loadLexicon(lexicon, null);
  const ids = [en.added[0].id, ar.added[0].id];
  const out = corpus.align(ids, null);
  assert.deepEqual(out.articles.map((a) => a.id), ids);
  const names = out.articles.map((a) => {
    const paragraphs = corpus.get(a.id).paragraphs;
    return a.paragraphs.map((p, i) => p.mentions.map((m) => paragraphs[i].slice(m.start, m.end)));
  });
  assert.deepEqual(names[0], [['Macron', 'Rouhani', 'resolution 2401'], ['Putin']]);
  assert.deepEqual(names[1].map((p) => p.slice(0, 2)), [['ماكرون', 'بروحاني'], ['ببوتين']]);
  // Sentences cover their paragraph's text.
  const text = corpus.get(ids[1]).paragraphs[0];
  const [s] = out.articles[1].paragraphs[0].sentences;
  assert.equal(text.slice(s.start, s.end), text.trim());
  // Paragraph 0 ↔ 0 share Macron, Rouhani and 2401; 1 ↔ 1 share Putin.
  const link = (pa, pb) => out.links.find((l) => l.pa === pa && l.pb === pb);
  assert.ok(link(0, 0).shared.includes('2401'), JSON.stringify(out.links));
  assert.ok(link(1, 1).shared.includes('person:vladimir-putin'), JSON.stringify(out.links));
  assert.ok(out.sentenceLinks.some((l) => l.pa === 1 && l.pb === 1));
});

test('align checks its arguments and needs two articles', () => {
  const corpus = new Corpus();
  const { added } = corpus.addText('a.txt', 'Title\n\nBody text.');
  corpus.loadLexicon(lexicon, null);
  assert.equal(corpus.align([added[0].id], null), null);
  assert.equal(corpus.align([added[0].id, 999], null), null);
  assert.throws(() => corpus.align('0', null), /ids/);
  assert.throws(() => corpus.align(['0', 1], null), /id/);
  assert.throws(() => corpus.align([0, 1], 'x'), /options/);
  assert.throws(() => corpus.align([0, 1, 2, 3, 4, 5, 6, 7, 8], null), /at most/);
});

test('the seeds: the English and Arabic reports of the call are aligned (timed)', () => {
  const corpus = new Corpus();
  const ids = {};
  for (const name of readdirSync(join(root, 'seeds')).sort()) {
    ids[name.slice(0, 3)] = corpus.addBytes(name, readFileSync(join(root, 'seeds', name))).added[0].id;
  }
  corpus.loadLexicon(lexicon, null);
  const pair = corpus.align([ids['000'], ids['001']], null);
  const shared = new Set(pair.links.flatMap((l) => l.shared));
  for (const e of ['person:emmanuel-macron', 'person:hassan-rouhani', 'region:eastern-ghouta']) assert.ok(shared.has(e), e);
  const four = [ids['000'], ids['001'], ids['002'], ids['004']];
  const started = performance.now();
  const runs = 10;
  for (let i = 0; i < runs; i++) corpus.align(four, null);
  console.log(`align 4 seeds (000, 001, 002, 004): ${((performance.now() - started) / runs).toFixed(1)} ms per call in wasm`);
});
