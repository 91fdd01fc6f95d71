// One intake: the native CLI (`qarin ingest`) and the wasm API (`Corpus.addBytes`, as the
// page's worker calls it) read the same folder of mixed files into the same articles,
// warnings and near-duplicate groups. The folder is made here: the seeds, a few real
// articles of ../shared/corpus, an exact duplicate, a near-duplicate (another outlet's
// first line and ending), a metadata sidecar, a saved page and a CSV export.
// Needs pkg-node (./qarin.sh build) and the CLI binary (`cargo build`, which `./qarin.sh
// test` runs first); skips with a note when either, or ../shared, is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, shared, pkg, cli, missing, walk } from './binaries.js';

/** The folder of mixed files, as `qarin ingest` would be given it. */
function makeFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'qarin-intake-'));
  const mixed = join(dir, 'mixed');
  mkdirSync(join(mixed, 'en'), { recursive: true });
  for (const name of readdirSync(join(root, 'seeds'))) {
    copyFileSync(join(root, 'seeds', name), join(mixed, name));
  }
  const en = readdirSync(join(shared, 'en')).filter((n) => n.endsWith('.txt')).sort().slice(0, 6);
  for (const name of en) copyFileSync(join(shared, 'en', name), join(mixed, 'en', name));
  const ar = readdirSync(join(shared, 'ar')).filter((n) => n.endsWith('.txt')).sort().slice(0, 3);
  for (const name of ar) copyFileSync(join(shared, 'ar', name), join(mixed, name));
  // An exact duplicate under another name, sorted after its original.
  copyFileSync(join(shared, 'en', en[0]), join(mixed, 'en', 'zz_copy.txt'));
  // A near-duplicate: the same story with another headline, first line and ending.
  const [, , ...body] = readFileSync(join(shared, 'en', en[1]), 'utf8').split('\n');
  writeFileSync(
    join(mixed, 'en', 'zz_reprint.txt'),
    ['Reprinted: the same report', '', 'From our partners.', ...body, 'Follow us for more.'].join('\n'),
  );
  // A sidecar naming two of the articles, placed between them (sorted order).
  const sidecar = ['file\tsource\tdate', `${en[0]}\tFirst Wire\t2017-04-05`, `${en[4]}\tLater Wire\t2017-04-09`];
  writeFileSync(join(mixed, 'en', `${en[2]}.meta.tsv`), sidecar.join('\n') + '\n');
  // A saved page and a CSV export of two rows, one without text.
  const page = readdirSync(join(shared, 'html')).filter((n) => n.endsWith('.html')).sort()[0];
  copyFileSync(join(shared, 'html', page), join(mixed, 'page.html'));
  writeFileSync(
    join(mixed, 'export.csv'),
    'title,text\n"Rain in the valley","Rain fell on the valley for the third day, officials said."\nNo text,\n',
  );
  return { dir, mixed };
}

const shape = (a) => ({
  file: a.file,
  title: a.title,
  lang: a.lang,
  body: a.body,
  outlet: a.outlet ?? null,
  date: a.date ?? null,
  url: a.url ?? null,
  encoding: a.encoding ?? null,
  near_duplicate_of: a.near_duplicate_of ?? null,
  extra: a.extra,
  warnings: a.warnings.map((w) => w.message),
});

function viaCli(mixed) {
  const run = spawnSync(cli, ['ingest', mixed], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr);
  return {
    articles: run.stdout.trim().split('\n').map((l) => shape(JSON.parse(l))),
    warnings: run.stderr.trim().split('\n').filter(Boolean),
  };
}

function viaWasm(mixed) {
  const { Corpus } = createRequire(import.meta.url)(pkg);
  const corpus = new Corpus();
  const warnings = [];
  for (const path of walk(mixed)) {
    const report = corpus.addBytes(path, readFileSync(path));
    for (const w of report.warnings) warnings.push(`qarin: ${w.file}: ${w.message}`);
  }
  const listed = corpus.list({});
  const articles = listed.map((s) => shape(corpus.get(s.id)));
  // The corpus's groups, by file: each article's other group members.
  const groups = Object.fromEntries(
    listed.map((s) => [s.file, corpus.list({ similarTo: s.id }).map((o) => o.file)]),
  );
  corpus.free();
  return { articles, warnings, groups };
}

test('the CLI and the wasm API give the same articles, warnings and duplicate groups', { skip: missing.length ? `needs ${missing.join(', ')}` : false }, () => {
  const { dir, mixed } = makeFolder();
  try {
    const native = viaCli(mixed);
    const wasm = viaWasm(mixed);
    assert.deepEqual(native.articles, wasm.articles);
    assert.deepEqual(native.warnings, wasm.warnings);
    // The folder exercises every rule, so agreement means something.
    assert.ok(native.warnings.some((w) => /zz_copy\.txt: skipped: duplicate of /.test(w)), native.warnings.join('\n'));
    assert.ok(native.warnings.some((w) => /meta\.tsv: metadata applied to 1 article/.test(w)), native.warnings.join('\n'));
    assert.ok(native.warnings.some((w) => /export\.csv#2: no article text/.test(w)), native.warnings.join('\n'));
    const reprint = native.articles.find((a) => a.file.endsWith('zz_reprint.txt'));
    assert.ok(reprint?.near_duplicate_of, 'the reprint is a near-duplicate');
    const outlets = native.articles.filter((a) => a.outlet === 'First Wire' || a.outlet === 'Later Wire');
    assert.equal(outlets.length, 2, 'the sidecar reaches the articles before and after it');
    assert.ok(native.articles.some((a) => a.file.endsWith('page.html')));
    // Groups: each article named by a near_duplicate_of shares the corpus's group.
    for (const a of native.articles.filter((x) => x.near_duplicate_of)) {
      assert.ok(wasm.groups[a.file].includes(a.near_duplicate_of), `${a.file} groups with ${a.near_duplicate_of}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
