// Prints the gzipped size of the app shell — the HTML, CSS, JavaScript and WebAssembly the
// page loads to start (the definition) — and fails when it passes the budget of
// 250 KB (250,000 bytes) gzipped. Listed but not counted: what loads only on demand
// (www/pkg-full/, the reader for HTML pages, archives and documents, fetched the first time
// such a file is added) and images (install icons). Seed articles are data, not shell.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 250_000;
const www = join(dirname(fileURLToPath(import.meta.url)), '..', 'www');
const shell = /\.(html|css|js|wasm|json|webmanifest)$/;
const other = /\.(svg|png)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'seeds' ? [] : walk(path);
    return (shell.test(name) || other.test(name)) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const rows = walk(www).map((path) => {
  const bytes = readFileSync(path);
  const file = relative(www, path);
  const lazy = file.startsWith('pkg-full/');
  const counted = shell.test(file) && !lazy;
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, counted, lazy };
});
rows.sort((a, b) => Number(b.counted) - Number(a.counted) || b.gzip - a.gzip);
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log('file'.padEnd(34) + '     raw KB   gzip KB');
for (const r of rows) {
  const note = r.counted ? '' : r.lazy ? '   (on demand, not in the shell)' : '   (image, not in the shell)';
  console.log(r.file.padEnd(34) + kb(r.raw) + '  ' + kb(r.gzip) + note);
}
const total = sum(rows.filter((r) => r.counted));
console.log('app shell'.padEnd(34) + kb(total.raw) + '  ' + kb(total.gzip) + `   (budget ${BUDGET / 1000} KB gzipped)`);
if (total.gzip > BUDGET) {
  console.error(`app shell is ${total.gzip} bytes gzipped, over the ${BUDGET}-byte budget`);
  process.exit(1);
}
