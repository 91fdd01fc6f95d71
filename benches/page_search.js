// Benchmark: search to screen in the real page (Debian Chromium, fresh profile). The corpus is
// the shared one (../shared/corpus/{en,ar}, ~4,400 articles, uploaded through the file input
// as a user does) or N grown articles (benches/grow.js, as the soak grows them). For each
// query: the query is put in the search box, Enter is pressed, and the time runs from the
// keydown event's timestamp to the first frame after the list shows it (`#results` with
// `data-query` equal to the query, facets drawn, then a requestAnimationFrame and the task
// after it: the paint). Default options, lexicon linked (the bench waits for
// `body[data-lexicon]`), one page of results as the page asks for it.
//
// With `--typed`, the query goes in as a user's typing or pasting does (an input event),
// and Enter follows TYPED_GAP_MS later: the page asks for the box's query ahead (not drawn),
// so Enter may draw an answer that is ready. Without it the value is set with no input
// event (the typing debounce would search first), so every answer is asked for on Enter.
//
//   node benches/page_search.js [shared|N] [--queries K] [--typed]   (after ./qarin.sh build)
//
// Prints one JSON line per size: median, p95 and max over the timed queries (one untimed
// warm-up pass first), the long tasks seen meanwhile. A measurement, not a test.
import { mkdtemp, readdir, rm, mkdir } from 'node:fs/promises';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/browser/server.js';
import { openApp } from './browser.js';
import { grow } from './grow.js';
import { latencyQueries, realArticles } from './corpus.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const which = process.argv[2] ?? 'shared';
const at = process.argv.indexOf('--queries');
const K = at > 0 ? Number(process.argv[at + 1]) : 60;
const typed = process.argv.includes('--typed');
/** A quick typist's pause between the last key and Enter; under the page's 250 ms typing
 * debounce, so the list is not drawn before Enter. */
const TYPED_GAP_MS = 100;

// The bench's latency mix (single words, phrases, prefixes, known-item words in both
// languages), every other one, so each query differs from the one on screen.
const queries = [...new Set(latencyQueries(realArticles()).filter((_, i) => i % 2 === 0).map((q) => q.query))].slice(0, K);

const server = await serve();
const profile = await mkdtemp(join(tmpdir(), 'qarin-bench-'));
let context;
try {
  let paths = [];
  if (which === 'shared') {
    for (const lang of ['en', 'ar']) {
      const names = (await readdir(join(CORPUS, lang))).filter((n) => n.endsWith('.txt')).sort();
      for (const name of names) paths.push(join(CORPUS, lang, name));
    }
  } else {
    const data = join(profile, 'data');
    await mkdir(data);
    paths = await grow(data, Number(which));
  }
  const app = await openApp(join(profile, 'chrome'), `${server.url}/`);
  context = app.context;
  const { page } = app;
  const t0 = Date.now();
  await page.locator('input[type=file]').first().setInputFiles(paths);
  await page.waitForFunction((n) => document.querySelector(`#report .report-box[data-files="${n}"]`) && !document.body.dataset.busy, paths.length, { timeout: 0, polling: 1000 });
  const uploadS = (Date.now() - t0) / 1000;
  await page.waitForFunction(() => document.body.dataset.lexicon === 'true', null, { timeout: 0 });
  const articles = await page.evaluate(() => Number(document.querySelector('#corpus-size').textContent.replace(/[,\s]/g, '').match(/\d+/)?.[0] ?? 0));

  // In the page: the keydown's timestamp, and a watcher resolving at the first task after the
  // frame that follows the list showing `query`.
  await page.evaluate(() => {
    const b = { longTasks: [] };
    window.__searchBench = b;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    addEventListener('keydown', (e) => {
      if (e.key === 'Enter') b.down = e.timeStamp;
    }, { capture: true });
    b.arm = (query) => {
      b.done = new Promise((resolve) => {
        const results = document.querySelector('#results');
        const check = () => {
          if (results.dataset.query !== query || document.body.dataset.busy) return false;
          observer.disconnect();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - b.down);
            channel.port2.postMessage(0);
          });
          return true;
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-query', 'data-busy'] });
      });
    };
  });
  const one = async (query) => {
    // Without --typed the value is set with no input event (see above); with it, as a
    // paste does.
    await page.evaluate(([q, input]) => {
      const box = document.querySelector('#q');
      box.value = q;
      if (input) box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      window.__searchBench.arm(q);
    }, [query, typed]);
    if (typed) await page.waitForTimeout(TYPED_GAP_MS);
    await page.press('#q', 'Enter');
    return page.evaluate(() => window.__searchBench.done);
  };
  for (const q of queries) await one(q); // warm-up: the worker's code paths and the page's modules
  await page.evaluate(() => { window.__searchBench.longTasks.length = 0; });
  // The timed pass asks each query again after another, so none is the list on screen.
  await one('warm-up end');
  const times = [];
  for (const q of queries) times.push(await one(q));
  const longTasks = await page.evaluate(() => window.__searchBench.longTasks);
  times.sort((a, b) => a - b);
  const pick = (p) => times[Math.min(times.length - 1, Math.floor(times.length * p))];
  console.log(JSON.stringify({
    bench: 'page_search',
    corpus: which,
    typed,
    articles,
    upload_s: Number(uploadS.toFixed(1)),
    queries: times.length,
    median_ms: Number(pick(0.5).toFixed(1)),
    p95_ms: Number(pick(0.95).toFixed(1)),
    max_ms: Number(times[times.length - 1].toFixed(1)),
    long_tasks: longTasks.length,
    longest_task_ms: longTasks.length ? Math.max(...longTasks) : 0,
    cpus: cpus().length,
  }));
} finally {
  await context?.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
