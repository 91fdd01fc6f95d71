// The result list draws the rows a screen shows before the first paint and the rest after
// it (issue 15, search to screen): when `#results` first says it shows a query, 3 to 20
// rows are in, reaching the bottom of the screen, and `data-complete` is "false"; once
// settled, every row of the page is in,
// ranked in order, and `data-complete` is "true".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, rows, settled, upload } from './helpers.js';

let b;
let page;
let dir;
before(async () => {
  b = await start();
  page = b.page;
  await b.open();
  dir = await mkdtemp(join(tmpdir(), 'qarin-rows-'));
  const files = [];
  const words = ['harbour', 'valley', 'market', 'bridge', 'school', 'station', 'river', 'garden'];
  for (let i = 0; i < 30; i++) {
    const path = join(dir, `story-${String(i).padStart(2, '0')}.txt`);
    // Distinct texts (no two near-duplicates), each naming the made-up word a different
    // number of times.
    const body = Array.from({ length: 40 }, (_, k) => `${words[(i + k) % 8]}${i}x${k}`).join(' ');
    await writeFile(path, `Story ${i} from the ${words[i % 8]}\n\n${'Zephyrine '.repeat(1 + (i % 5))}${body}.\n`);
    files.push(path);
  }
  await upload(page, files);
});
after(async () => {
  await b?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('the first rows are drawn before the rest, and the rest follow', async () => {
  await page.evaluate(() => {
    window.__first = new Promise((resolve) => {
      const list = document.querySelector('#results');
      const observer = new MutationObserver(() => {
        if (list.dataset.query !== 'Zephyrine') return;
        observer.disconnect();
        const drawn = list.querySelectorAll('[data-file]');
        // The rows drawn at once reach the bottom of the screen.
        const fills = drawn[drawn.length - 1].getBoundingClientRect().bottom >= innerHeight;
        resolve({ rows: drawn.length, complete: list.dataset.complete, fills });
      });
      observer.observe(list, { attributes: true, attributeFilter: ['data-query'] });
    });
  });
  await page.fill('input[type=search]', 'Zephyrine');
  await page.press('input[type=search]', 'Enter');
  const first = await page.evaluate(() => window.__first);
  assert.ok(first.rows >= 3 && first.rows < 30, `${first.rows} rows drawn first`);
  assert.deepEqual([first.complete, first.fills], ['false', true]);
  await settled(page, 'Zephyrine');
  assert.equal(await rows(page).count(), 30);
  const ranks = await rows(page).evaluateAll((els) => els.map((e) => Number(e.dataset.rank)));
  assert.deepEqual(ranks, Array.from({ length: 30 }, (_, i) => i + 1));
  assert.equal(await page.locator('#results').getAttribute('data-complete'), 'true');
});
