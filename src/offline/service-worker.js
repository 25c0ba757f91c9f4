/* The service worker: keeps every file of this version of the game so it starts and plays offline.
 * The build fills in the version and the file list (see the offline plugin in vite.config.ts). */
const VERSION = '__VERSION__';
const PRECACHE = [/* files */];
const CACHE = `source-check-${VERSION}`;

self.addEventListener('install', (event) => {
  // A new version waits until the page agrees to reload (the update prompt), so a round is never cut.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate-new-version') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('source-check-') && key !== CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this game's own files; the class server's API and anything cross-origin go to the network.
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.includes('/api/')) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      if (request.mode === 'navigate') {
        const page = await cache.match('./');
        if (page) return fetch(request).catch(() => page);
      }
      return fetch(request);
    }),
  );
});
