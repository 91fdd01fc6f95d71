// The corpus tools give the same answer through the native CLI (`qarin freq|kwic|…`) and
// the wasm API (`Corpus.freq`, `Corpus.kwic`, …) for the same sub-corpus: a folder of the
// seeds and some real English and Arabic articles of ../shared/corpus, read by both.
// Needs pkg-node (./qarin.sh build) and the CLI binary (cargo build); skips with a note
// when either, or ../shared, is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, shared, pkg, cli, missing, walk } from './binaries.js';

/** A folder of the seeds and 40 English and 40 Arabic shared articles. */
function makeFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'qarin-stats-'));
  const mixed = join(dir, 'mixed');
  for (const lang of ['en', 'ar']) {
    mkdirSync(join(mixed, lang), { recursive: true });
    const names = readdirSync(join(shared, lang)).filter((n) => n.endsWith('.txt')).sort().slice(0, 40);
    for (const name of names) copyFileSync(join(shared, lang, name), join(mixed, lang, name));
  }
  for (const name of readdirSync(join(root, 'seeds'))) copyFileSync(join(root, 'seeds', name), join(mixed, name));
  return { dir, mixed };
}

/** `value` with every fraction cut to 12 significant digits: wasm's `ln` (Rust's libm) and
 * the platform's may differ in the last bit, so G² can read 27.73991320807623 in one and
 * 27.739913208076224 in the other. Counts and strings compare exactly. */
