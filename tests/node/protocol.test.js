// The page's side of the protocol (www/protocol.js): replies reach their callers, and
// `restart` replaces a worker stuck in a read, but never one doing a write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, Request, Event as Msg } from '../../www/protocol.js';

/** A stand-in Worker: records what it is sent; `say(msg)` is a message from it. */
class FakeWorker extends EventTarget {
  sent = [];
  terminated = false;
  postMessage(msg) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  say(data) {
    this.dispatchEvent(Object.assign(new Event('message'), { data }));
  }
}

function setup() {
  const workers = [new FakeWorker()];
  const core = connect(workers[0], () => {
    workers.push(new FakeWorker());
    return workers.at(-1);
  });
  const events = [];
  core.on(Msg.READY, (m) => events.push(m));
  workers[0].say({ type: Msg.READY, size: 3 });
  return { workers, core, events };
}

test('a reply reaches the request that asked', async () => {
  const { workers, core } = setup();
  const a = core.call(Request.SEARCH, { query: 'a' });
  const b = core.call(Request.GET, { hash: 'x' });
  const [ra, rb] = workers[0].sent;
  workers[0].say({ type: Msg.REPLY, reqId: rb.reqId, ok: false, error: 'gone', code: 'c' });
  workers[0].say({ type: Msg.REPLY, reqId: ra.reqId, ok: true, value: { total: 1 } });
  assert.deepEqual(await a, { total: 1 });
  await assert.rejects(b, { message: 'gone', code: 'c' });
  assert.equal(core.pending, 0);
});

test('restart ends a worker stuck in a search; its reads fail as stopped, later calls go to the new one', async () => {
  const { workers, core, events } = setup();
  const stuck = core.call(Request.SEARCH, { query: '/[^X]+Y|./' });
  assert.ok(core.waiting(Request.SEARCH) >= 0 && core.pending === 1);
  const restarted = core.restart();
  await assert.rejects(stuck, { code: 'stopped' });
  assert.equal(workers[0].terminated, true);
  assert.equal(workers.length, 2);
  const next = core.call(Request.SEARCH, { query: 'Ghouta' });
  assert.equal(workers[1].sent.length, 1, 'sent to the new worker');
  // A late reply of the ended worker is ignored.
  workers[0].say({ type: Msg.REPLY, reqId: workers[1].sent[0].reqId, ok: true, value: 'old' });
  workers[1].say({ type: Msg.READY, size: 3 });
  assert.equal(await restarted, true);
  assert.equal(events.length, 1, 'the new READY is the restart\'s, not a new start');
  workers[1].say({ type: Msg.REPLY, reqId: workers[1].sent[0].reqId, ok: true, value: 'new' });
  assert.equal(await next, 'new');
  assert.equal(core.waiting(Request.SEARCH), 0);
});

test('restart refuses while a write is unanswered, or before the worker is ready', async () => {
  const { workers, core } = setup();
  const search = core.call(Request.SEARCH, { query: 'x' });
  core.call(Request.ADD_FILES, { job: 1, total: 1 });
  assert.equal(await core.restart(), false);
  assert.equal(workers[0].terminated, false);
  assert.equal(core.pending, 2);
  workers[0].say({ type: Msg.REPLY, reqId: workers[0].sent[0].reqId, ok: true, value: 1 });
  assert.equal(await search, 1);
  const fresh = connect(new FakeWorker(), () => new FakeWorker());
  assert.equal(await fresh.restart(), false, 'not before READY');
});

test('changes rises with writes and worker events, not with reads, and is Infinity while a write runs', () => {
  const { workers, core } = setup();
  const start = core.changes;
  core.call(Request.SEARCH, { query: 'a' });
  const read = workers[0].sent.at(-1);
  workers[0].say({ type: Msg.REPLY, reqId: read.reqId, ok: true, value: {} });
  assert.equal(core.changes, start, 'a read and its reply change nothing');
  core.call(Request.ADD_FILES, { files: [] });
  assert.equal(core.changes, Infinity, 'a write under way');
  const write = workers[0].sent.at(-1);
  workers[0].say({ type: Msg.REPLY, reqId: write.reqId, ok: true, value: {} });
  assert.equal(core.changes, start + 1);
  workers[0].say({ type: Msg.LEXICON });
  assert.equal(core.changes, start + 2, 'a new lexicon may change what a search finds');
});
