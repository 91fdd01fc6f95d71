// Same-story pairing through the nodejs wasm build (pkg-node/): Corpus.pairs(id, options)
// on the seeds (000, the English report of the Macron–Rouhani call, pairs with 001, the
// Arabic one, first), its argument checks, and — when ../shared/corpus is there — the time
// of one pairing against the 64 Arabic pair articles plus the Arabic corpus (printed; the
// target is under 50 ms per article in wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { Corpus } = createRequire(import.meta.url)(join(root, 'pkg-node', 'qarin.js'));
const shared = join(root, '..', 'shared', 'corpus');

function seeded() {
  const corpus = new Corpus();
  const ids = {};
  for (const name of readdirSync(join(root, 'seeds')).sort()) {
    const report = corpus.addBytes(name, readFileSync(join(root, 'seeds', name)));
    ids[name.slice(0, 3)] = report.added[0].id;
  }
  return { corpus, ids };
}

test('the Arabic report of the call pairs first with the English one', () => {
  const { corpus, ids } = seeded();
  const { candidates } = corpus.pairs(ids['000'], { limit: 3 });
  assert.equal(candidates[0].id, ids['001']);
  assert.match(candidates[0].file, /^001_/);
  assert.ok(candidates[0].shared.includes('Macron'), candidates[0].shared.join(', '));
  assert.ok(candidates.every((c) => c.id !== ids['000']));
  assert.ok(candidates.length <= 3);
  const back = corpus.pairs(ids['001']).candidates;
  assert.equal(back[0].id, ids['000']);
});

const lexicon = readFileSync(join(root, 'data', 'lexicon', 'lexicon.tsv'), 'utf8');

test('linked to the lexicon, the reason names shared entities in the asked script', () => {
  const { corpus, ids } = seeded();
  corpus.loadLexicon(lexicon, null);
  const en = corpus.pairs(ids['000'], { limit: 3, names: 'en' }).candidates;
  assert.equal(en[0].id, ids['001']);
  assert.ok(en[0].shared.includes('Emmanuel Macron'), en[0].shared.join(', '));
  assert.ok(!en[0].shared.includes('Macron'), en[0].shared.join(', '));
  assert.equal(en[0].title, corpus.get(ids['001']).title);
  const ar = corpus.pairs(ids['000'], { limit: 3, names: 'ar' }).candidates;
  assert.ok(ar[0].shared.some((s) => s.includes('ماكرون')), ar[0].shared.join(', '));
});

test('stories groups the two reports of the call, members named by id and file', () => {
  const { corpus, ids } = seeded();
  corpus.loadLexicon(lexicon, null);
  const { stories, total, partial } = corpus.stories({ names: 'en' });
  assert.equal(partial, false);
  assert.ok(total >= 1);
  const call = stories.find((s) => s.en.some((m) => m.id === ids['000']));
  assert.ok(call, JSON.stringify(stories));
  assert.ok(call.ar.some((m) => m.id === ids['001']));
  assert.ok(call.label_en.some((l) => l.includes('Le Drian')), call.label_en.join(', '));
  assert.ok(call.label_ar.some((l) => l.includes('لودريان')), call.label_ar.join(', '));
  assert.throws(() => corpus.stories('x'), /options/);
  // A slice at a time: progress, then the kept stories, the same.
  const options = { names: 'ar' };
  const steps = [];
  for (let step; !(step = corpus.storiesStep(options, 1)).ready;) steps.push(step);
  assert.ok(steps.length >= 1 && steps.every((s) => s.total === corpus.size && s.done < s.total), JSON.stringify(steps));
  const sliced = corpus.stories(options);
  assert.ok(sliced.stories.some((s) => s.en.some((m) => m.id === ids['000']) && s.ar.some((m) => m.id === ids['001'])));
  assert.deepEqual(corpus.storiesStep(options, 1), { done: corpus.size, total: corpus.size, ready: true });
  assert.throws(() => corpus.storiesStep(options, 0), /budget/);
  assert.throws(() => corpus.storiesStep('x', 10), /options/);
});

