// Hostile queries against the wasm core (pkg-node, built by `./qarin.sh build`): a query
// nested thousands deep overflowed the wasm stack, after which the instance and every new
// Corpus were dead. Now it is a clear error and the core answers afterwards. Also the
// page's build choice: `Corpus.needsFullBuild(query)` in the small build (www/pkg).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { Corpus } = createRequire(import.meta.url)(join(root, 'pkg-node', 'qarin.js'));

function seeded() {
  const corpus = new Corpus();
  corpus.addText('a.txt', 'Eastern Ghouta under siege\n\nThe siege of Eastern Ghouta went on.');
  corpus.addText('b.txt', 'Talks in Paris\n\nLe Drian met Iran’s foreign minister.');
  return corpus;
}

const hostile = [
  '('.repeat(2000) + 'Ghouta' + ')'.repeat(2000),
  '('.repeat(10000) + 'Ghouta' + ')'.repeat(10000),
  '-'.repeat(20000) + 'Ghouta',
  'NOT '.repeat(5000) + 'Ghouta',
  'title:('.repeat(2000) + 'Ghouta' + ')'.repeat(2000),
];

test('deep queries are clear errors and the same and a new instance still answer', () => {
  const corpus = seeded();
  for (const query of hostile) {
    const result = corpus.search(query, {});
    assert.equal(result.total, 0);
    assert.equal(result.error?.code, 'query_too_deep', query.slice(0, 20));
    assert.equal(result.error.args.max, '64');
    assert.throws(() => corpus.highlight(0, query, {}), /levels deep/);
    assert.equal(corpus.search('Ghouta', {}).total, 1, 'the same instance answers');
  }
  assert.equal(seeded().search('siege', {}).total, 1, 'a new instance answers');
});

test('long queries are refused with a message, quickly', () => {
  const corpus = seeded();
  const started = Date.now();
  assert.equal(corpus.search('Ghouta '.repeat(150000), {}).error?.code, 'query_too_long');
  assert.equal(corpus.search(Array(5000).fill('w').join(' OR '), {}).error?.code, 'query_too_many_terms');
  assert.ok(Date.now() - started < 5000);
  assert.equal(corpus.search('Ghouta', {}).total, 1);
});

test('a costly regex is cut by its work budget, with partial and a warning code', () => {
  const corpus = seeded();
  corpus.addText('big.txt', 'A long article\n\n' + 'siege Ghouta talks the of and rebels '.repeat(14000));
  const started = Date.now();
  const result = corpus.search('/(.*){1000}/', {});
  assert.ok(Date.now() - started < 10000);
  assert.equal(result.error, undefined);
  assert.equal(result.partial, true);
  assert.deepEqual(result.warnings.map((w) => w.code), ['query_regex_partial']);
  const plain = corpus.search('/Le Dri[a-z]n/', {});
  assert.equal(plain.total, 1);
  assert.equal(plain.partial, undefined);
});

test('needsFullBuild: the full build never needs another; the small one for a lexed regex', async () => {
  for (const q of ['(Ghouta)/si[e]ge/', '/x/', 'a/b', '"x /y/"', '', '(((']) {
    assert.equal(Corpus.needsFullBuild(q), false, q);
  }
  const small = join(root, 'www', 'pkg', 'qarin.js');
  if (!existsSync(small)) return;
  const web = await import(pathToFileURL(small).href);
  web.initSync({ module: readFileSync(join(root, 'www', 'pkg', 'qarin_bg.wasm')) });
  assert.equal(web.Corpus.hasRegex(), false);
  const cases = {
    '(Ghouta)/si[e]ge/': true,
    '/x/': true,
    'Ghouta -/siege/': true,
    'a/b': false,
    '"x /y/"': false,
    'title:/x/': false,
    '/unclosed': false,
    '': false,
  };
  for (const [q, want] of Object.entries(cases)) assert.equal(web.Corpus.needsFullBuild(q), want, q);
  for (const q of hostile) assert.equal(web.Corpus.needsFullBuild(q), false);
  // The small build's deep-query answer, then a search on the same instance.
  // The small build reads no files: its corpus comes as bytes, here the full build's.
  assert.equal(typeof web.Corpus.prototype.addText, 'undefined');
  const full = new Corpus();
  full.addText('a.txt', 'Eastern Ghouta under siege\n\nThe siege went on.');
  const corpus = web.Corpus.fromBytes(full.toBytes());
  for (const q of hostile) assert.equal(corpus.search(q, {}).error?.code, 'query_too_deep');
  assert.equal(corpus.search('Ghouta', {}).total, 1);
});
