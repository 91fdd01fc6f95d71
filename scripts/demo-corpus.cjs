// Run by ./qarin.sh build after the nodejs build: the demo corpus the page opens with on a
// first visit, prebuilt so that the start-up wasm build needs no ingest code. Writes
// www/seeds/corpus.bin (the core's corpus bytes, read by `Corpus.fromBytes` in either build)
// and www/seeds/index.json (`{corpus, files: [{name, hashes}]}`: the store keeps each file
// with the articles it gave). The seed files themselves are copied beside them.
const { readFileSync, writeFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const { Corpus } = require(join(root, 'pkg-node', 'qarin.js'));
const dir = join(root, 'www', 'seeds');
const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
const corpus = new Corpus();
const files = names.map((name) => {
  const report = corpus.addBytes(name, readFileSync(join(dir, name)));
  if (!report.added.length) throw new Error(`seed ${name} gave no article`);
  return { name, hashes: report.added.map((a) => a.hash) };
});
writeFileSync(join(dir, 'corpus.bin'), corpus.toBytes());
writeFileSync(join(dir, 'index.json'), JSON.stringify({ corpus: 'corpus.bin', files }, null, 1) + '\n');
console.error(`   ${files.length} files, ${corpus.size} articles`);
