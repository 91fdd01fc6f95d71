// The wasm class against callers that pass the wrong things (issue 12, API misuse): every
// wrong argument is a clear Error naming the method, thrown before any work, and the same
// instance (and a new one) still answers afterwards. Before the checks, addText(Symbol())
// left the instance broken ("memory access out of bounds") and addBytes('n', {length: 1e9})
// copied a billion undefined values into wasm memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { Corpus } = createRequire(import.meta.url)(join(root, 'pkg-node', 'qarin.js'));

const TEXT = 'Talks on Ghouta\n\nMacron and Rouhani spoke about the Ghouta siege in Syria.';

function answers(corpus) {
  assert.equal(corpus.search('Ghouta', {}).total, 1);
  assert.equal(corpus.search('Ghouta').total, 1, 'options may be left out');
  assert.equal(corpus.size, 1);
}

/** `call` throws an Error whose message names `method` and matches `want`. */
function refuses(call, method, want) {
  assert.throws(call, (e) => {
    assert.ok(e instanceof Error, `an Error, not ${typeof e}`);
    assert.match(e.message, new RegExp(`^${method}: `));
    assert.match(e.message, want);
    return true;
  });
}

test('wrong argument types are clear errors and the instance still answers', () => {
  const corpus = new Corpus();
  corpus.addText('a.txt', TEXT);
  answers(corpus);

  const notText = [Symbol('s'), 42, null, undefined, {}, ['a'], 10n, () => 'x'];
  for (const bad of notText) {
    refuses(() => corpus.addText(bad, TEXT), 'addText', /name must be a string/);
    refuses(() => corpus.addText('b.txt', bad), 'addText', /text must be a string/);
    refuses(() => corpus.search(bad, {}), 'search', /query must be a string/);
    refuses(() => corpus.highlight(0, bad, {}), 'highlight', /query must be a string/);
    refuses(() => Corpus.analyze(bad), 'analyze', /text must be a string/);
    refuses(() => Corpus.countWords(bad), 'countWords', /text must be a string/);
    answers(corpus);
  }
  refuses(() => corpus.addText(Symbol('s'), TEXT), 'addText', /not symbol/);

  const started = Date.now();
  const notBytes = [{ length: 1e9 }, { length: 3, 0: 1, 1: 2, 2: 3 }, 'text', [1, 2, 3], 7, null, undefined, Symbol('b'), new Uint16Array(4)];
  for (const bad of notBytes) {
    refuses(() => corpus.addBytes('n.txt', bad), 'addBytes', /bytes must be a Uint8Array or an ArrayBuffer/);
    refuses(() => Corpus.fromBytes(bad), 'fromBytes', /bytes must be/);
    refuses(() => Corpus.readsFile('n.txt', bad), 'readsFile', /bytes must be/);
    answers(corpus);
  }
  assert.ok(Date.now() - started < 5000, 'refused at once, not after copying');

  for (const bad of ['x', -1, 1.5, NaN, 2 ** 32, null, undefined, {}, Symbol('i')]) {
    refuses(() => corpus.get(bad), 'get', /id must be a whole number/);
    refuses(() => corpus.remove(bad), 'remove', /id must be a whole number/);
    refuses(() => corpus.highlight(bad, 'Ghouta', {}), 'highlight', /id must be a whole number/);
    answers(corpus);
  }
  for (const bad of ['limit=5', 5, true, [1], Symbol('o'), () => 1]) {
    refuses(() => corpus.search('Ghouta', bad), 'search', /options must be an object/);
    refuses(() => corpus.list(bad), 'list', /options must be an object/);
    answers(corpus);
  }
  // A new instance works too.
  const fresh = new Corpus();
  fresh.addText('a.txt', TEXT);
  answers(fresh);
});

test('every accepted form of the arguments still works', () => {
  const corpus = new Corpus();
  const bytes = new TextEncoder().encode(TEXT);
  assert.equal(corpus.addBytes('a.txt', bytes).added.length, 1);
  assert.equal(corpus.addBytes('b.txt', bytes.buffer.slice(0)).warnings.length > 0, true, 'an exact duplicate, read from an ArrayBuffer');
  assert.equal(corpus.addBytes('c.txt', Buffer.from('Other story\n\nNothing about that siege here at all.')).added.length, 1);
  assert.equal(corpus.size, 2);
  assert.equal(Corpus.readsFile('a.txt', bytes), true);
  const saved = corpus.toBytes();
  assert.equal(Corpus.fromBytes(saved).size, 2);
  assert.equal(Corpus.fromBytes(saved.buffer).size, 2);
  assert.equal(corpus.get(0).title, 'Talks on Ghouta');
  assert.equal(corpus.get(99), null);
  assert.equal(corpus.highlight(0, 'siege', null).hits, 1);
  assert.equal(corpus.list(null).length, 2);
  assert.equal(corpus.search('siege', { limit: 1, source: [], lang: 'en' }).hits.length, 1);
  assert.ok(Corpus.countWords('one two three') === 3);
  corpus.remove(1);
  assert.equal(corpus.size, 1);
});

test('damaged corpus bytes are an Error, and the class still works', () => {
  const corpus = new Corpus();
  corpus.addText('a.txt', TEXT);
  const saved = corpus.toBytes();
  const damaged = saved.slice();
  damaged[damaged.length - 2] ^= 0xff;
  assert.throws(() => Corpus.fromBytes(damaged), /cannot read saved corpus/);
  assert.equal(Corpus.fromBytes(saved).search('Ghouta', {}).total, 1);
});
