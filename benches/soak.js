// Soak: a corpus of many articles in the real page (Debian Chromium, fresh profile, saved to
// IndexedDB as in normal use): upload, search, reload, remove, export; the time of each step
// and the peak memory of the whole browser (every Chromium process of this run's profile,
// resident set summed, sampled every 250 ms: the worker's wasm memory is in the renderer's).
//
//   node benches/soak.js [articles]       (after ./qarin.sh build; default 100,000)
//
// How the articles are grown from ../shared/corpus/{en,ar} (M articles of one language):
// even k English, odd k Arabic; with i = k div 2 and round r = i div M, article k is titled
// "k. " + the title of source i mod M, and its text is the first third of the sentences of
// source i mod M, the middle third of source (i + 1 + 37r) mod M and the last third of
// source (i + 2 + 101r) mod M: no two grown texts are the same (a title suffix such as
// " · k" is cleaned away as a site name, so titles alone would not tell them apart). They are uploaded as JSONL files of 5,000 rows (title, text, date).
// A measurement, not a test: nothing is asserted; the numbers depend on the machine.
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/browser/server.js';
import { grow, PER_FILE } from './grow.js';

const N = Number(process.argv[2] ?? process.env.SOAK_ARTICLES ?? 100_000);

/** Resident memory of every process whose command line names `profile`, in bytes. */
function browserRss(profile) {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      const rss = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // the process ended
    }
  }
  return total;
}

const server = await serve();
const profile = await mkdtemp(join(tmpdir(), 'qarin-soak-'));
const data = join(profile, 'data');
await mkdir(data);
const tGrow = Date.now();
const paths = await grow(data, N);
const growSeconds = (Date.now() - tGrow) / 1000;
const context = await chromium.launchPersistentContext(join(profile, 'chrome'), {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  viewport: { width: 1366, height: 900 },
  acceptDownloads: true,
});
let peak = 0;
const phasePeak = {};
let phase = 'start';
const sampler = setInterval(() => {
  const rss = browserRss(profile);
  peak = Math.max(peak, rss);
  phasePeak[phase] = Math.max(phasePeak[phase] ?? 0, rss);
}, 250);
const rows = [];
const MB = (n) => `${(n / 1048576).toFixed(0)} MB`;
const timed = async (name, fn) => {
  phase = name;
  const t0 = Date.now();
  const note = await fn();
  const s = (Date.now() - t0) / 1000;
  rows.push([name, `${s.toFixed(1)} s${note ? `, ${note}` : ''}`, MB(phasePeak[name] ?? 0)]);
  console.error(`${name}: ${s.toFixed(1)} s ${note ?? ''}`);
};
const idle = (page, timeout = 0) => page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy, null, { timeout, polling: 500 });
const size = (page) => page.evaluate(() => Number(document.querySelector('#corpus-size').textContent.replace(/[,\s]/g, '').match(/\d+/)?.[0] ?? 0));
const search = async (page, q) => {
  await page.fill('input[type=search]', q);
  await page.press('input[type=search]', 'Enter');
  await page.waitForFunction((query) => document.querySelector('#results').dataset.query === query && !document.body.dataset.busy, q, { timeout: 0, polling: 100 });
  return page.locator('#summary').textContent();
};
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(0);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); }));
  await timed('open (5 demo articles)', async () => {
    await page.goto(`${server.url}/`);
    await idle(page);
  });
  await timed(`upload ${paths.length} JSONL files`, async () => {
    await page.locator('input[type=file]').first().setInputFiles(paths);
    await page.waitForFunction((n) => document.querySelector(`#report .report-box[data-files="${n}"]`) && !document.body.dataset.busy, paths.length, { timeout: 0, polling: 1000 });
    return `${await size(page)} articles`;
  });
  for (const q of ['Ghouta', 'الغوطة', '"chemical attack"', 'Assad AND NOT Russia', 'sanction*']) {
    await timed(`search ${q}`, async () => (await search(page, q)).slice(0, 40));
  }
  await timed('reload (snapshot)', async () => {
    await page.reload();
    await idle(page);
    return `${await size(page)} articles`;
  });
  await timed('search Ghouta after reload', async () => (await search(page, 'Ghouta')).slice(0, 40));
  await timed('remove every result of "nerve agent"', async () => {
    const before = await size(page);
    await search(page, '"nerve agent"');
    await page.click('#remove-results');
    await page.locator('#confirm-dialog button[data-choice=remove]').click();
    await page.waitForFunction((n) => !document.body.dataset.busy && Number(document.querySelector('#corpus-size').textContent.replace(/[,\s]/g, '').match(/\d+/)?.[0]) < n, before, { timeout: 0, polling: 200 });
    return `${before - await size(page)} removed`;
  });
  await timed('export the corpus as a bundle', async () => {
    await page.click('#corpus-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 0 }), page.click('#export-bundle')]);
    const file = join(profile, 'export.qarin');
    await download.saveAs(file);
    return MB(readFileSync(file).length);
  });
  clearInterval(sampler);
  console.log(`Qarin soak — ${N.toLocaleString('en-US')} grown articles, Chromium ${context.browser()?.version() ?? ''} headless, ${cpus().length} CPUs`);
  console.log(`grown in ${growSeconds.toFixed(1)} s: ${paths.length} JSONL files of ≤ ${PER_FILE} rows`);
  const w = Math.max(...rows.map((r) => r[0].length));
  const v = Math.max(...rows.map((r) => r[1].length));
  console.log(`${'step'.padEnd(w)}  ${'time'.padEnd(v)}  peak browser RSS`);
  for (const [k, t, m] of rows) console.log(`${k.padEnd(w)}  ${t.padEnd(v)}  ${m}`);
  console.log(`peak browser RSS over the run: ${MB(peak)}; errors logged: ${problems.length ? problems.slice(0, 5).join(' | ') : 'none'}`);
} finally {
  clearInterval(sampler);
  await context.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
