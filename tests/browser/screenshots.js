// The README's screenshots, retaken from the page as it is: desktop (1366×860) and phone
// (390×844), English and Arabic UI, light and dark. Not a test; re-run after UI changes:
//   node tests/browser/screenshots.js      (after ./qarin.sh build; needs ../shared/corpus)
// writes docs/screenshots/<name>.png (the README shows them) and prints each name. Look at
// every picture before committing it.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, ready, rows, search, settled, idle, corpusFiles, corpusNames, upload } from './helpers.js';

const SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
await mkdir(SHOTS, { recursive: true });
const DESKTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };

const b = await start({ viewport: DESKTOP });
const page = b.page;
const shot = async (name, p = page, { settle = true } = {}) => {
  await p.mouse.move(0, 0);
  if (settle) await idle(p);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.screenshot({ path: join(SHOTS, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
};
const theme = async (t, p = page) => {
  if ((await p.getAttribute('html', 'data-theme')) !== t) await p.click('#theme');
};
const uiLang = async (l, p = page) => {
  if ((await p.getAttribute('html', 'lang')) !== l) await p.click('#ui-lang');
  await p.waitForFunction((lang) => document.documentElement.lang === lang && !document.body.dataset.busy, l);
};

try {
  await b.open();

  // A working corpus: the demo articles, 300 English and 300 Arabic articles.
  const en = (await corpusNames('en')).slice(150, 450);
  const ar = (await corpusNames('ar')).slice(0, 300);
  await page.locator('input[type=file]').first().setInputFiles(await corpusFiles('ar', ar));
  await page.waitForFunction(() => Number(document.querySelector('#report .is-progress')?.dataset.added ?? 0) > 60);
  await shot('upload-progress', page, { settle: false });
  await page.waitForFunction(() => document.querySelector('#report .report-box[data-files]') && !document.body.dataset.busy);
  await upload(page, await corpusFiles('en', en));
  await page.click('#report .report-dismiss');

  await search(page, 'الغوطة OR Ghouta');
  await rows(page).first().locator('.hit-open').click();
  await page.locator('#reader article .article-body mark').first().waitFor();
  await shot('results-reader');
  await theme('dark');
  await shot('results-reader-dark');
  await uiLang('ar');
  await theme('light');
  await shot('arabic-interface');
  await uiLang('en');

  await page.keyboard.press('Escape');
  await search(page, 'Aleppo');
  await page.click('#source summary');
  await page.check('#source input[value="AFP"]');
  await settled(page, 'Aleppo');
  await shot('filters');
  await page.click('#clear-filters');
  await settled(page, 'Aleppo');

  // One wire story printed by several outlets: folded into one result, listed in the reader.
  await search(page, 'Syria warplanes');
  await rows(page).filter({ has: page.locator('.hit-similar') }).first().locator('.hit-similar').click();
  await page.locator('#reader .reader-similar').waitFor();
  await page.click('#reader .reader-similar summary');
  await shot('near-duplicates');
  await page.keyboard.press('Escape');

  await search(page, 'ماكرون OR Macron');
  await page.locator('[data-file][data-lang=en] input.compare-box').first().check();
  await page.locator('[data-file][data-lang=ar] input.compare-box').first().check();
  await page.click('#open-compare');
  await page.locator('#compare .sbs-col').first().waitFor();
  await shot('side-by-side');
  await theme('dark');
  await page.click('.sbs-share');
  await page.locator('#share-view').waitFor();
  await shot('share-dialog');
  await page.click('#share-dialog button[value=close]');
  await theme('light');
  await page.keyboard.press('Escape');
  await search(page, 'Aleppo');
  await rows(page).first().locator('.hit-open').click();
  await page.locator('#reader article').waitFor();
  const link = page.url();
  await page.keyboard.press('Escape');

  // A colleague without the articles.
  const c = await start({ server: b.server, viewport: { width: 1366, height: 860 } });
  await c.page.goto(link);
  await ready(c.page);
  await c.page.locator('#notice .notice-box').waitFor();
  await shot('link-missing-articles', c.page);
  await c.close();

  // A phone, in both UI languages: the list, and an article open in the reader.
  await page.setViewportSize(PHONE);
  for (const lang of ['en', 'ar']) {
    await uiLang(lang);
    await search(page, 'الغوطة OR Ghouta');
    // The list, not the filters above it: the first rows under the results heading.
    await page.locator('.results-head').evaluate((el) => el.scrollIntoView());
    await shot(`phone-${lang}-results`);
    await rows(page).first().locator('.hit-open').click();
    await page.locator('#reader article').waitFor();
    await shot(`phone-${lang}-reader`);
    await page.keyboard.press('Escape');
    await page.locator('#reader article').waitFor({ state: 'detached' });
  }
  await uiLang('en');
  await page.setViewportSize(DESKTOP);

  // Corpus tools (issue 13): a concordance of both scripts, and keyness of English against
  // Arabic coverage of the same query (README: docs/screenshots/corpus-*.png).
  const toolDone = (tool) => page.waitForFunction((name) => {
    const out = document.querySelector('#an-out');
    return out?.dataset.tool === name && out.dataset.state === 'done' && !document.body.dataset.busy;
  }, tool);
  await search(page, 'الغوطة OR Ghouta');
  await page.click('#tools');
  await toolDone('kwic');
  // A keyword of its own within that sub-corpus, in both scripts.
  await page.fill('#an-q', 'Rouhani OR روحاني');
  await page.press('#an-q', 'Enter');
  await page.waitForFunction(() => /Rouhani/.test(location.hash) || /%D8%B1/.test(location.hash));
  await toolDone('kwic');
  await page.locator('#analysis').evaluate((el) => el.scrollIntoView());
  await shot('corpus-kwic');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('.an-tab[data-tool=keyness]');
  await toolDone('keyness');
  await page.selectOption('#an-k', 'langs');
  await toolDone('keyness');
  await shot('corpus-keyness');
  await page.click('.an-tab[data-tool=dispersion]');
  await toolDone('dispersion');
  await page.click('.an-close');

  if (b.problems.length) console.error(b.problems);
} finally {
  await b.close();
}
