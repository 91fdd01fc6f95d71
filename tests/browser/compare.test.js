// The compare view = the aligned reader (issues 14 and 16): 2–4 articles in any languages
// side by side, each column with its own dir/lang; a fifth tick refused; the link keeps
// the articles (cmp=<hash>.<hash>…) and old l/r/cmp=1 links open the same pair; back and
// forward; entities coloured alike in every column, hover marks them everywhere, a click
// jumps to the other article's paragraph; linked scrolling; phone width in both UI
// languages; offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, search, idle, ready } from './helpers.js';

const EN = '000_b8dc9deffb4c23c5.txt';
const AR = '001_629cf4ce1a02286a.txt';
const EN2 = '002_6ca43d48d28243e0.txt';
/** Content hashes by file name, read from the list. */
const hashes = {};
const H = (file) => hashes[file];

let b;
let page;
before(async () => {
  b = await start();
  page = b.page;
  await b.open();
  await page.waitForFunction(() => document.body.dataset.lexicon === 'true');
  await search(page, '');
  Object.assign(hashes, await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-file]')].map((li) => [li.dataset.file, li.dataset.hash]))));
  assert.equal(Object.keys(hashes).length, 5);
});
after(async () => {
  await b?.close();
});

const tick = (file, p = page) => p.locator(`[data-file="${file}"] input.compare-box`).check();
const aligned = (p = page) => p.waitForFunction(() => document.querySelector('#compare')?.dataset.aligned === 'true' && !document.body.dataset.busy);
const columns = (p = page) => p.locator('#compare .sbs-col').evaluateAll((cols) => cols.map((c) => ({ hash: c.dataset.hash, dir: c.dir, lang: c.lang })));

test('three articles in two languages side by side; a fifth tick is refused', async () => {
  await search(page, '');
  for (const f of [EN, EN2, AR]) await tick(f);
  await idle(page);
  assert.equal(await page.locator('#tray .tray-slot').count(), 3, 'a second English article joins, it replaces nothing');
  await page.click('#open-compare');
  await aligned();
  assert.deepEqual(await columns(), [
    { hash: H(EN), dir: 'ltr', lang: 'en' },
    { hash: H(EN2), dir: 'ltr', lang: 'en' },
    { hash: H(AR), dir: 'rtl', lang: 'ar' },
  ]);
  assert.match(page.url(), new RegExp(`#v=1&cmp=${H(EN)}\\.${H(EN2)}\\.${H(AR)}$`));
  // The three columns sit side by side.
  const xs = await page.locator('#compare .sbs-col').evaluateAll((cols) => cols.map((c) => c.getBoundingClientRect().x));
  assert.ok(xs[0] < xs[1] && xs[1] < xs[2], `${xs}`);
  await page.keyboard.press('Escape');
  await page.locator('#compare').waitFor({ state: 'hidden' });
  // A fourth is fine, a fifth is refused with a message and stays unticked.
  await tick('003_07c0c039424cdcd0.txt');
  await idle(page);
  const fifth = page.locator('[data-file="004_23c96fb8be1b69e3.txt"] input.compare-box');
  await fifth.click();
  await idle(page);
  assert.equal(await fifth.isChecked(), false);
  assert.match(await page.locator('#query-error').textContent(), /At most 4 articles/);
  assert.equal(await page.locator('#tray .tray-slot').count(), 4);
  await page.click('#clear-compare');
  await idle(page);
});

test('entities: one colour in every column, hover marks all, click jumps to the other article', async () => {
  await b.open(`/#v=1&cmp=${H(EN)}.${H(AR)}`);
  await aligned();
  // Macron is named in both: same colour and number in both columns.
  const ent = 'person:emmanuel-macron';
  const style = (col) => page.locator(`#sbs-${col} .ent-shared[data-ent="${ent}"][data-n]`).first().evaluate((el) => ({
    bg: getComputedStyle(el).backgroundColor, line: getComputedStyle(el).textDecorationColor, n: el.dataset.n,
  }));
  const [left, right] = [await style(0), await style(1)];
  assert.deepEqual(left, right);
  assert.notEqual(left.bg, 'rgba(0, 0, 0, 0)', 'coloured');
  // Another shared entity has another colour.
  const other = await page.locator(`#sbs-0 .ent-shared[data-n]:not([data-ent="${ent}"])`).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(other, left.bg);
  // Hover marks it in both columns.
  await page.locator(`#sbs-0 .ent-shared[data-ent="${ent}"]`).first().hover();
  assert.ok(await page.locator(`#sbs-1 .ent-on[data-ent="${ent}"]`).count() > 0, 'marked in the Arabic column');
  // Keyboard: focus the English mention, Enter scrolls the Arabic column to its first one.
  const arCol = page.locator('#sbs-1');
  await arCol.evaluate((c) => { c.scrollTop = c.scrollHeight; });
  await page.locator(`#sbs-0 .ent-shared[data-ent="${ent}"][tabindex="0"]`).first().focus();
  await page.keyboard.press('Enter');
  const seen = await arCol.evaluate((c, e) => {
    const first = c.querySelector(`.ent[data-ent="${e}"]`);
    const r = first.getBoundingClientRect();
    const box = c.getBoundingClientRect();
    return { inside: r.top >= box.top - 1 && r.bottom <= box.bottom + 1, flashed: first.closest('p').classList.contains('para-jump') };
  }, ent);
  assert.deepEqual(seen, { inside: true, flashed: true });
  // Aligned paragraphs: hovering one marks its partners in the other column.
  await page.locator('#sbs-0 .article-body p.para-linked').first().hover({ position: { x: 5, y: 5 } });
  assert.ok(await page.locator('#sbs-1 p.para-on').count() > 0);
  // Search marks stay with the entities.
  await page.goto(`${new URL(page.url()).origin}/#v=1&q=Rouhani&cmp=${H(EN)}.${H(AR)}`);
  await ready(page);
  await aligned();
  assert.ok(await page.locator('#sbs-0 mark').count() > 0, 'search marks in the English column');
  assert.ok(await page.locator('#sbs-0 mark .ent-shared, #sbs-0 .ent-shared mark').count() > 0, 'a marked name is still coloured');
});

