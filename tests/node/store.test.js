// The store without IndexedDB (Node has none, like some private modes): openStore() loads the
// memory stand-in (www/pkg-store/memory.js, on demand) with the same methods, and
// replaceFiles swaps every file at once, as the import's "Replace my corpus" needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../www/store.js';

test('without IndexedDB the store keeps files in memory and says so', async () => {
  const store = await openStore();
  assert.equal(store.persistent, false);
  assert.match(store.reason, /IndexedDB/);
  assert.deepEqual(await store.putFiles([{ name: 'a.txt', bytes: new ArrayBuffer(3), hashes: ['0123456789abcdef'] }]), { before: 0, after: 1 });
  assert.deepEqual(await store.putFiles([{ name: 'b.txt', bytes: new ArrayBuffer(4), hashes: ['fedcba9876543210'] }]), { before: 1, after: 2 });
  assert.deepEqual(await store.replaceFiles([{ name: 'c.txt', bytes: new ArrayBuffer(5), hashes: ['aaaaaaaaaaaaaaaa'] }]), { before: 2, after: 3 });
  assert.deepEqual((await store.allFiles()).map((f) => f.name), ['c.txt']);
  assert.deepEqual((await store.filesFor(['aaaaaaaaaaaaaaaa', '0123456789abcdef'])).map((f) => f?.name ?? null), ['c.txt', null]);
});
