// Share links (www/share.js, carried articles www/pkg-share/articles.js): a view survives encode → decode, defaults stay out of the link,
// untrusted fragments never throw, and carried articles round-trip within their limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyView, encodeView, decodeView, viewHashes, linkFor, MAX_LINK_CHARS } from '../../www/share.js';
import { encodeArticles, decodeArticles, MAX_PAYLOAD_BYTES } from '../../www/pkg-share/articles.js';

const A = '0123456789abcdef';
const B = 'fedcba9876543210';

test('a view with every field set survives encoding and decoding', () => {
  const view = {
    ...emptyView(), q: 'الغوطة "Eastern Ghouta" -Aleppo & more=1 #x %', exact: true, lang: 'ar', source: 'رويترز',
    from: '2018-02-01', to: '2018-03-31', sort: 'date', fold: false, page: 3, open: A, picked: [B, A],
    compare: true, crossLingual: false, ent: 'person:vladimir-putin,person:emmanuel-macron',
  };
  const fragment = encodeView(view);
  const back = decodeView(`#${fragment}`);
  assert.deepEqual(back.problems, []);
  assert.equal(back.isView, true);
  assert.deepEqual(back.view, view);
  assert.equal(back.data, '');
});

// "ent" holds lexicon ids; anything else in it is left out of the view and named as a
// problem, so no filter shows that filters nothing.
test('an ent that is no id is left out of links and named as a problem', () => {
  const view = { ...emptyView(), q: 'Ghouta', entity: 'Macron', ent: 'Macron' };
  assert.equal(encodeView(view), 'v=1&q=Ghouta');
  const back = decodeView('#v=1&q=Ghouta&ent=Macron');
  assert.equal(back.isView, true);
  assert.deepEqual(back.view, { ...emptyView(), q: 'Ghouta' });
  assert.equal('entity' in back.view, false);
  assert.deepEqual(back.problems, [{ key: 'ent', code: 'value' }]);
});

// Issue 13: the open corpus tool and its settings ride in the same version-1 link; a link
// without them (every older link) reads as before, and settings without a tool are dropped.
test('the open tool and its settings round-trip; older links read the same', () => {
  const view = { ...emptyView(), q: 'Ghouta', lang: 'ar', tool: 'kwic', ts: { w: '7', s: 'R1', q: 'الغوطة' } };
  const fragment = encodeView(view);
  assert.equal(fragment, 'v=1&q=Ghouta&lang=ar&tool=kwic&t.q=%D8%A7%D9%84%D8%BA%D9%88%D8%B7%D8%A9&t.s=R1&t.w=7');
  const back = decodeView(`#${fragment}`);
  assert.deepEqual(back.view, view);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(decodeView('#v=1&q=Ghouta').view, { ...emptyView(), q: 'Ghouta' });
  // Settings with no tool, or a tool name that is not a plain word, are not read.
  assert.deepEqual(decodeView('#v=1&t.w=7').view, emptyView());
  assert.deepEqual(decodeView('#v=1&tool=%3Cb%3E&t.w=7').view, emptyView());
  assert.equal(encodeView({ ...emptyView(), tool: 'x y', ts: { w: '1' } }), '');
});

test('the cross-lingual switch and the entity filter are kept in links', () => {
  assert.equal(encodeView({ ...emptyView(), q: 'Ghouta', crossLingual: false }), 'v=1&q=Ghouta&xl=0');
  assert.equal(decodeView('#v=1&q=Ghouta').view.crossLingual, true);
  const ent = 'person:vladimir-putin,person:emmanuel-macron';
  assert.equal(encodeView({ ...emptyView(), ent }), `v=1&ent=${ent}`);
  assert.equal(decodeView(`#v=1&ent=${ent}`).view.ent, ent);
});

