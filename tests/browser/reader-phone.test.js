// The reader on a phone (issue 16 item 1, daily use): while a long article is read at 360 and
// 390 px wide, its toolbar (compare, share, download, remove, close) stays on screen and on
// top, whole, opaque and compact, in both UI languages. Run after `./qarin.sh build`:
//   node --test --test-concurrency=1 tests/browser/reader-phone.test.js
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, upload, search } from './helpers.js';

let b;
let page;
before(async () => {
  b = await start({ viewport: { width: 390, height: 844 } });
  page = b.page;
  await b.open();
});
after(async () => {
  await b?.close();
});

const LONG = `Winter on the estuary\n\n${Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1}: the estuary froze early this year, and the ferry crews broke the ice each morning before the first crossing to the island villages.`).join('\n\n')}`;

/** Each toolbar button: on screen, whole, and the topmost element at its centre. */
function reachable() {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('#reader .reader-bar button, #reader .reader-bar .compare-toggle')) {
      const r = el.getBoundingClientRect();
      const inside = r.width > 0 && r.top >= 0 && r.left >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!inside || !(top === el || el.contains(top))) out.push(`${el.className} ${JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round))} under ${top?.className}`);
    }
    return out;
  });
}

test('the reader toolbar stays reachable at the end of a long article, 360 and 390 px, both languages', async () => {
  await upload(page, [{ name: 'estuary.txt', mimeType: 'text/plain', buffer: Buffer.from(LONG) }]);
  await search(page, 'estuary ferry');
  await page.click('[data-file="estuary.txt"] .hit-open');
  await page.locator('#reader.is-open .reader-bar').waitFor();
  for (const lang of ['en', 'ar']) {
    if ((await page.evaluate(() => document.documentElement.lang)) !== lang) {
      await page.evaluate(() => document.getElementById('ui-lang').click());
      await page.waitForFunction((l) => document.documentElement.lang === l && !document.body.dataset.busy, lang);
      await page.locator('#reader.is-open .reader-bar').waitFor();
    }
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 740 });
      // Read to the end: the pane (or the page) scrolled all the way down.
      await page.evaluate(() => {
        const pane = document.getElementById('reader');
        pane.scrollTop = pane.scrollHeight;
        window.scrollTo(0, document.documentElement.scrollHeight);
      });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const scrolled = await page.evaluate(() => document.getElementById('reader').scrollTop + window.scrollY);
      assert.ok(scrolled > 1000, `the article was scrolled (${scrolled} px)`);
      assert.deepEqual(await reachable(), [], `${lang} UI, ${width} px`);
      // The article scrolls under the bar: it is opaque (no text shows through) and small.
      const bar = await page.evaluate(() => {
        const el = document.querySelector('#reader .reader-bar');
        return { bg: getComputedStyle(el).backgroundColor, height: el.getBoundingClientRect().height };
      });
      assert.match(bar.bg, /^rgb\(/, `${lang} UI, ${width} px: an opaque bar, not ${bar.bg}`);
      assert.ok(bar.height <= 740 * 0.16, `${lang} UI, ${width} px: the bar is ${bar.height} px tall`);
    }
  }
  await page.click('#reader .reader-close');
  await page.waitForFunction(() => !document.querySelector('#reader.is-open'));
});
