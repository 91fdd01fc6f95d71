// Benchmark: the corpus tools in the real page (Debian Chromium, fresh profile) over the
// shared corpus (../shared/corpus/{en,ar}, ~4,400 articles, uploaded through the file input
// as a user does). For each tool it times a typical request — the whole corpus, a frequent
// node — from the setting change to the drawn answer (the worker's wasm call, the reply and
// the drawing), several times, and records the page thread's long tasks (PerformanceObserver
// "longtask": every task of 50 ms or more) and the lag of a 10 ms heartbeat timer meanwhile.
//
//   node benches/page_tools.js [--files N | --grown N]      (after ./qarin.sh build)
//
// --files N: the first N files of each language; --grown N: N articles grown as
// benches/soak.js grows them (JSONL files). A last row times a change of request while the
// n-grams count: from picking the word list to its drawn answer (the n-grams are cut
// between two slices of the worker, never drawn).
//
// A measurement, not a test: nothing is asserted; the numbers depend on the machine.
import { mkdtemp, readdir, rm, mkdir } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser/server.js';
import { openApp } from './browser.js';
import { grow } from './grow.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : null;
};
const perLang = arg('--files') ?? Infinity;
const grown = arg('--grown');
const RUNS = 5;

// Each tool's typical request, and a second setting to alternate with (so every run is a
// new request, not the answer already on screen).
const CASES = [
  { tool: 'kwic', link: 't.q=Syria', flip: ['w', '5', '6'] },
  { tool: 'words', link: '', flip: ['by', 'form', 'term'] },
  { tool: 'ngrams', link: '', flip: ['n', '2', '3'] },
  { tool: 'collocates', link: 't.q=Syria', flip: ['l', '5', '4'] },
  { tool: 'keyness', link: 't.k=langs', flip: ['p', '6.63', '10.83'] },
  { tool: 'dispersion', link: 't.q=Syria', flip: ['q', 'Syria', 'Aleppo'] },
];

