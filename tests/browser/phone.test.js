// Phone width (issue 16 item 1): every view fits 360 px wide (and a 390×844 phone) in both UI
// languages, with no horizontal scroll: no visible element extends past the viewport, even
// inside a scrolling container. Views: the list, an upload's report, the filters once
// articles carry dates (the year row wraps), the reader, side by side (one article at a
// time, chosen by tabs), the corpus menu and the dialogs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, search, settled, idle, corpusFiles, corpusNames, upload, OUT } from './helpers.js';

const EN = '000_b8dc9deffb4c23c5.txt';
const AR = '001_629cf4ce1a02286a.txt';

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

/**
 * Every visible element whose box reaches past the viewport's left or right edge (a
 * scrolled-away part of a scrolling container counts too), as "tag#id.class text" lines.
 */
function overflowing(p) {
  return p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('[hidden], .visually-hidden, .file-input, script, style, option')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'contents') continue;
      for (const r of el.getClientRects()) {
        if (r.width === 0 || r.height === 0) continue;
        if (r.left < -0.5 || r.right > width + 0.5) {
          out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} [${Math.round(r.left)}, ${Math.round(r.right)}] ${el.textContent.trim().slice(0, 30)}`);
          break;
        }
      }
    }
    const scroll = document.documentElement.scrollWidth - width;
    if (scroll > 0) out.push(`the page scrolls ${scroll} px sideways`);
    return out;
  });
}

/** Checks the view at 390 and at 360 px wide, and keeps a picture of each. */
async function fits(name) {
  await idle(page);
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 844 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const lang = await page.evaluate(() => document.documentElement.lang);
    assert.deepEqual(await overflowing(page), [], `${name}, ${lang} UI, ${width} px`);
    await page.screenshot({ path: join(OUT, `phone-${name}-${lang}-${width}.png`) });
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

async function uiLang(lang) {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.click('#ui-lang');
  await page.waitForFunction((l) => document.documentElement.lang === l && !document.body.dataset.busy, lang);
}

for (const lang of ['en', 'ar']) {
  test(`the list fits a phone (${lang} UI)`, async () => {
    await uiLang(lang);
    await search(page, '');
    await fits('list');
  });
}

test('an upload: progress and report panels keep their width', async () => {
  // The progress panel as an upload draws it (the real module, a long file name).
  for (const lang of ['en', 'ar']) {
    await uiLang(lang);
    await page.evaluate(async () => {
      const { renderProgress } = await import('./views/report.js');
      renderProgress(document.querySelector('#report'), { phase: 'add', done: 40, total: 1200, file: 'fakes_0011_alaraby_a_rather_long_file_name_2016.html', added: 38 }, { cancel() {} });
    });
    await fits('progress');
    const text = await page.locator('#report .report-text').boundingBox();
    assert.ok(text.width > 200, `${lang}: the progress text is ${text.width} px wide`);
    const [bar, count] = [await page.locator('#report progress').boundingBox(), await page.locator('#report .progress-count').boundingBox()];
    assert.ok(bar.y >= count.y + count.height || bar.x >= count.x + count.width || bar.x + bar.width <= count.x, 'the bar does not overlap its count');
  }
  await uiLang('en');
  const names = (await corpusNames('en')).slice(150, 162);
  await upload(page, await corpusFiles('en', names));
  const box = await page.locator('#report .report-box').boundingBox();
  assert.ok(box.width > 300, `the report is ${box.width} px wide`);
  await page.waitForFunction(() => document.querySelector('#report progress') === null || document.querySelector('#report progress').hidden);
  for (const lang of ['en', 'ar']) {
    await uiLang(lang);
    await fits('report');
    const text = await page.locator('#report .report-text').boundingBox();
    assert.ok(text.width > 200, `${lang}: the report text is ${text.width} px wide`);
  }
});

for (const lang of ['en', 'ar']) {
  test(`the filters with dates and year shortcuts wrap (${lang} UI)`, async () => {
    await uiLang(lang);
    await page.locator('#dates-field').waitFor();
    await page.locator('.year-shortcuts button').first().waitFor();
    await fits('filters');
    // The brand, the search button and "Add files" are on screen, whole.
    for (const sel of ['.brand', '#search-form button[type=submit]', 'label[for=files]', '#share']) {
      const r = await page.locator(sel).boundingBox();
      assert.ok(r && r.x >= 0 && r.x + r.width <= 390, `${sel}: ${JSON.stringify(r)}`);
    }
  });
}

for (const lang of ['en', 'ar']) {
  test(`the reader fits a phone (${lang} UI)`, async () => {
    await uiLang(lang);
    await search(page, 'Rouhani');
    await page.locator(`[data-file="${EN}"] .hit-open`).click();
    await page.locator('#reader article').waitFor();
    await fits('reader');
    await page.keyboard.press('Escape');
    await page.locator('#reader article').waitFor({ state: 'detached' });
  });
}

test('the tray leaves "Share…" reachable', async () => {
  await uiLang('en');
  await search(page, '');
  await page.locator(`[data-file="${EN}"] input.compare-box`).check();
  await page.locator(`[data-file="${AR}"] input.compare-box`).check();
  await idle(page);
  await page.locator('#share').scrollIntoViewIfNeeded();
  const share = await page.locator('#share').boundingBox();
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id, { x: share.x + share.width / 2, y: share.y + share.height / 2 });
  assert.equal(hit, 'share', 'nothing covers Share…');
  for (const lang of ['en', 'ar']) {
    await uiLang(lang);
    await fits('tray');
  }
});

for (const lang of ['en', 'ar']) {
  test(`side by side shows one article at a time with tabs between them (${lang} UI)`, async () => {
    await uiLang(lang);
    await page.click('#open-compare');
    await page.locator('#compare .sbs-col').first().waitFor();
    await idle(page);
    const tabs = page.locator('#compare [role=tab]');
    assert.equal(await tabs.count(), 2);
    const visible = () => page.locator('#compare .sbs-col:visible').evaluateAll((cols) => cols.map((c) => c.lang || c.dir));
    const first = await visible();
    assert.equal(first.length, 1, 'one column at a time');
    const top = (await page.locator('#compare .sbs-col:visible').boundingBox()).y;
    assert.ok(top < 844, `the article starts on the first screen (at ${top} px)`);
    await fits('sbs');
    await tabs.nth(1).click();
    const second = await visible();
    assert.equal(second.length, 1);
    assert.notDeepEqual(second, first, 'the other tab shows the other article');
    assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true');
    const top2 = (await page.locator('#compare .sbs-col:visible').boundingBox()).y;
    assert.ok(Math.abs(top2 - top) < 2, 'the second article starts where the first did');
    await fits('sbs-second');
    await page.keyboard.press('Escape');
    await page.locator('#compare').waitFor({ state: 'hidden' });
  });
}

for (const lang of ['en', 'ar']) {
  test(`the corpus menu and the dialogs fit a phone (${lang} UI)`, async () => {
    await uiLang(lang);
    await search(page, 'Rouhani OR Putin');
    await page.click('#corpus-menu summary');
    await fits('menu');
    await page.click('#corpus-menu summary');
    await page.click('#remove-results');
    await page.locator('#confirm-dialog[open]').waitFor();
    await fits('remove');
    await page.keyboard.press('Escape');
    await page.click('#share');
    await page.locator('#share-dialog[open]').waitFor();
    await fits('share');
    await page.keyboard.press('Escape');
  });
}

test('the Arabic remove dialog counts two articles in the oblique dual', async () => {
  await uiLang('ar');
  // With the lexicon in, the English and the Arabic report of the call (000, 001).
  await page.waitForFunction(() => document.body.dataset.lexicon === 'true');
  await search(page, 'Rouhani Macron');
  await settled(page, 'Rouhani Macron');
  assert.equal(await page.locator('#results [data-file]').count(), 2);
  await page.click('#remove-results');
  const dialog = page.locator('#confirm-dialog[open]');
  await dialog.waitFor();
  const text = await dialog.textContent();
  assert.match(text, /حذف مقالتين؟/);
  assert.match(text, /احذف مقالتين/);
  await page.keyboard.press('Escape');
});

for (const lang of ['en', 'ar']) {
  test(`a link notice and a query error fit a phone (${lang} UI)`, async () => {
    await uiLang(lang);
    await page.goto(`${b.server.url}/#v=1&q=%22Rouhani&ent=Syria&tool=kwic&t.width=80`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy);
    await page.locator('#notice .notice-box').waitFor();
    await page.locator('#query-error:not(:empty)').waitFor();
    await fits('notice');
  });
}

test('logs no errors', () => {
  assert.deepEqual(b.problems, []);
});