test('the default view is the empty fragment and defaults are left out of links', () => {
  assert.equal(encodeView(emptyView()), '');
  assert.equal(encodeView({ ...emptyView(), q: 'Ghouta' }), 'v=1&q=Ghouta');
  assert.equal(encodeView({ ...emptyView(), q: 'a b', page: 1, sort: 'relevance', lang: 'all', fold: true }), 'v=1&q=a%20b');
  // Near-duplicates are folded unless the link says otherwise.
  assert.equal(encodeView({ ...emptyView(), q: 'a', fold: false }), 'v=1&q=a&dup=1');
  assert.equal(decodeView('#v=1&q=a').view.fold, true);
});

test('links name articles by content hash only, and reject anything else', () => {
  assert.equal(encodeView({ ...emptyView(), open: 42 }), '');
  assert.equal(encodeView({ ...emptyView(), open: 'ABCDEF0123456789' }), '');
  const r = decodeView('v=1&a=12&l=zzzzzzzzzzzzzzzz');
  assert.equal(r.view.open, null);
  assert.deepEqual(r.view.picked, []);
  assert.deepEqual(r.problems.map((p) => p.key).sort(), ['a', 'l']);
});

test('a fragment that is not a view, or from another version, is recognised', () => {
  assert.equal(decodeView('#results').isView, false);
  assert.deepEqual(decodeView('#results').problems, []);
  const future = decodeView('#v=2&q=x');
  assert.equal(future.isView, true);
  assert.deepEqual(future.problems, [{ key: 'v', code: 'version' }]);
  assert.equal(future.view.q, '');
  const noVersion = decodeView('#q=Ghouta');
  assert.deepEqual(noVersion.problems, [{ key: 'v', code: 'version' }]);
});

test('hostile fragments decode to defaults with problems, never an exception', () => {
  for (const bad of ['v=1&q=%E0%A4%A', 'v=1&p=-3', 'v=1&p=1e99', 'v=1&from=yesterday', 'v=1&lang=fr', 'v=1&d=<script>', '&&&=&v=1&=', `v=1&q=${'x'.repeat(100_000)}`]) {
    const r = decodeView(bad);
    assert.equal(typeof r.view, 'object', bad);
  }
  assert.deepEqual(decodeView('v=1&p=-3').problems, [{ key: 'p', code: 'value' }]);
  assert.deepEqual(decodeView('v=1&from=yesterday').problems, [{ key: 'from', code: 'date' }]);
  assert.deepEqual(decodeView('v=1&d=<script>').problems, [{ key: 'd', code: 'value' }]);
});

test('the side-by-side view opens only with both articles named', () => {
  assert.equal(decodeView(`v=1&l=${A}&cmp=1`).view.compare, false);
  assert.equal(decodeView(`v=1&l=${A}&r=${B}&cmp=1`).view.compare, true);
  assert.deepEqual(viewHashes({ ...emptyView(), open: A, picked: [A, B] }), [A, B]);
});

const C = '00000000000000c0';
const D = '00000000000000d0';

test('the compare view keeps 2 to 4 articles in its link; old l/r/cmp=1 links open the same pair', () => {
  const open = { ...emptyView(), picked: [A, B, C], compare: true };
  assert.equal(encodeView(open), `v=1&cmp=${A}.${B}.${C}`);
  assert.deepEqual(decodeView(`#v=1&cmp=${A}.${B}.${C}`).view.picked, [A, B, C]);
  assert.equal(decodeView(`#v=1&cmp=${A}.${B}.${C}`).view.compare, true);
  // Ticked but not open: "pick"; one article cannot open the view.
  assert.equal(encodeView({ ...open, compare: false }), `v=1&pick=${A}.${B}.${C}`);
  assert.equal(encodeView({ ...emptyView(), picked: [A], compare: true }), `v=1&pick=${A}`);
  assert.deepEqual(decodeView(`v=1&pick=${A}`).view, { ...emptyView(), picked: [A] });
  // The old form: left (English) and right (Arabic), opened by cmp=1.
  const old = decodeView(`v=1&l=${A}&r=${B}&cmp=1`);
  assert.deepEqual([old.view.picked, old.view.compare, old.problems], [[A, B], true, []]);
  assert.equal(encodeView(old.view), `v=1&cmp=${A}.${B}`);
  assert.deepEqual(decodeView(`v=1&r=${B}`).view.picked, [B]);
  // At most four; anything else is a problem, not a view.
  const five = decodeView(`v=1&cmp=${A}.${B}.${C}.${D}.${A}`);
  assert.deepEqual([five.view.picked, five.view.compare, five.problems], [[], false, [{ key: 'cmp', code: 'hash' }]]);
  assert.deepEqual(decodeView(`v=1&cmp=${A}.${A}`).view.picked, [A]);
  assert.equal(decodeView(`v=1&cmp=${A}.${A}`).view.compare, false);
  assert.equal(encodeView({ ...emptyView(), picked: [A, B, C, D, A], compare: true }), `v=1&cmp=${A}.${B}.${C}.${D}`);
});

