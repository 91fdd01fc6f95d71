// Layout shift on the first visit (issue 16, "The web's own yardsticks"): the page reserves
// the room of what arrives late (the corpus size, the summary, the results, the filters, the
// reader's hint), so nothing already painted moves while the demo corpus, the second UI
// language and the lexicon load. The score is every layout shift the browser reports
// (PerformanceObserver 'layout-shift', buffered) from the first paint until the page is ready,
// the lexicon linked and two frames drawn, summed (an upper bound of Lighthouse's CLS, which
// takes the worst session window). Phone (Lighthouse's mobile size) and desktop, both UI
// languages. Run after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/layout.test.js
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.js';

const SIZES = { phone: { width: 412, height: 823 }, desktop: { width: 1280, height: 800 } };

/** Records layout shifts from the start of the document (installed before any script runs). */
function recordShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({
        value: e.value,
        at: Math.round(e.startTime),
        moved: (e.sources ?? []).map((s) => {
          const n = s.node;
          const name = n?.nodeType === 1 ? `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.className && typeof n.className === 'string' ? `.${n.className.trim().split(/\s+/).join('.')}` : ''}` : n?.nodeName ?? '?';
          return `${name} ${s.previousRect.y}→${s.currentRect.y} (h ${s.previousRect.height}→${s.currentRect.height})`;
        }),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

for (const [size, viewport] of Object.entries(SIZES)) {
  for (const lang of ['en', 'ar']) {
    test(`the first visit does not shift the layout (${size}, ${lang} UI)`, async () => {
      const b = await start({ viewport, locale: lang === 'ar' ? 'ar' : 'en-US' });
      try {
        await b.page.addInitScript(recordShifts);
        await b.open();
        await b.page.waitForFunction(() => document.body.dataset.lexicon === 'true' && !document.body.dataset.busy);
        await b.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const shifts = await b.page.evaluate(() => window.__shifts);
        const total = shifts.reduce((s, e) => s + e.value, 0);
        const detail = shifts.map((e) => `${e.value.toFixed(4)} at ${e.at} ms: ${e.moved.join('; ')}`).join('\n');
        console.log(`# layout shift, first visit (${size}, ${lang}): ${total.toFixed(4)} over ${shifts.length} shifts`);
        assert.ok(total < 0.1, `layout shift ${total.toFixed(4)} (${size}, ${lang}):\n${detail}`);
        assert.deepEqual(b.problems, []);
      } finally {
        await b.close();
      }
    });
  }
}
