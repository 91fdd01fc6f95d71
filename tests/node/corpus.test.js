// Node tests of the nodejs wasm build (pkg-node/), the same core the page's worker uses.
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
  for (const name of readdirSync(join(root, 'seeds')).sort()) {
    const report = corpus.addBytes(name, readFileSync(join(root, 'seeds', name)));
    assert.equal(report.added.length, 1, `${name} gives one article`);
  }
  return corpus;
}

const files = (result) => result.hits.map((h) => h.file);

test('the seeds load as five plain-object articles with language and hash', () => {
  const corpus = seeded();
  const list = corpus.list({});
  assert.equal(list.length, 5);
  assert.equal(Object.getPrototypeOf(list[0]), Object.prototype);
  assert.deepEqual(list.map((a) => a.lang), ['en', 'ar', 'en', 'en', 'ar']);
  assert.match(list[0].hash, /^[0-9a-f]{16}$/);
  assert.equal(corpus.list({ lang: 'ar' }).length, 2);
});

test('an English search ranks, highlights and cuts a snippet', () => {
  const result = seeded().search('Ghouta', { limit: 10 });
  assert.equal(result.total, 1);
  const [hit] = result.hits;
  assert.equal(hit.file, '000_b8dc9deffb4c23c5.txt');
  assert.ok(hit.score > 0);
  assert.ok(hit.snippet.some((s) => s.hit && s.text === 'Ghouta'));
  assert.equal(result.error, undefined);
});

test('Arabic spelling variants find the same articles', () => {
  const corpus = seeded();
  const want = ['001_629cf4ce1a02286a.txt', '004_23c96fb8be1b69e3.txt'];
  for (const q of ['الغوطة', 'غوطه', 'بالغوطة', 'الغـوطة', 'الغُوطة']) {
    assert.deepEqual(files(corpus.search(q, {})).sort(), want, q);
  }
  const hit = corpus.search('الغوطه', {}).hits[0];
  assert.ok(hit.snippet.some((s) => s.hit && s.text.includes('غوطة')));
});

test('the language filter, paging and an empty query', () => {
  const corpus = seeded();
  assert.equal(corpus.search('', {}).total, 5);
  assert.deepEqual(files(corpus.search('', { lang: 'en', limit: 2, offset: 1 })), [
    '002_6ca43d48d28243e0.txt',
    '003_07c0c039424cdcd0.txt',
  ]);
  assert.equal(corpus.search('Macron', { lang: 'ar' }).total, 0);
  assert.equal(corpus.search('ماكرون', { lang: 'all' }).total, 2);
});

test('a malformed query is an error with an offset, not an exception', () => {
  const result = seeded().search('Ghouta "unclosed', {});
  assert.equal(result.total, 0);
  assert.equal(result.error.offset, 7);
  assert.match(result.error.message, /never closed/);
});

test('broken and empty files are named and the others still load', () => {
  const corpus = new Corpus();
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const bad = corpus.addBytes('picture.txt', png);
  assert.deepEqual(bad.added, []);
  assert.equal(bad.warnings[0].file, 'picture.txt');
  assert.match(bad.warnings[0].message, /PNG/);
  assert.match(corpus.addText('empty.txt', '').warnings[0].message, /empty/);
  const good = corpus.addText('ok.txt', 'A title\n\nA body about Aleppo.');
  assert.equal(good.added.length, 1);
  assert.match(corpus.addText('again.txt', 'A title\n\nA body about Aleppo.').warnings[0].message, /duplicate of ok.txt/);
  assert.equal(corpus.size, 1);
});

test('get returns the whole article and remove takes it out of search', () => {
  const corpus = seeded();
  const a = corpus.get(2);
  assert.equal(a.file, '002_6ca43d48d28243e0.txt');
  assert.ok(Array.isArray(a.paragraphs) && a.paragraphs.length > 5);
  assert.equal(a.body, a.paragraphs.join('\n'));
  assert.equal(corpus.get(99), null);
  corpus.remove(2);
  assert.equal(corpus.search('Tasnim OR Aleppo', {}).hits.some((h) => h.id === 2), false);
  assert.throws(() => corpus.remove(2), /no article with id 2/);
});

test('toBytes and fromBytes round-trip, and damaged bytes throw a clear error', () => {
  const corpus = seeded();
  const bytes = corpus.toBytes();
  const back = Corpus.fromBytes(bytes);
  assert.equal(back.size, 5);
  assert.deepEqual(back.search('Rouhani', {}), corpus.search('Rouhani', {}));
  const damaged = bytes.slice();
  damaged[damaged.length - 10] ^= 0xff;
  assert.throws(() => Corpus.fromBytes(damaged), /checksum/);
  assert.throws(() => Corpus.fromBytes(bytes.slice(0, 40)), /truncated|too early/);
  assert.throws(() => Corpus.fromBytes(new Uint8Array([1, 2, 3])), /not a Qarin corpus/);
});

test('analyze gives surface, term and offsets for every word', () => {
  const tokens = Corpus.analyze('Iran’s والحسن');
  assert.deepEqual(tokens.map((t) => [t.text, t.term, t.start, t.end]), [
    ['Iran’s', 'iran', 0, 8],
    ['والحسن', 'حسن', 9, 21],
  ]);
});

test('real corpus files load and are found by words of their titles', { skip: !existsSync(shared) }, () => {
  const corpus = new Corpus();
  const picked = [];
  for (const lang of ['en', 'ar']) {
    const names = readdirSync(join(shared, lang)).sort().filter((_, i) => i % 40 === 0);
    for (const name of names) {
      const file = `${lang}/${name}`;
      const report = corpus.addBytes(file, readFileSync(join(shared, file)));
      assert.equal(report.added.length + report.warnings.filter((w) => w.skipped).length, 1, file);
      if (report.added.length) picked.push(report.added[0]);
    }
  }
  assert.ok(picked.length > 100);
  let top3 = 0;
  for (const a of picked) {
    const result = corpus.search(a.title, { limit: 3 });
    if (result.hits.some((h) => h.id === a.id)) top3 += 1;
  }
  assert.ok(top3 / picked.length > 0.95, `${top3}/${picked.length} found by title in the top 3`);
});
