// Offline: the service worker caches the app shell and takes control on the first visit;
// after that the page loads and searches with the network off. A web app manifest makes
// it installable, and a new version of the app replaces the cached one cleanly.
import * as nodeTest from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WWW } from './server.js';
import { start, ready, rows, search, corpusSize, corpusFiles, upload, corpusTests } from './helpers.js';

// Every test here reads ../shared/corpus: skipped with a note when it is absent.
const { test, before, after } = corpusTests(nodeTest);

let root; // a copy of www/ this test may change, as a deployment would
let b;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'qarin-www-'));
  await cp(WWW, root, { recursive: true });
  b = await start({ root });
  await b.open();
});
after(async () => {
  await b?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null && document.body.dataset.offlineReady === 'true');
const cacheNames = (page) => page.evaluate(() => caches.keys());

test('takes control of the page on the first visit', async () => {
  await controlled(b.page);
  const names = await cacheNames(b.page);
  const { version } = JSON.parse((await readFile(join(root, 'sw-precache.js'), 'utf8')).match(/=\s*(\{[\s\S]*\});/)[1]);
  assert.deepEqual(names, [`qarin-shell-${version}`]);
});

test('loads and searches with the network off after one visit, saved uploads included', async () => {
  const page = b.page;
  await upload(page, await corpusFiles('en', ['fakes_0003_nna.txt']));
  const size = await corpusSize(page);
  await b.context.setOffline(true);
  try {
    await page.reload();
    await ready(page);
    assert.equal(await corpusSize(page), size);
    await search(page, 'Ghouta');
    assert.ok((await rows(page).count()) >= 1);
    await search(page, '"bus convoy"');
    assert.equal(await page.locator('[data-file="fakes_0003_nna.txt"]').count(), 1);
    await rows(page).first().locator('.hit-open').click();
    await page.locator('#reader article .article-body mark').first().waitFor();
    // The demo corpus comes back offline too (its files are in the cache).
    assert.ok(await page.evaluate(async () => (await fetch('seeds/index.json')).ok));
  } finally {
    await b.context.setOffline(false);
  }
});

// What loads on first use (www/pkg-*/: the Arabic table, the reader, dialogs, share, exports,
// the corpus actions) comes from the cache too: a visitor offline after one visit has it all.
test('opens in Arabic, reads, shares and exports with the network off after one visit', async () => {
  const page = b.page;
  await b.context.setOffline(true);
  try {
    await page.evaluate(() => localStorage.setItem('qarin.v1.ui', 'ar'));
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.match(await page.locator('.tagline').textContent(), /[\u0621-\u064A]/);
    await search(page, 'Ghouta');
    await rows(page).first().locator('.hit-open').click();
    await page.locator('#reader article .article-body mark').first().waitFor();
    await page.click('#reader .reader-share');
    await page.locator('#share-view').waitFor();
    await page.click('#share-dialog button[value=close]');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    await page.click('#corpus-menu summary');
    await page.click('#clear-corpus');
    await page.locator('#confirm-dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#confirm-dialog[open]').waitFor({ state: 'detached' });
    assert.ok(await corpusSize(page) > 0, 'nothing was cleared');
  } finally {
    await page.evaluate(() => localStorage.setItem('qarin.v1.ui', 'en'));
    await b.context.setOffline(false);
  }
  await page.reload();
  await ready(page);
});

test('is installable: a web app manifest with icons, and a service worker', async () => {
  const cdp = await b.context.newCDPSession(b.page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = JSON.parse(await readFile(join(root, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
  await cdp.detach();
});

test('replaces the cached app with a new version and deletes the old cache', async () => {
  const page = b.page;
  const [old] = await cacheNames(page);
  // A new deployment: a changed stylesheet and its new precache version.
  await appendFile(join(root, 'styles.css'), '\n/* version two */\n');
  const precache = await readFile(join(root, 'sw-precache.js'), 'utf8');
  await writeFile(join(root, 'sw-precache.js'), precache.replace(/"version": "[0-9a-f]+"/, '"version": "0000000000000002"'));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  // The new worker takes over and the page offers to load the new version.
  await page.locator('#notice').getByText('A new version of Qarin is ready.').waitFor();
  await page.waitForFunction(async () => (await caches.keys()).join() === 'qarin-shell-0000000000000002');
  assert.notEqual(old, 'qarin-shell-0000000000000002');
  await page.locator('#notice').getByRole('button', { name: 'Reload' }).click();
  await ready(page);
  const css = await page.evaluate(async () => (await (await caches.open('qarin-shell-0000000000000002')).match('styles.css')).text());
  assert.match(css, /version two/);
});

test('logs no errors while going offline and updating', () => {
  // Chromium logs the failed network check of an offline reload; nothing else may appear.
  assert.deepEqual(b.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
});
