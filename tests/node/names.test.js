// The user's names in the nodejs wasm build (issue 14): a user's lexicon file is read
// keeping its good lines, each bad one named by line and column; name proposals on the
// seeds (Le Drian / لودريان once the lexicon lacks him); and the reader's marks follow the
// "Both scripts" switch (`highlight` with `crossLingual: false` marks only the words as
// typed). Run after `./qarin.sh build`:  node --test tests/node/names.test.js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root, pkg } from './binaries.js';

const { Corpus } = createRequire(import.meta.url)(pkg);
const shipped = readFileSync(join(root, 'data', 'lexicon', 'lexicon.tsv'), 'utf8');

function seeds(lexicon) {
  const corpus = new Corpus();
  for (const name of readdirSync(join(root, 'seeds')).sort()) {
    corpus.addBytes(name, readFileSync(join(root, 'seeds', name)));
  }
  corpus.loadLexicon(lexicon, null);
  return corpus;
}
const idOf = (corpus, prefix) => corpus.list({}).find((a) => a.file.startsWith(prefix)).id;

test('a user lexicon keeps its good lines and names each bad one', () => {
  const text = '# qarin-lexicon v1\norg:user-a\torg\t\tA Watch\tمرصد أ\norg:user-b\tgizmo\t\tB\n';
  const read = Corpus.readLexicon(text);
  assert.deepEqual(read.entries.map((e) => e.id), ['org:user-a']);
  assert.equal(read.problems.length, 1);
  assert.equal(read.problems[0].code, 'lexicon_bad_kind');
  assert.deepEqual([read.problems[0].args.line, read.problems[0].args.column], ['3', '2']);
  assert.match(read.problems[0].message, /line 3, column 2 \(kind\)/);
  // Not a lexicon at all: an error with the same shape, nothing read.
  assert.throws(() => Corpus.readLexicon('[{"id": '), (e) => JSON.parse(e.message).code === 'lexicon_json');
  assert.throws(() => Corpus.readLexicon(42), /readLexicon: the text must be a string/);
});

test('Le Drian is proposed on the seeds once the lexicon lacks him, never while it has him', () => {
  const withHim = seeds(shipped).proposeNames({ limit: 100 });
  assert.ok(!withHim.proposals.some((p) => p.ar.includes('دريان')), JSON.stringify(withHim.proposals));
  const without = shipped.split('\n').filter((l) => !l.startsWith('person:jean-yves-le-drian\t')).join('\n');
  const corpus = seeds(without);
  const found = corpus.proposeNames({ limit: 100 }).proposals.find((p) => p.ar === 'لودريان');
  assert.ok(found, 'لودريان is proposed');
  assert.match(found.en, /Le Drian$/);
  assert.ok(found.score >= 0.76 && found.score <= 1);
  // From the English article alone, too; an unknown id proposes nothing.
  const one = corpus.proposeNames({ article: idOf(corpus, '000'), limit: 100 });
  assert.ok(one.proposals.some((p) => p.ar === 'لودريان'));
  assert.deepEqual(corpus.proposeNames({ article: 9999 }).proposals, []);
});

test('with crossLingual off the reader marks only the words as typed', () => {
  const corpus = seeds(shipped);
  const arabic = idOf(corpus, '001');
  assert.ok(corpus.highlight(arabic, 'Ghouta', {}).hits > 0, 'الغوطة is marked for Ghouta');
  assert.equal(corpus.highlight(arabic, 'Ghouta', { crossLingual: false }).hits, 0);
  assert.ok(corpus.highlight(arabic, 'الغوطة', { crossLingual: false }).hits > 0);
});