test('linked scrolling brings the other column to the aligned paragraph', async () => {
  await page.goto(`${new URL(page.url()).origin}/#v=1&cmp=${H(EN)}.${H(AR)}`);
  await ready(page);
  await aligned();
  assert.equal(await page.locator('.sbs-linked-box').isChecked(), true, 'on by default');
  const before = await page.locator('#sbs-1').evaluate((c) => c.scrollTop);
  await page.locator('#sbs-0').evaluate((c) => { c.scrollTop = c.scrollHeight / 2; });
  await page.waitForFunction((b0) => document.querySelector('#sbs-1').scrollTop !== b0, before);
  // Off: the other column stays.
  await page.locator('.sbs-linked-box').uncheck();
  const still = await page.locator('#sbs-1').evaluate((c) => c.scrollTop);
  await page.locator('#sbs-0').evaluate((c) => { c.scrollTop = 0; });
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#sbs-1').evaluate((c) => c.scrollTop), still);
});

test('links: the new cmp form, the old l/r/cmp=1 form, back and forward', async () => {
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/#v=1&l=${H(EN)}&r=${H(AR)}&cmp=1`);
  await ready(page);
  await page.locator('#compare .sbs-col').first().waitFor();
  assert.deepEqual((await columns()).map((c) => c.hash), [H(EN), H(AR)]);
  await page.goto(`${origin}/#v=1&cmp=${H(AR)}.${H(EN2)}.${H(EN)}`);
  await ready(page);
  await aligned();
  assert.deepEqual((await columns()).map((c) => c.hash), [H(AR), H(EN2), H(EN)]);
  // Back to the list, then back and forward through history.
  await page.keyboard.press('Escape');
  await page.locator('#compare').waitFor({ state: 'hidden' });
  await page.goBack();
  await page.locator('#compare .sbs-col').first().waitFor();
  assert.equal((await columns()).length, 3);
  await page.goForward();
  await page.locator('#compare').waitFor({ state: 'hidden' });
  assert.match(page.url(), /pick=/, 'still ticked after closing');
});

for (const lang of ['en', 'ar']) {
  test(`a phone shows one article at a time, tabs for three (${lang} UI)`, async () => {
    const phone = await start({ server: b.server, viewport: { width: 360, height: 780 } });
    try {
      await phone.open(`/#v=1&cmp=${H(EN)}.${H(EN2)}.${H(AR)}`);
      if (lang === 'ar') {
        await phone.page.click('#ui-lang');
        await phone.page.waitForFunction(() => document.documentElement.lang === 'ar' && !document.body.dataset.busy);
      }
      await phone.page.waitForFunction(() => document.body.dataset.lexicon === 'true');
      await aligned(phone.page);
      const tabs = phone.page.locator('#compare [role=tab]');
      assert.equal(await tabs.count(), 3);
      assert.equal(await phone.page.locator('#compare .sbs-col:visible').count(), 1);
      await tabs.nth(2).click();
      assert.equal(await phone.page.locator('#compare .sbs-col:visible').getAttribute('dir'), 'rtl');
      // A click on a shared name shows the other article at its first mention.
      await phone.page.locator('#sbs-2 .ent-shared[data-ent="person:emmanuel-macron"]').first().click();
      assert.notEqual(await phone.page.locator('#compare .sbs-col:visible').getAttribute('data-col'), '2');
      const wide = await phone.page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const out = [];
        for (const el of document.querySelectorAll('#compare *')) {
          if (el.closest('[hidden]')) continue;
          for (const r of el.getClientRects()) {
            if (r.width && r.height && (r.left < -0.5 || r.right > width + 0.5)) out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
          }
        }
        if (document.documentElement.scrollWidth > width) out.push('page scrolls sideways');
        return out;
      });
      assert.deepEqual(wide, []);
    } finally {
      await phone.close();
    }
  });
}

test('works offline after the first visit', async () => {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null && document.body.dataset.offlineReady === 'true');
  await b.context.setOffline(true);
  try {
    const origin = new URL(page.url()).origin;
    await page.goto('about:blank');
    await page.goto(`${origin}/#v=1&cmp=${H(EN)}.${H(AR)}`);
    await ready(page);
    await aligned();
    assert.ok(await page.locator('#sbs-1 .ent-shared').count() > 0);
  } finally {
    await b.context.setOffline(false);
  }
});

test('logs no errors', () => {
  assert.deepEqual(b.problems, []);
});
