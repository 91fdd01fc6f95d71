// Privacy: during a whole working session (search, upload, read, compare, share, export,
// bundle export and import, themes, languages, offline reload) the page requests nothing
// but its own static files: no other origin, no method but GET, no query string (the view
// lives in the fragment), only paths of files that exist in www/.
import * as nodeTest from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WWW } from './server.js';
import { start, ready, rows, search, corpusFiles, corpusNames, upload, OUT, corpusTests } from './helpers.js';

// Every test here reads ../shared/corpus: skipped with a note when it is absent.
const { test, before, after } = corpusTests(nodeTest);

let b;
before(async () => {
  b = await start();
});
after(async () => {
  await b?.close();
});

test('sends no request except for its own static files during a full session', async () => {
  const page = b.page;
  await b.open('/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await search(page, 'Ghouta');
  await upload(page, await corpusFiles('ar', (await corpusNames('ar')).slice(100, 140)));
  await search(page, 'سوريا');
  await rows(page).first().locator('.hit-open').click();
  await page.locator('#reader article').waitFor();
  await page.locator('[data-file][data-lang=ar] input.compare-box').first().check();
  await search(page, 'Macron');
  await page.locator('[data-file][data-lang=en] input.compare-box').first().check();
  await page.click('#open-compare');
  await page.locator('#compare .sbs-col').first().waitFor();
  await page.click('.sbs-share');
  await page.locator('#share-carry').waitFor();
  await page.click('#share-dialog button[value=close]');
  await page.keyboard.press('Escape');
  await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  await page.click('#corpus-menu summary');
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.click('#export-bundle')]);
  const path = join(OUT, 'privacy.qarin');
  await bundle.saveAs(path);
  await page.click('#theme');
  await page.click('#ui-lang');
  await page.click('#corpus-menu summary');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import-bundle')]);
  await chooser.setFiles(path);
  await page.locator('#confirm-dialog button[data-choice=add]').click();
  await page.waitForFunction(() => document.querySelector('#report .report-box[data-files]') && !document.body.dataset.busy);
  await page.click('#ui-lang');
  await b.context.setOffline(true);
  await page.reload();
  await ready(page);
  await b.context.setOffline(false);
  await page.reload();
  await ready(page);

  const seen = b.requests;
  assert.ok(seen.length > 20, `${seen.length} requests recorded`);
  assert.ok(seen.some((r) => r.url.endsWith('/pkg/qarin_bg.wasm')), 'worker and service-worker requests are recorded');
  const origin = b.server.url;
  const bad = [];
  for (const { url, method } of seen) {
    const u = new URL(url);
    if (u.protocol === 'blob:') {
      // A download made in the page from an object URL: local memory, not the network.
      if (!url.startsWith(`blob:${origin}/`)) bad.push(url);
      continue;
    }
    if (u.origin !== origin || method !== 'GET' || u.search !== '') {
      bad.push(`${method} ${url}`);
      continue;
    }
    const file = u.pathname.endsWith('/') ? `${u.pathname}index.html` : u.pathname;
    const info = await stat(join(WWW, decodeURIComponent(file))).catch(() => null);
    if (!info?.isFile()) bad.push(`not a static file: ${url}`);
  }
  assert.deepEqual(bad, []);
});

test('logs no errors during the session', () => {
  assert.deepEqual(b.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
});