test('carried articles round-trip byte for byte, Arabic names and UTF-16 included', async () => {
  const files = [
    { name: 'ar/مقال.txt', bytes: new TextEncoder().encode('عنوان\n\nنص المقال عن الغوطة.\n') },
    { name: 'utf16.txt', bytes: Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00]) },
    { name: 'empty.txt', bytes: new Uint8Array(0) },
  ];
  const data = await encodeArticles(files);
  assert.match(data, /^[A-Za-z0-9_-]+$/);
  const back = await decodeArticles(data);
  assert.deepEqual(back.map((f) => f.name), files.map((f) => f.name));
  for (let i = 0; i < files.length; i++) assert.deepEqual([...back[i].bytes], [...files[i].bytes]);
  const link = linkFor('https://example.org/qarin/#old', { ...emptyView(), open: A }, data);
  assert.ok(link.startsWith(`https://example.org/qarin/#v=1&a=${A}&d=`));
  assert.equal(decodeView(link.slice(link.indexOf('#'))).data, data);
});

test('a typical article fits in a link well under the limit', async () => {
  const text = `Syria attack symptoms consistent with nerve agent use WHO\n\n${'Victims of a suspected chemical attack in Syria appeared to show symptoms. '.repeat(40)}`;
  const data = await encodeArticles([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }]);
  assert.ok(data.length < MAX_LINK_CHARS / 4, `${data.length} characters`);
});

test('damaged, cut, future and oversized payloads are refused with a code', async () => {
  const data = await encodeArticles([{ name: 'a.txt', bytes: new TextEncoder().encode('Title\n\nBody.') }]);
  await assert.rejects(decodeArticles(data.slice(0, 5)), (e) => e.code === 'payload');
  await assert.rejects(decodeArticles('!!'), (e) => e.code === 'payload');
  const raw = async (bytes) => {
    const s = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const out = new Uint8Array(await new Response(s).arrayBuffer());
    return Buffer.from(out).toString('base64url');
  };
  await assert.rejects(decodeArticles(await raw(Uint8Array.of(9, 0))), (e) => e.code === 'version');
  await assert.rejects(decodeArticles(await raw(Uint8Array.of(1, 5, 0x61))), (e) => e.code === 'payload');
  const bomb = await raw(new Uint8Array(MAX_PAYLOAD_BYTES + 10));
  assert.ok(bomb.length < 10_000, 'zeros compress well');
  await assert.rejects(decodeArticles(bomb), (e) => e.code === 'size');
});

test('the Stories view is kept as view=stories; another value is a problem', () => {
  const fragment = encodeView({ ...emptyView(), stories: true });
  assert.equal(fragment, 'v=1&view=stories');
  assert.equal(decodeView(fragment).view.stories, true);
  assert.equal(decodeView('v=1&q=x').view.stories, false);
  const bad = decodeView('v=1&view=nope');
  assert.equal(bad.view.stories, false);
  assert.deepEqual(bad.problems, [{ key: 'view', code: 'value' }]);
});
