import { start } from './helpers.js';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
const CORPUS = '/work/shared/corpus/';
const paths = [];
for (const lang of ['en', 'ar']) for (const name of (await readdir(join(CORPUS, lang))).sort()) paths.push(join(CORPUS, lang, name));
const b = await start();
await b.open();
const page = b.page;
await page.evaluate(() => {
  window.__t = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__t.push(['long', e.startTime.toFixed(0), e.duration.toFixed(0)]); }).observe({ type: 'longtask' });
  const pm = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...a) { const t = performance.now(); pm.apply(this, a); const d = performance.now() - t; if (d > 10) window.__t.push(['post', t.toFixed(0), d.toFixed(0), a[0].files?.length]); };
  const rc = Element.prototype.replaceChildren;
  Element.prototype.replaceChildren = function (...a) { const t = performance.now(); rc.apply(this, a); const d = performance.now() - t; if (d > 10) window.__t.push(['replace', this.id, t.toFixed(0), d.toFixed(0)]); };
  document.querySelector('#files').addEventListener('change', () => window.__t.push(['change', performance.now().toFixed(0)]), { capture: true });
});
for (let k = 0; k < 2; k++) {
await page.evaluate(() => { window.__t = window.__t.filter(() => false); });
await page.locator('input[type=file]').first().setInputFiles(paths);
await page.waitForFunction((n) => document.querySelector(`#report .report-box[data-files="${n}"]`) && !document.body.dataset.busy, paths.length, { timeout: 120000 });
console.log(await page.evaluate(() => window.__t));
}
await b.close();
