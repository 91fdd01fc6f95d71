// Lighthouse (npm `lighthouse`, its CLI) on the served page, mobile form factor (Lighthouse's
// default: a Moto G-class screen, simulated slow 4G and a 4× slower CPU), Debian's Chromium
// headless with the browser tests' flags, a fresh profile per run (a first visit: no service
// worker, empty store, the demo corpus loads). Prints performance, CLS, LCP, TBT,
// accessibility and best practices for each run and their medians, and fails when any run
// requested anything outside the local server. Issue 16's targets: performance ≥ 0.95,
// CLS < 0.1, accessibility 1.0 (printed beside the medians, not asserted: a benchmark).
//   node benches/lighthouse.js [RUNS]        (after ./qarin.sh build; default 3 runs)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 3);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serve();
const rows = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'qarin-lighthouse-'));
    try {
      // Asynchronous: the server answering Chromium runs in this process.
      const r = await promisify(execFile)(join(ROOT, 'node_modules/.bin/lighthouse'), [
        `${server.url}/`,
        '--output=json', '--output-path=stdout', '--quiet',
        '--only-categories=performance,accessibility,best-practices',
        `--chrome-flags=${[...FLAGS, `--user-data-dir=${profile}`].join(' ')}`,
      ], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000, env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
      const lhr = JSON.parse(r.stdout);
      if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const outside = (lhr.audits['network-requests']?.details?.items ?? [])
        .map((item) => item.url).filter((u) => !u.startsWith(server.url) && !/^(data|blob):/.test(u));
      if (outside.length) throw new Error(`requests outside the local server: ${outside.join(', ')}`);
      const a = lhr.audits;
      const row = {
        performance: lhr.categories.performance.score,
        cls: a['cumulative-layout-shift'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        accessibility: lhr.categories.accessibility.score,
        bestPractices: lhr.categories['best-practices'].score,
      };
      rows.push(row);
      const failing = (cat) => lhr.categories[cat].auditRefs
        .filter((ref) => ref.weight > 0 && a[ref.id].score !== null && a[ref.id].score < 1).map((ref) => ref.id);
      process.stderr.write(`run ${i + 1}: ${JSON.stringify(row)}\n`);
      for (const cat of ['accessibility', 'best-practices']) {
        const ids = failing(cat);
        if (ids.length) process.stderr.write(`  ${cat} audits below 1: ${ids.join(', ')}\n`);
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await server.close();
}

const fmt = {
  performance: (v) => v.toFixed(2), cls: (v) => v.toFixed(3), lcp: (v) => `${Math.round(v)} ms`,
  tbt: (v) => `${Math.round(v)} ms`, accessibility: (v) => v.toFixed(2), bestPractices: (v) => v.toFixed(2),
};
const target = { performance: '≥ 0.95', cls: '< 0.1', accessibility: '1.00' };
console.log(`\nLighthouse, mobile, ${RUNS} runs (Chromium headless, first visit of the demo page)`);
console.log('| metric | runs | median | target |');
console.log('|---|---|---|---|');
for (const key of Object.keys(fmt)) {
  const values = rows.map((r) => r[key]);
  console.log(`| ${key} | ${values.map(fmt[key]).join(', ')} | ${fmt[key](median(values))} | ${target[key] ?? ''} |`);
}
