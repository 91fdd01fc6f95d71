// Screenshots of every view, light and dark, English and Arabic UI, for checking by eye and
// for the README (the chosen ones are copied to docs/screenshots/). Not a test:
//   node tests/browser/screenshots.js      (after ./qarin.sh build; writes tests/browser/out/shots/)
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { start, ready, rows, search, settled, corpusFiles, corpusNames, upload, OUT } from './helpers.js';

const SHOTS = join(OUT, 'shots');
await mkdir(SHOTS, { recursive: true });

const b = await start({ viewport: { width: 1366, height: 860 } });
const page = b.page;
const shot = async (name, p = page) => {
  await p.mouse.move(0, 0);
  await p.screenshot({ path: join(SHOTS, `${name}.png`) });
  console.log(`${name}.png`);
};
const theme = async (t, p = page) => {
  if ((await p.getAttribute('html', 'data-theme')) !== t) await p.click('#theme');
};
const uiLang = async (l, p = page) => {
  if ((await p.getAttribute('html', 'lang')) !== l) await p.click('#ui-lang');
};

try {
  await b.open();
  await shot('01-first-visit');

  // A working corpus: the demo articles, 300 English and 300 Arabic articles.
  const en = (await corpusNames('en')).slice(150, 450);
  const ar = (await corpusNames('ar')).slice(0, 300);
  await page.locator('input[type=file]').first().setInputFiles(await corpusFiles('ar', ar));
  await page.waitForFunction(() => Number(document.querySelector('#report .is-progress')?.dataset.added ?? 0) > 60);
  await shot('02-upload-progress');
  await page.waitForFunction(() => document.querySelector('#report .report-box[data-files]') && !document.body.dataset.busy);
  await upload(page, await corpusFiles('en', en));
  await page.click('#report .report-dismiss');

  await search(page, 'الغوطة OR Ghouta');
  await rows(page).first().locator('.hit-open').click();
  await page.locator('#reader article .article-body mark').first().waitFor();
  await shot('03-results-reader-light');
  await theme('dark');
  await shot('04-results-reader-dark');
  await uiLang('ar');
  await shot('05-arabic-ui-dark');
  await theme('light');
  await shot('06-arabic-ui-light');
  await uiLang('en');

  await page.keyboard.press('Escape');
  await search(page, 'Aleppo');
  await page.click('#source summary');
  await page.check('#source input[value="AFP"]');
  await settled(page, 'Aleppo');
  await shot('07-filters-source');
  await page.click('#clear-filters');
  await settled(page, 'Aleppo');

  // One wire story printed by several outlets: folded into one result, listed in the reader.
  await search(page, 'Syria warplanes');
  await rows(page).filter({ has: page.locator('.hit-similar') }).first().locator('.hit-similar').click();
  await page.locator('#reader .reader-similar').waitFor();
  await page.click('#reader .reader-similar summary');
  await shot('07b-near-duplicates');
  await page.keyboard.press('Escape');

  await search(page, 'ماكرون OR Macron');
  await page.locator('[data-file][data-lang=en] input.compare-box').first().check();
  await page.locator('[data-file][data-lang=ar] input.compare-box').first().check();
  await page.click('#open-compare');
  await page.locator('#compare .sbs-col').first().waitFor();
  await shot('08-side-by-side-light');
  await theme('dark');
  await shot('09-side-by-side-dark');
  await page.click('.sbs-share');
  await page.locator('#share-view').waitFor();
  await shot('10-share-dialog-dark');
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
  await shot('11-link-missing-articles', c.page);
  await c.close();

  // A phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await search(page, 'الغوطة');
  await shot('12-phone-results');
  await rows(page).first().locator('.hit-open').click();
  await page.locator('#reader article').waitFor();
  await shot('13-phone-reader');
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1366, height: 860 });

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
  await shot('16-corpus-kwic');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('.an-tab[data-tool=keyness]');
  await toolDone('keyness');
  await page.selectOption('#an-k', 'langs');
  await toolDone('keyness');
  await shot('17-corpus-keyness');
  await page.click('.an-tab[data-tool=dispersion]');
  await toolDone('dispersion');
  await theme('dark');
  await shot('18-corpus-dispersion-dark');
  await theme('light');
  await page.click('.an-close');

  await page.click('#corpus-menu summary');
  await shot('14-corpus-menu');
  await page.click('#clear-corpus');
  await page.locator('#confirm-dialog button[data-choice=clear]').click();
  await page.waitForFunction(() => !document.body.dataset.busy && document.querySelector('#empty-corpus:not([hidden])'));
  await shot('15-empty-corpus');
  if (b.problems.length) console.error(b.problems);
} finally {
  await b.close();
}
