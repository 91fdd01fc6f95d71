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
});
