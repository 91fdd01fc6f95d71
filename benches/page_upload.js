// Benchmark: the page thread while all ~4,400 files of ../shared/corpus/{en,ar} are uploaded
// through the file input of the real page (Debian Chromium, fresh profile, files saved to
// IndexedDB as in normal use). It records the main thread's long tasks (PerformanceObserver
// "longtask", every task of 50 ms or more) and the lag of a 10 ms heartbeat timer during the
// upload, then the time a reload takes to bring the saved corpus back.
//
//   node benches/page_upload.js           (after ./qarin.sh build)
//
// A measurement, not a test: nothing is asserted; the numbers depend on the machine.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser/server.js';
import { openApp } from './browser.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

const paths = [];
for (const lang of ['en', 'ar']) {
  for (const name of (await readdir(join(CORPUS, lang))).filter((n) => n.endsWith('.txt')).sort()) paths.push(join(CORPUS, lang, name));
}

const server = await serve();
const profile = await mkdtemp(join(tmpdir(), 'qarin-bench-'));
let context;
try {
  const app = await openApp(profile, `${server.url}/`);
  context = app.context;
  const { page } = app;

  await page.evaluate(() => {
    const m = { longTasks: [], lags: [], firstResults: null, start: 0 };
    window.__bench = m;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) m.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    // Before this event the browser is still building the input's FileList (4,400 File
    // objects, the harness's DOM.setFileInputFiles or the native picker): not the page's work.
    document.querySelector('input[type=file]').addEventListener('change', () => { m.change = performance.now(); }, { capture: true });
    let last = performance.now();
    m.timer = setInterval(() => {
      const now = performance.now();
      m.lags.push(Math.max(0, now - last - 10));
      last = now;
    }, 10);
    const seeds = document.querySelectorAll('[data-file]').length;
    new MutationObserver(() => {
      if (m.firstResults === null && m.start && document.querySelectorAll('[data-file]').length > seeds) {
        m.firstResults = performance.now() - m.start;
      }
    }).observe(document.querySelector('#results'), { childList: true });
  });
  const t0 = Date.now();
  await page.evaluate(() => { window.__bench.start = performance.now(); });
  await page.locator('input[type=file]').first().setInputFiles(paths);
  await page.waitForFunction((n) => document.querySelector(`#report .report-box[data-files="${n}"]`) && !document.body.dataset.busy, paths.length);
  const seconds = (Date.now() - t0) / 1000;
  const m = await page.evaluate(() => {
    clearInterval(window.__bench.timer);
    const { longTasks, lags, firstResults, change, start } = window.__bench;
    return {
      before: longTasks.filter((t) => t.start < change).map((t) => t.duration),
      longTasks: longTasks.filter((t) => t.start >= change).map((t) => t.duration),
      lags: lags.slice(Math.ceil((change - start) / 10)),
      fileList: change - start,
      firstResults,
      added: Number(document.querySelector('#report .report-box').dataset.added),
    };
  });
  const t1 = Date.now();
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy);
  const reload = (Date.now() - t1) / 1000;

  const sorted = (a) => [...a].sort((x, y) => x - y);
  const median = (a) => (a.length ? sorted(a)[Math.floor(a.length / 2)] : 0);
  const max = (a) => (a.length ? Math.max(...a) : 0);
  const ms = (n) => `${n.toFixed(0)} ms`;
  const rows = [
    ['files uploaded', String(paths.length)],
    ['articles added and saved', String(m.added)],
    ['seconds to read, index and save all', seconds.toFixed(1)],
    ['browser builds the FileList (before the page runs)', `${ms(m.fileList)}, longest task ${ms(max(m.before))}`],
    ['first results shown after', m.firstResults === null ? '—' : ms(m.firstResults)],
    ['page thread, from the change event on:', ''],
    ['  long tasks (≥ 50 ms)', String(m.longTasks.length)],
    ['  longest task', m.longTasks.length ? ms(max(m.longTasks)) : 'none ≥ 50 ms'],
    ['  median long task', m.longTasks.length ? ms(median(m.longTasks)) : '—'],
    ['  10 ms timer lag: median / max', `${ms(median(m.lags))} / ${ms(max(m.lags))}`],
    ['reload with the saved corpus (snapshot)', `${reload.toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`Qarin page upload benchmark — Chromium ${context.browser()?.version() ?? ''} headless, ${cpus().length} CPUs`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
} finally {
  await context?.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
