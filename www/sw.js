// The service worker: keeps the app shell (page, scripts, styles, wasm core, demo articles)
// in a cache so the page opens and works with the network off after one visit. It caches
// only this app's own static files and never sees the user's articles (those live in
// IndexedDB, written by the page's worker).
//
// Cache: one Cache Storage entry per app version, named "qarin-shell-<version>" (version 1 of
// this naming). `sw-precache.js`, written by `./qarin.sh build`, sets
//   self.QARIN_PRECACHE = {version: "<16 hex digits: hash of every shell file>", files: [paths]}
// A new build changes that file, so the browser installs this worker again: the new cache
// is filled, the worker takes over at once (skipWaiting + clients.claim), and every other
// "qarin-shell-*" cache is deleted. The page then offers a reload.
importScripts('./sw-precache.js');

const PREFIX = 'qarin-shell-';
const { version, files } = self.QARIN_PRECACHE;
const CACHE = `${PREFIX}${version}`;
const INDEX = new URL('./index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload`: straight from the server, not from the HTTP cache of an older version.
    await cache.addAll(files.map((f) => new Request(new URL(f, self.registration.scope), { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return; // the page requests nothing elsewhere anyway
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The app is one page: any navigation inside the scope gets index.html (the view is in
    // the fragment, which never reaches here).
    const key = req.mode === 'navigate' && url.href.startsWith(self.registration.scope) && isPage(url)
      ? INDEX
      : req;
    const hit = await cache.match(key, { ignoreSearch: key === INDEX });
    if (hit) return hit;
    return fetch(req);
  })());
});

function isPage(url) {
  const rest = url.href.slice(self.registration.scope.length).replace(/[?#].*$/, '');
  return rest === '' || rest === 'index.html';
}
