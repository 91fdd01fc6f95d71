// Shared pieces of the browser tests: a fresh Chromium profile per test file (so IndexedDB,
// caches and service workers start empty), a record of every request and console error, and
// small waits on the page's own signals (body[data-ready], body[data-busy], #results data-*).
// No fixed sleeps: every wait is on a condition.
import { mkdtemp, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './server.js';

export const OUT = fileURLToPath(new URL('./out/', import.meta.url));
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
/** `false`, or the note a test file skips with when the shared corpus is not beside the checkout. */
export const NO_CORPUS = existsSync(CORPUS) ? false : `${CORPUS} is not here`;
/**
 * `test`, `before` and `after` of node:test for a file that needs the shared corpus: without
 * it every test is skipped with a note and the hooks do nothing.
 */
export function corpusTests({ test, before, after }) {
  if (!NO_CORPUS) return { test, before, after };
  return { test: (name, fn) => test(name, { skip: NO_CORPUS }, fn), before: () => {}, after: () => {} };
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts a server (unless `server` is given) and a browser with a fresh profile. Returns
 * `{server, context, page, problems, requests, open(url), close()}`; `problems` collects
 * console errors and page errors of every page and worker, `requests` every request URL.
 */
export async function start({ server = null, root, viewport = { width: 1366, height: 900 }, locale = 'en-US', colorScheme = 'light' } = {}) {
  await mkdir(OUT, { recursive: true });
  const ownServer = !server;
  server ??= await serve(root ? { root } : {});
  const profile = await mkdtemp(join(tmpdir(), 'qarin-browser-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ARGS,
    viewport,
    locale,
    colorScheme,
    acceptDownloads: true,
  });
  const problems = [];
  const requests = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method() }));
  const watch = (page) => {
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') problems.push(`worker console: ${m.text()}`); }));
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? await context.newPage();
  watch(page);
  return {
    server,
    context,
    page,
    problems,
    requests,
    profile,
    /** Opens `path` (relative to the server) in `p` and waits until the page is ready. */
    async open(path = '/', p = page) {
      await p.goto(`${server.url}${path}`);
      await ready(p);
      return p;
    },
    async close() {
      await context.close().catch(() => {});
      if (ownServer) await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One browser for a test file: `before` starts it (`start(options)`), opens the app and
 * awaits `ready(page)` if given; `after` closes it. Returns `{b, page}`, filled in by
 * `before`.
 */
export function browserFor({ before, after }, { ready: then, ...options } = {}) {
  const session = { b: null, page: null };
  before(async () => {
    session.b = await start(options);
    session.page = session.b.page;
    await session.b.open();
    await then?.(session.page);
  });
  after(async () => {
    await session.b?.close();
  });
  return session;
}

/** Waits for the page to have loaded its corpus and to be idle. */
export async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && !document.body.dataset.busy);
}

/** Waits until the worker is idle. */
export async function idle(page) {
  await page.waitForFunction(() => !document.body.dataset.busy);
}

export const rows = (page) => page.locator('[data-file]');

/** Types `query` into the search box, presses Enter and waits for the list to show it. */
export async function search(page, query) {
  await page.fill('input[type=search]', query);
  await page.press('input[type=search]', 'Enter');
  await settled(page, query);
}

/** Waits until the list shows `query` under the current language and the worker is idle. */
export async function settled(page, query) {
  await page.waitForFunction(
    (q) => {
      const list = document.querySelector('#results');
      const lang = document.querySelector('select[name=lang]').value;
      // Rows past the first screen are drawn after the first paint (`data-complete`).
      return list.dataset.query === q && list.dataset.lang === lang && list.dataset.complete !== 'false' && !document.body.dataset.busy;
    },
    query,
  );
}

/** The number in "#corpus-size" ("7 articles loaded"). */
export async function corpusSize(page) {
  return Number((await page.locator('#corpus-size').textContent()).replace(/,/g, '').match(/\d+/)?.[0] ?? 0);
}

/** `{name, mimeType, buffer}` for files of the shared corpus (`lang`: "en" | "ar"). */
export async function corpusFiles(lang, names) {
  return Promise.all(names.map(async (name) => ({ name, mimeType: 'text/plain', buffer: await readFile(join(CORPUS, lang, name)) })));
}

/** The sorted names of `lang`'s files in the shared corpus. */
export async function corpusNames(lang) {
  return (await readdir(join(CORPUS, lang))).filter((n) => n.endsWith('.txt')).sort();
}

/** Uploads files through the FIRST file input and waits until the report names them all. */
export async function upload(page, files) {
  await page.locator('input[type=file]').first().setInputFiles(files);
  await page.waitForFunction(
    (n) => !document.body.dataset.busy && document.querySelector(`#report .report-box[data-files="${n}"]`) !== null,
    files.length,
  );
}

/** Every text the user sees as UI (not data) under `root`, for language checks. */
export async function uiTexts(page) {
  return page.evaluate(() => {
    const skip = (el) => el.closest('[data-content], [translate="no"], script, style, [hidden]');
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || !n.textContent.trim()) continue;
      out.push(n.textContent.trim());
    }
    for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (skip(el)) continue;
      for (const a of ['placeholder', 'title', 'aria-label']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
    }
    return out;
  });
}

/** A bundle file (format 1, see www/pkg-bundle/bundle.js) around `payload` bytes, gzipped. */
export function bundleOf(payload) {
  const header = Buffer.alloc(12);
  header.write('QARINBDL', 0, 'ascii');
  header.writeUInt16LE(1, 8);
  return Buffer.concat([header, gzipSync(payload)]);
}

/** A well-formed bundle holding `corpus` bytes and `files` (`[{name, bytes}]`). */
export function bundle(corpus, files) {
  const manifest = Buffer.from(JSON.stringify({
    app: 'qarin', created: '2026-01-01T00:00:00.000Z', articles: files.length, corpus: { length: corpus.length },
    files: files.map((f) => ({ name: f.name, length: f.bytes.length, hashes: [], removed: [], origin: 'upload' })),
  }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(manifest.length);
  return bundleOf(Buffer.concat([len, manifest, corpus, ...files.map((f) => f.bytes)]));
}

/** Articles the saved files hold (their hashes less the removed ones), read from IndexedDB. */
export async function storedArticles(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('qarin');
    open.onsuccess = () => {
      const got = open.result.transaction('files').objectStore('files').getAll();
      got.onsuccess = () => {
        open.result.close();
        resolve(got.result.reduce((n, f) => n + (f.hashes ?? []).filter((h) => !(f.removed ?? []).includes(h)).length, 0));
      };
      got.onerror = () => reject(got.error);
    };
    open.onerror = () => reject(open.error);
  }));
}
