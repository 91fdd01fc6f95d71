// Answers asked ahead (issue 15, search to screen): while a query is typed or pasted, the
// page asks the worker for it without drawing it, so Enter draws the list in the key press's
// own task and the frame after it shows the list. Anything that may change the corpus in
// between (here an upload) makes Enter ask again: the list is never older than the corpus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserFor, settled, rows, upload } from './helpers.js';

// Until the lexicon is in, a search waits for the worker (as it always did).
const session = browserFor({ before, after }, {
  ready: (page) => page.waitForFunction(() => document.body.dataset.lexicon === 'true'),
});

const files = async () => (await rows(session.page).evaluateAll((els) => els.map((e) => e.dataset.file))).sort();

/** Puts `query` in the box as typing does, and waits until its answer was asked ahead. */
async function typeAhead(query) {
  const { page } = session;
  await page.fill('#q', query);
  await page.waitForFunction((q) => document.querySelector('#q').dataset.ahead === q, query);
}

test("Enter draws an answer asked ahead in the key press's own task", async () => {
  const { page } = session;
  // First asked on Enter alone (the value set with no input event): the worker answers.
  await page.evaluate(() => {
    document.querySelector('#q').value = 'Rouhani';
    document.querySelector('#search-form').requestSubmit();
  });
  await settled(page, 'Rouhani');
  const asked = await files();
  assert.ok(asked.length >= 3, `${asked}`);
  await page.evaluate(() => {
    document.querySelector('#q').value = 'Putin';
    document.querySelector('#search-form').requestSubmit();
  });
  await settled(page, 'Putin');
  // Then typed: the list is read in the same task as the submit, where no worker reply
  // could have come, and it is the same list.
  await typeAhead('Rouhani');
  const shown = await page.evaluate(() => {
    document.querySelector('#search-form').requestSubmit();
    return document.querySelector('#results').dataset.query;
  });
  assert.equal(shown, 'Rouhani');
  await settled(page, 'Rouhani');
  assert.deepEqual(await files(), asked);
  assert.deepEqual(session.b.problems, []);
});

test('an upload between typing and Enter makes Enter ask again', async () => {
  const { page } = session;
  await typeAhead('Zanzibarquux');
  await upload(page, [{ name: 'zq.txt', mimeType: 'text/plain', buffer: Buffer.from('Zanzibarquux report\n\nThe Zanzibarquux report came out today in the capital.\n') }]);
  await page.press('#q', 'Enter');
  await settled(page, 'Zanzibarquux');
  assert.deepEqual(await files(), ['zq.txt']);
  assert.deepEqual(session.b.problems, []);
});