function rounded(value) {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

function viaCli(mixed, args) {
  const run = spawnSync(cli, [args[0], '--corpus', mixed, ...args.slice(1)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

// [CLI arguments, wasm method, its arguments]: every tool, several option sets.
const cases = [
  [['freq'], 'freq', [{}]],
  [['freq', '--by', 'term', '--stop', '--limit', '50'], 'freq', [{ by: 'term', stop: true, limit: 50 }]],
  [['freq', '--lang', 'ar', '--min', '3'], 'freq', [{ lang: 'ar', min: 3 }]],
  [['freq', '--filter', 'Ghouta OR الغوطة', '--limit', '30'], 'freq', [{ filter: 'Ghouta OR الغوطة', limit: 30 }]],
  [['kwic', 'siege'], 'kwic', ['siege', {}]],
  [['kwic', '--sort', 'R1', '--width', '3', '--limit', '20', 'الغوطة'], 'kwic', ['الغوطة', { sort: 'R1', width: 3, limit: 20 }]],
  [['kwic', '--sort', 'key', '--lang', 'en', 'regime*'], 'kwic', ['regime*', { sort: 'key', lang: 'en' }]],
  [['kwic', '--filter', 'Iran', '--sort', 'L2', '"the regime"'], 'kwic', ['"the regime"', { filter: 'Iran', sort: 'L2' }]],
  [['ngrams', '--n', '2'], 'ngrams', [{ n: 2 }]],
  [['ngrams', '--n', '3', '--min', '1', '--by', 'term', '--lang', 'ar', '--limit', '40'], 'ngrams', [{ n: 3, min: 1, by: 'term', lang: 'ar', limit: 40 }]],
  [['ngrams', '--n', '2', '--min', '1', '--around', 'Assad', '--window', '2,3'], 'ngrams', [{ n: 2, min: 1, around: 'Assad', window: [2, 3] }]],
  [['collocates', 'regime'], 'collocates', ['regime', {}]],
  [['collocates', '--window', '3,2', '--min', '1', '--sort', 'g2', '--stop', '--by', 'term', 'الغوطة'], 'collocates', ['الغوطة', { window: [3, 2], min: 1, sort: 'g2', stop: true, by: 'term' }]],
  [['keyness', '--target', '', '--target-lang', 'en', '--reference', '', '--reference-lang', 'ar', '--limit', '50'], 'keyness', [{ target: { query: '', lang: 'en' }, reference: { query: '', lang: 'ar' }, limit: 50 }]],
  [['keyness', '--target', 'Assad', '--reference', '-Assad', '--lang', 'en', '--cutoff', '3.84'], 'keyness', [{ target: { query: 'Assad', lang: 'en' }, reference: { query: '-Assad', lang: 'en' }, cutoff: 3.84 }]],
  [['dispersion', 'siege OR حصار'], 'dispersion', ['siege OR حصار', {}]],
];

test('the CLI and the wasm API give identical rows for every tool', { skip: missing.length ? `needs ${missing.join(', ')}` : false }, () => {
  const { dir, mixed } = makeFolder();
  try {
    const { Corpus } = createRequire(import.meta.url)(pkg);
    const corpus = new Corpus();
    for (const path of walk(mixed)) corpus.addBytes(path, readFileSync(path));
    for (const [args, method, params] of cases) {
      const native = viaCli(mixed, args);
      const wasm = corpus[method](...params);
      // Not an empty answer compared with an empty one.
      const rows = native.rows ?? native.lines ?? native.articles;
      assert.ok(rows.length > 0, `${args.join(' ')}: no rows`);
      if (method === 'kwic') {
        assert.deepEqual(Object.keys(native.lines[0]), ['file', 'left', 'keyword', 'right', 'id', 'lang', 'n']);
      }
      assert.deepEqual(rounded(wasm), rounded(native), args.join(' '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the wasm API refuses bad options with a message, never a broken instance', { skip: missing.includes('pkg-node (./qarin.sh build)') ? 'needs pkg-node' : false }, () => {
  const { Corpus } = createRequire(import.meta.url)(pkg);
  const corpus = new Corpus();
  corpus.addText('a.txt', 'Title\n\nThe siege of Ghouta went on.');
  assert.throws(() => corpus.kwic('siege', { sort: 'L9' }), /kwic: unknown sort "L9"/);
  assert.throws(() => corpus.kwic('(', {}), /kwic: /);
  assert.throws(() => corpus.freq({ by: 'stem' }), /freq: by must be "form" or "term"/);
  assert.throws(() => corpus.freq('all'), /freq: the options must be an object/);
  assert.throws(() => corpus.kwic(42, {}), /kwic: the query must be a string/);
  // Still alive, and it sees an article added after its first answer.
  assert.equal(corpus.kwic('siege', {}).total, 1);
  corpus.addText('b.txt', 'Other\n\nA siege again.');
  assert.equal(corpus.kwic('siege', {}).total, 2);
  assert.equal(corpus.freq({}).tokens, 9);
});

test('every tool answers in slices (Corpus.toolsStep) as its own method does, with progress', { skip: missing.length ? `needs ${missing.join(', ')}` : false }, () => {
  const { dir, mixed } = makeFolder();
  try {
    const { Corpus } = createRequire(import.meta.url)(pkg);
    const corpus = new Corpus();
    for (const path of walk(mixed)) corpus.addBytes(path, readFileSync(path));
    const read = [];
    for (const [args, method, params] of cases) {
      const [query, options] = params.length === 2 ? params : [undefined, params[0]];
      const stages = new Set();
      let step;
      let slices = 0;
      do {
        step = corpus.toolsStep(method, query, options, 100);
        slices++;
        if (!step.ready) {
          assert.ok(step.done <= step.total && typeof step.stage === 'string', JSON.stringify(step));
          stages.add(step.stage);
        }
        assert.ok(slices < 100_000, `${args.join(' ')}: never ready`);
      } while (!step.ready);
      assert.ok(slices > 1, `${args.join(' ')}: in one slice`);
      assert.deepEqual(step.answer, corpus[method](...params), args.join(' '));
      read.push(stages.has('reading'));
    }
    // The articles are read for the tools by the first request only.
    assert.deepEqual(read, cases.map((_, i) => i === 0));
    assert.throws(() => corpus.toolsStep('tally', undefined, {}, 10), /toolsStep: no tool "tally"/);
    assert.throws(() => corpus.toolsStep('freq', undefined, {}, 0), /toolsStep: the budget must be a positive whole number/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
