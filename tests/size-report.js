// Prints the gzipped size of the app shell (everything www/ serves except the seed
// articles) and fails when it passes the budget of 250 KB (250,000 bytes) gzipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 250_000;
const www = join(dirname(fileURLToPath(import.meta.url)), '..', 'www');
const shipped = /\.(html|css|js|wasm|json|webmanifest|svg|png)$/;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'seeds' ? [] : walk(path);
    return shipped.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const rows = walk(www).map((path) => {
  const bytes = readFileSync(path);
  return { file: relative(www, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
rows.sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
console.log('file'.padEnd(34) + '     raw KB   gzip KB');
for (const r of rows) console.log(r.file.padEnd(34) + kb(r.raw) + '  ' + kb(r.gzip));
console.log('total'.padEnd(34) + kb(total.raw) + '  ' + kb(total.gzip) + `   (budget ${BUDGET / 1000} KB gzipped)`);
if (total.gzip > BUDGET) {
  console.error(`app shell is ${total.gzip} bytes gzipped, over the ${BUDGET}-byte budget`);
  process.exit(1);
}
