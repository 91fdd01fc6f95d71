// Nothing lost: articles are saved (IndexedDB) before they are reported as added, survive a
// reload and a tab closed mid-upload, storage exhaustion is reported file by file, and the
// corpus can be pruned, cleared and given its demo articles back.
import * as nodeTest from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, idle, rows, search, corpusSize, corpusFiles, corpusNames, upload, corpusTests, bundle, storedArticles } from './helpers.js';

// Every test here reads ../shared/corpus: skipped with a note when it is absent.
const { test, before, after } = corpusTests(nodeTest);

let b;
before(async () => {
  b = await start();
  await b.open();
});
after(async () => {
  await b?.close();
});

/** Waits until the worker has started over after a reload. */
async function reload(page = b.page) {
  await page.reload();
  await ready(page);
}

/** The index (every search result) and the saved files both hold `size` articles. */
async function assertIndexAgrees(page, size) {
  await search(page, '');
  // (near-duplicates folded into their best match are counted in "All N")
  assert.match(await page.locator('#summary').textContent(), new RegExp(`^All ${size.toLocaleString('en-US')} articles\\b`));
  assert.equal(await storedArticles(page), size, 'the saved files hold the articles shown');
}

test('loads the five demo articles into a new, empty store', async () => {
  assert.equal(await corpusSize(b.page), 5);
  assert.match(await b.page.locator('#corpus-size').textContent(), /5 articles/);
  assert.match(await b.page.locator('#storage-note').textContent(), /saved in this browser/);
});