test('pairsPrepare builds the pairing index a slice at a time, then pairs answers the same', () => {
  const { corpus, ids } = seeded();
  corpus.loadLexicon(lexicon, null);
  const steps = [];
  for (let step; !(step = corpus.pairsPrepare(1)).ready;) steps.push(step);
  // One byte a slice: one article a call; the call that signs the last says ready.
  assert.equal(steps.length, corpus.size - 1);
  assert.deepEqual(steps.map((s) => s.done), steps.map((_, i) => i + 1));
  assert.ok(steps.every((s) => s.total === corpus.size));
  assert.deepEqual(corpus.pairsPrepare(1), { done: corpus.size, total: corpus.size, ready: true });
  assert.equal(corpus.pairs(ids['000'], { limit: 1 }).candidates[0].id, ids['001']);
  assert.throws(() => corpus.pairsPrepare(0), /budget/);
  assert.throws(() => corpus.pairsPrepare('64'), /budget/);
});

test('pairs checks its arguments and answers no candidates for no article', () => {
  const { corpus } = seeded();
  assert.deepEqual(corpus.pairs(12345).candidates, []);
  assert.throws(() => corpus.pairs('0'), /id/);
  assert.throws(() => corpus.pairs(0, 'limit'), /options/);
});

test('one pairing against the Arabic corpus (timed)', { skip: !existsSync(join(shared, 'pairs')) }, () => {
  const corpus = new Corpus();
  const english = [];
  for (const name of readdirSync(join(shared, 'pairs')).sort()) {
    const report = corpus.addBytes(`pairs/${name}`, readFileSync(join(shared, 'pairs', name)));
    if (name.endsWith('_en.txt')) english.push({ name, id: report.added[0].id });
  }
  for (const name of readdirSync(join(shared, 'ar')).sort()) {
    corpus.addBytes(`ar/${name}`, readFileSync(join(shared, 'ar', name)));
  }
  let started = performance.now();
  corpus.pairs(english[0].id, { limit: 5 });
  const first = performance.now() - started;
  let top1 = 0;
  started = performance.now();
  for (const { name, id } of english) {
    const { candidates } = corpus.pairs(id, { limit: 5 });
    if (candidates[0]?.file === `pairs/${name.replace('_en', '_ar')}`) top1 += 1;
  }
  const each = (performance.now() - started) / english.length;
  console.log(`wasm pairs: index built in ${first.toFixed(0)} ms (first call); ` +
    `${each.toFixed(1)} ms per English article in a corpus of ${corpus.size}; top-1 ${top1}/${english.length}`);
  assert.ok(top1 / english.length >= 0.95, `top-1 ${top1}/${english.length}`);
  // Linked to the lexicon: the same, with entities as evidence.
  started = performance.now();
  corpus.loadLexicon(lexicon, null);
  const linking = performance.now() - started;
  started = performance.now();
  corpus.pairs(english[0].id, { limit: 5 });
  const rebuilt = performance.now() - started;
  let linkedTop1 = 0;
  const times = [];
  for (const { name, id } of english) {
    const t0 = performance.now();
    const { candidates } = corpus.pairs(id, { limit: 5 });
    times.push(performance.now() - t0);
    if (candidates[0]?.file === `pairs/${name.replace('_en', '_ar')}`) linkedTop1 += 1;
  }
  times.sort((a, b) => a - b);
  console.log(`wasm pairs, lexicon linked (${linking.toFixed(0)} ms): index rebuilt in ${rebuilt.toFixed(0)} ms; ` +
    `median ${times[times.length >> 1].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms per English article; top-1 ${linkedTop1}/${english.length}`);
  assert.ok(linkedTop1 / english.length >= 0.95, `linked top-1 ${linkedTop1}/${english.length}`);
  started = performance.now();
  const found = corpus.stories({});
  console.log(`wasm stories: ${found.total} stories over ${found.paired} articles in ${(performance.now() - started).toFixed(0)} ms (work ${found.work}, partial ${found.partial})`);
});
