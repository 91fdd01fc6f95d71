// Time and wasm memory of the nodejs build (pkg-node/, `./qarin.sh build`) on the hostile
// inputs of issue 12, one fresh process per input (wasm memory only grows, so its final
// size is the peak). Generate the inputs first:
//   cargo test --release --test limits -- --ignored write_hostile_inputs
//   node benches/hostile_wasm.js [DIR]          (DIR defaults to target/hostile)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const self = fileURLToPath(import.meta.url);
const root = path.join(path.dirname(self), '..');
const dir = process.argv[2] || path.join(root, 'target/hostile');

if (process.env.QARIN_ONE) {
  const { Corpus } = require(path.join(root, 'pkg-node/qarin.js'));
  const file = process.env.QARIN_ONE;
  const bytes = fs.readFileSync(file);
  const start = Date.now();
  const c = new Corpus();
  c.addBytes(path.basename(file), bytes);
  const found = c.search('siege', {}).total;
  const s = c.stats();
  console.log(JSON.stringify({ seconds: (Date.now() - start) / 1000, articles: s.articles, found, wasm_mb: Math.round(s.memory_bytes / 2 ** 20) }));
} else {
  for (const f of ['wide-20mb.csv', 'wide-60mb.csv', 'wide3.zip', 'copies17.zip', 'long-63mb.txt', 'short-40k.csv']) {
    const file = path.join(dir, f);
    if (!fs.existsSync(file)) { console.log(`${f}: missing (generate it first)`); continue; }
    try {
      const out = execFileSync(process.execPath, [self], { env: { ...process.env, QARIN_ONE: file }, timeout: 600_000 });
      console.log(`${f.padEnd(16)} ${out.toString().trim()}`);
    } catch (e) {
      console.log(`${f.padEnd(16)} failed: ${String(e.stderr || e.message).split('\n').slice(0, 3).join(' ')}`);
    }
  }
}