const server = await serve();
const profile = await mkdtemp(join(tmpdir(), 'qarin-bench-'));
const paths = [];
if (grown) {
  await mkdir(join(profile, 'data'));
  paths.push(...await grow(join(profile, 'data'), grown));
} else {
  for (const lang of ['en', 'ar']) {
    const names = (await readdir(join(CORPUS, lang))).filter((n) => n.endsWith('.txt')).sort().slice(0, perLang);
    for (const name of names) paths.push(join(CORPUS, lang, name));
  }
}
let context;
try {
  const app = await openApp(join(profile, 'chrome'), `${server.url}/`);
  context = app.context;
  const { page } = app;
  const uploadStart = Date.now();
  await page.locator('input[type=file]').first().setInputFiles(paths);
  await page.waitForFunction((n) => document.querySelector(`#report .report-box[data-files="${n}"]`) && !document.body.dataset.busy, paths.length, { timeout: 0, polling: 1000 });
  const uploadS = (Date.now() - uploadStart) / 1000;
  const articles = Number(await page.locator('#report .report-box').getAttribute('data-added'));

  const done = (tool) => page.waitForFunction((name) => {
    const out = document.querySelector('#an-out');
    return out?.dataset.tool === name && out.dataset.state === 'done' && !document.body.dataset.busy;
  }, tool);
  const rows = [];
  // A control: the page with the tools open and nothing asked, as long as a tool's runs take,
  // shows what the machine alone does to the page thread's tasks.
  const watch = () => page.evaluate(() => {
    const m = { longTasks: [], lags: [] };
    window.__bench = m;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) m.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    m.timer = setInterval(() => {
      const now = performance.now();
      m.lags.push(Math.max(0, now - last - 10));
      last = now;
    }, 10);
  });
  const collect = () => page.evaluate(() => {
    clearInterval(window.__bench.timer);
    return { longTasks: window.__bench.longTasks, lags: window.__bench.lags };
  });
  const firstStart = Date.now();
  await page.goto(`${server.url}/#v=1&tool=words`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await done('words');
  const firstS = (Date.now() - firstStart) / 1000;
  await watch();
  const idleStart = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  rows.push({ tool: '(idle)', request: 'tools open, nothing asked, 5 s', times: [Date.now() - idleStart], ...await collect() });
  for (const c of CASES) {
    await page.goto(`${server.url}/#v=1&tool=${c.tool}${c.link ? `&${c.link}` : ''}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await done(c.tool); // the first request also loads the full build and the tools
    await watch();
    const times = [];
    const phases = [];
    const [key, a, b] = c.flip;
    for (let k = 0; k < RUNS; k++) {
      const value = k % 2 ? a : b;
      const t0 = await page.evaluate(() => performance.now());
      const field = page.locator(`#an-${key}`);
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else {
        await field.fill(value);
        await field.press('Enter');
      }
      await done(c.tool);
      times.push(await page.evaluate((start) => performance.now() - start, t0));
      // The page's marks (pkg-analysis/analysis.js): post → worker start → articles read →
      // core answer → reply sent → received → DOM drawn.
      const t = JSON.parse(await page.locator('#an-out').getAttribute('data-timing'));
      phases.push({ wait: t.start - t.posted, read: t.prepared - t.start, core: t.core - t.prepared, shape: t.sent - t.core, reply: t.received - t.sent, draw: t.drawn - t.received });
    }
    const m = await collect();
    rows.push({ tool: c.tool, request: `${c.link || 'whole corpus'} (${key}: ${a}/${b})`, times, phases, ...m });
  }

  // A change of request while the n-grams count: the word list is picked once the n-grams'
  // progress shows, and must be drawn without the n-grams ever being.
  {
    await page.goto(`${server.url}/#v=1&tool=ngrams&t.n=3`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await done('ngrams');
    await watch();
    const times = [];
    let drawnOld = 0;
    for (let k = 0; k < RUNS; k++) {
      await page.locator('#an-n').fill(k % 2 ? '3' : '4');
      await page.locator('#an-n').press('Enter');
      await page.waitForFunction(() => document.querySelector('#an-out')?.dataset.state === 'running');
      await page.waitForTimeout(grown ? 300 : 20);
      const t0 = await page.evaluate(() => {
        window.__drawnOld = false;
        const out = document.querySelector('#an-out');
        window.__watch = new MutationObserver(() => {
          if (out.dataset.state === 'done' && out.dataset.tool === 'ngrams') window.__drawnOld = true;
        });
        window.__watch.observe(out, { attributes: true, attributeFilter: ['data-state'] });
        document.querySelector('.an-tab[data-tool="words"]').click();
        return performance.now();
      });
      await done('words');
      times.push(await page.evaluate((start) => performance.now() - start, t0));
      if (await page.evaluate(() => window.__drawnOld)) drawnOld++;
      await page.locator('.an-tab[data-tool="ngrams"]').click();
      await done('ngrams');
    }
    const m = await collect();
    rows.push({ tool: 'switch', request: `n-grams counting → word list (n-grams drawn ${drawnOld}×)`, times, ...m });
  }

  const sorted = (x) => [...x].sort((p, q) => p - q);
  const median = (x) => (x.length ? sorted(x)[Math.floor(x.length / 2)] : 0);
  const max = (x) => (x.length ? Math.max(...x) : 0);
  console.log(`Qarin corpus tools in the page — ${articles.toLocaleString('en')} articles, Chromium ${context.browser()?.version() ?? ''} headless, ${cpus().length} CPUs, ${RUNS} runs each`);
  console.log(`upload ${uploadS.toFixed(1)} s; first tool answer (full build loaded, articles read for the tools) ${firstS.toFixed(1)} s`);
  const PHASES = ['wait', 'read', 'core', 'shape', 'reply', 'draw'];
  const table = [['tool', 'request', 'answer median ms', 'max ms', 'long tasks ≥ 50 ms', 'longest task ms', 'timer lag max ms', ...PHASES.map((p) => `${p} ms`)]];
  for (const r of rows) {
    const phase = (p) => (r.phases?.length ? median(r.phases.map((x) => x[p])).toFixed(0) : '–');
    table.push([r.tool, r.request, median(r.times).toFixed(0), max(r.times).toFixed(0), String(r.longTasks.length), r.longTasks.length ? max(r.longTasks).toFixed(0) : '–', max(r.lags).toFixed(0), ...PHASES.map(phase)]);
  }
  console.log('phases (medians): wait = post to worker start, read = articles read for the tools, core = the wasm call, shape = worker cuts and sizes, reply = structured clone to the page, draw = DOM built');
  const widths = table[0].map((_, k) => Math.max(...table.map((row) => row[k].length)));
  for (const row of table) console.log(row.map((cell, k) => (k < 2 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join('  '));
} finally {
  await context?.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
