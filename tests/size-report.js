// Prints the gzipped size of the app shell and fails when it passes the budget.
//
// The shell (issue 11's definition): every html, css, js, mjs, wasm and webmanifest file
// under www/ outside the www/pkg-*/ folders, each compressed with `gzip -9` (the gzip
// program when it is installed, else zlib at level 9), sizes summed. Budget: 225 KiB
// (230,400 bytes). www/pkg/ (the start-up wasm) is in the shell; www/pkg-<name>/ folders are
// loaded on first use (the full build, the Arabic UI table, bundles, exports, dialogs…) and
// are listed with their own totals, not counted. Images and the seed articles are data.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BUDGET = 225 * 1024;
const www = join(dirname(fileURLToPath(import.meta.url)), '..', 'www');
const SHELL = /\.(html|css|js|mjs|wasm|webmanifest)$/;

function gzip9(bytes) {
  try {
    return execFileSync('gzip', ['-9', '-c', '-n'], { input: bytes, maxBuffer: 1 << 30 }).length;
  } catch {
    return gzipSync(bytes, { level: 9 }).length;
  }
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'seeds' ? [] : walk(path);
    return SHELL.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const rows = walk(www).map((path) => {
  const bytes = readFileSync(path);
  const file = relative(www, path).split(sep).join('/');
  const folder = file.match(/^(pkg-[^/]+)\//)?.[1] ?? null; // on demand
  return { file, raw: bytes.length, gzip: gzip9(bytes), folder };
});
const kib = (n) => (n / 1024).toFixed(1).padStart(8);
const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });

const shell = rows.filter((r) => !r.folder).sort((a, b) => b.gzip - a.gzip);
console.log('app shell (loaded at start)'.padEnd(36) + '    raw KiB  gzip KiB');
for (const r of shell) console.log(r.file.padEnd(36) + kib(r.raw) + '  ' + kib(r.gzip));
const total = sum(shell);
console.log('app shell total'.padEnd(36) + kib(total.raw) + '  ' + kib(total.gzip)
  + `   (${total.gzip} bytes; budget ${BUDGET / 1024} KiB = ${BUDGET} bytes; headroom ${((BUDGET - total.gzip) / 1024).toFixed(1)} KiB)`);

console.log('\non demand (www/pkg-<name>/, loaded on first use, cached for offline)');
const folders = [...new Set(rows.filter((r) => r.folder).map((r) => r.folder))].sort();
for (const folder of folders) {
  const list = rows.filter((r) => r.folder === folder).sort((a, b) => b.gzip - a.gzip);
  for (const r of list) console.log(('  ' + r.file).padEnd(36) + kib(r.raw) + '  ' + kib(r.gzip));
  const t = sum(list);
  console.log(`  ${folder} total`.padEnd(36) + kib(t.raw) + '  ' + kib(t.gzip));
}

if (total.gzip > BUDGET) {
  console.error(`app shell is ${total.gzip} bytes gzipped, over the ${BUDGET}-byte budget`);
  process.exit(1);
}