test('keeps uploaded articles after a reload, from the snapshot and from the files', async () => {
  const names = (await corpusNames('en')).slice(200, 230);
  await upload(b.page, await corpusFiles('en', names));
  assert.equal(await corpusSize(b.page), 35);
  await reload();
  assert.equal(await corpusSize(b.page), 35, 'after a reload (snapshot)');
  await search(b.page, '');
  assert.equal(await b.page.locator(`[data-file="${names[7]}"]`).count(), 1);
  // Without the snapshot (a stale or missing cache) the saved files are read again.
  await b.page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('qarin');
    open.onsuccess = () => {
      const tx = open.result.transaction('snapshot', 'readwrite');
      tx.objectStore('snapshot').clear();
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await reload();
  assert.equal(await corpusSize(b.page), 35, 'after a reload (files read again)');
  await search(b.page, '');
  assert.equal(await rows(b.page).count(), 35);
});

test('restores every article reported as added after the tab is closed mid-upload', async () => {
  const before = await corpusSize(b.page);
  const names = (await corpusNames('ar')).slice(0, 1500);
  const page = await b.context.newPage();
  await b.open('/', page);
  await page.locator('input[type=file]').first().setInputFiles((await corpusFiles('ar', names)));
  // Close the tab as soon as some articles are reported saved, long before the end.
  const handle = await page.waitForFunction(() => {
    const n = Number(document.querySelector('#report .is-progress')?.dataset.added ?? 0);
    return n >= 40 ? n : 0;
  }, null, { polling: 20 });
  const reported = await handle.jsonValue();
  await page.close();
  const again = await b.context.newPage();
  await b.open('/', again);
  const size = await corpusSize(again);
  assert.ok(size >= before + reported, `${size} articles after the crash, ${before} + ${reported} reported`);
  assert.ok(size < before + names.length, 'the upload was cut short');
  await assertIndexAgrees(again, size);
  await again.close();
  await reload();
});

test('removes an article after confirmation, and it stays removed after a reload', async () => {
  const page = b.page;
  await search(page, '');
  const before = await corpusSize(page);
  const row = rows(page).nth(2);
  const file = await row.getAttribute('data-file');
  await row.locator('.hit-open').click();
  await page.locator('#reader article').waitFor();
  await page.click('#reader .reader-remove');
  const dialog = page.locator('#confirm-dialog');
  await dialog.waitFor();
  // Cancel first: nothing happens.
  await dialog.locator('button[value=cancel]').click();
  assert.equal(await corpusSize(page), before);
  await page.click('#reader .reader-remove');
  await dialog.locator('button[data-choice=remove]').click();
  await page.waitForFunction((n) => /\d/.test(document.querySelector('#corpus-size').textContent)
    && Number(document.querySelector('#corpus-size').textContent.replace(/,/g, '').match(/\d+/)[0]) === n && !document.body.dataset.busy, before - 1);
  assert.equal(await page.locator(`[data-file="${file}"]`).count(), 0);
  await reload();
  assert.equal(await corpusSize(page), before - 1);
  await search(page, '');
  assert.equal(await page.locator(`[data-file="${file}"]`).count(), 0);
});

test('removes every result of a search after confirmation', async () => {
  const page = b.page;
  await search(page, 'Assad');
  const total = Number((await page.locator('#summary').textContent()).match(/\d+/)[0]);
  assert.ok(total > 0);
  const before = await corpusSize(page);
  await page.click('#remove-results');
  await page.locator('#confirm-dialog button[data-choice=remove]').click();
  await page.waitForFunction(() => /Removed/.test(document.querySelector('#report').textContent) && !document.body.dataset.busy);
  assert.equal(await corpusSize(page), before - total);
  await search(page, 'Assad');
  assert.equal(await rows(page).count(), 0);
});

test('clears the corpus after confirmation; the demo articles come back only on demand', async () => {
  const page = b.page;
  await page.click('#corpus-menu summary');
  await page.click('#clear-corpus');
  await page.locator('#confirm-dialog button[data-choice=clear]').click();
  await page.waitForFunction(() => /^0\b/.test(document.querySelector('#corpus-size').textContent) && !document.body.dataset.busy);
  assert.equal(await rows(page).count(), 0);
  assert.ok(await page.locator('#empty-corpus').isVisible());
  // The page says the corpus is empty once, in the empty panel; the report says what was done.
  const said = (await page.locator('body').innerText()).match(/The corpus is empty/g) ?? [];
  assert.equal(said.length, 1);
  assert.match(await page.locator('#report').innerText(), /Removed every article/);
  // An emptied store stays empty: the seeds load only into a store that never had them.
  await reload();
  assert.equal(await corpusSize(page), 0);
  assert.ok(await page.locator('#empty-corpus').isVisible());
  await page.click('#empty-demo');
  await page.waitForFunction(() => /^5\b/.test(document.querySelector('#corpus-size').textContent) && !document.body.dataset.busy);
  await search(page, '');
  assert.equal(await rows(page).count(), 5);
  await reload();
  assert.equal(await corpusSize(page), 5);
});

test('reports what was and was not saved when storage is full (a quota simulated in the worker)', async () => {
  const page = b.page;
  // Chromium does not enforce DevTools quota overrides on IndexedDB writes, so the worker's
  // IndexedDB refuses writes past a budget the way a full disk does: QuotaExceededError. As with
  // a real quota, an aborted transaction gives its bytes back, so what fits does not depend on
  // how the worker happened to batch the files.
  const worker = page.workers()[0];
  await worker.evaluate(() => {
    let left = 300_000;
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (value, key) {
      const size = value?.bytes?.byteLength ?? 0;
      if (size > left) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      left -= size;
      this.transaction.addEventListener('abort', () => { left += size; });
      return add.call(this, value, key);
    };
  });
  const before = await corpusSize(page);
  const names = (await corpusNames('ar')).slice(2000, 2300);
  await upload(page, await corpusFiles('ar', names));
  const report = await page.locator('#report').textContent();
  assert.match(report, /storage is full/);
  const saved = Number(report.match(/full: ([\d,]+) articles? saved/)[1]);
  const notSaved = Number(report.match(/([\d,]+) files? not saved/)[1]);
  assert.ok(saved > 10 && notSaved > 100, report.slice(0, 300));
  await page.click('#report .report-unsaved summary'); // a long list starts folded
  assert.ok(await page.locator('#report .report-unsaved .report-file').first().isVisible());
  // The list names the first 200 files and counts the rest (the CSV download has them all).
  const shown = Math.min(notSaved, 200);
  assert.equal(await page.locator('#report .report-unsaved .report-file').count(), shown);
  if (notSaved > shown) {
    const more = await page.locator('#report .report-unsaved li.report-more').textContent();
    assert.match(more, new RegExp(`${(notSaved - shown).toLocaleString('en')} more`));
  }
  assert.equal(await corpusSize(page), before + saved, 'only saved articles are in the corpus');
  await reload(); // a new worker: the simulated quota is gone
  assert.equal(await corpusSize(page), before + saved, 'every saved article is back after a reload');
});

test('keeps removals working after the core reads saved files into new articles', async () => {
  const page = b.page;
  // As after an update of the core: the saved hashes no longer match what the files give.
  const file = await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('qarin');
    open.onsuccess = () => {
      const tx = open.result.transaction(['files', 'snapshot'], 'readwrite');
      tx.objectStore('snapshot').clear();
      let name = null;
      tx.objectStore('files').openCursor().onsuccess = (e) => {
        const cursor = e.target.result;
        if (!cursor) return;
        if (cursor.value.origin === 'upload' && name === null) {
          name = cursor.value.name;
          cursor.update({ ...cursor.value, hashes: ['00000000000000aa'] });
        }
        cursor.continue();
      };
      tx.oncomplete = () => { open.result.close(); resolve(name); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  assert.ok(file);
  await reload();
  await search(page, '');
  const before = await corpusSize(page);
  let row = page.locator(`[data-file="${file}"]`);
  while ((await row.count()) === 0) {
    await page.click('#pager .pager-next');
    await idle(page);
  }
  await row.locator('.hit-open').click();
  await page.locator('#reader article').waitFor();
  await page.click('#reader .reader-remove');
  await page.locator('#confirm-dialog button[data-choice=remove]').click();
  await page.waitForFunction(() => /Removed 1 article/.test(document.querySelector('#report').textContent) && !document.body.dataset.busy);
  await reload();
  assert.equal(await corpusSize(page), before - 1, 'the removal holds after a reload');
});

test('tells another open tab that the corpus changed', async () => {
  const other = await b.context.newPage();
  await b.open('/', other);
  await upload(b.page, await corpusFiles('en', (await corpusNames('en')).slice(500, 502)));
  await other.locator('#notice').getByText('The corpus was changed in another tab.').waitFor();
  await other.locator('#notice').getByRole('button', { name: 'Reload' }).click();
  await ready(other);
  assert.equal(await corpusSize(other), await corpusSize(b.page));
  await other.close();
});

test('a tab closed mid "Replace my corpus" keeps the old corpus or the whole new one', async () => {
  const old = await corpusSize(b.page);
  const names = (await corpusNames('en')).slice(0, 600);
  const files = (await corpusFiles('en', names)).map((f) => ({ name: f.name, bytes: f.buffer }));
  // No corpus bytes: every file is read again by the full build, which takes a while.
  const file = { name: 'many.qarin', mimeType: 'application/octet-stream', buffer: bundle(Buffer.alloc(0), files) };
  const cuts = {
    // right after the user chose Replace (the bundle is being inflated and checked)
    confirmed: async () => {},
    // while its files are read into the new corpus
    reading: (page) => page.waitForFunction(() => {
      const bar = document.querySelector('#report .is-progress[data-phase=import] progress');
      return bar && bar.value >= 50;
    }, null, { polling: 20 }),
    // once every file is read: the new corpus is being saved (one transaction) or swapped in
    saving: (page) => page.waitForFunction(() => {
      const bar = document.querySelector('#report .is-progress[data-phase=import] progress');
      return (bar && bar.value >= bar.max - 1) || !document.body.dataset.busy;
    }, null, { polling: 10, timeout: 120_000 }),
  };
  const cut = {};
  for (const [when, wait] of Object.entries(cuts)) {
    const page = await b.context.newPage();
    await b.open('/', page);
    await page.locator('#bundle-input').setInputFiles(file);
    await page.locator('#confirm-dialog button[data-choice=replace]').click();
    await wait(page);
    await page.close();
    const again = await b.context.newPage();
    await b.open('/', again);
    const size = await corpusSize(again);
    cut[when] = size;
    if (when !== 'saving') assert.equal(size, old, `cut ${when}: the old corpus, whole`);
    await assertIndexAgrees(again, size);
    await again.close();
  }
  // Left to finish, the bundle replaces the corpus, and the index agrees after a reload.
  const page = await b.context.newPage();
  await b.open('/', page);
  await page.locator('#bundle-input').setInputFiles(file);
  await page.locator('#confirm-dialog button[data-choice=replace]').click();
  await page.waitForFunction(() => !document.body.dataset.busy && document.querySelector('#report .report-box:not(.is-progress)'), null, { timeout: 120_000 });
  const replaced = await corpusSize(page);
  assert.ok(replaced > 500 && replaced <= names.length, `${replaced} articles`);
  await page.reload();
  await ready(page);
  assert.equal(await corpusSize(page), replaced);
  await assertIndexAgrees(page, replaced);
  assert.ok([old, replaced].includes(cut.saving), `cut while saving: ${cut.saving} articles, not ${old} or ${replaced}`);
  await page.close();
});

test('logs no errors while saving, restoring and removing', () => {
  // A quota error is the browser's own message when a write is refused; nothing else.
  assert.deepEqual(b.problems.filter((p) => !/quota/i.test(p)), []);
});
