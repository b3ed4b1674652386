// The app shell's service worker (issue 12 item 8): a page reloaded without
// a network still opens, so the offline queue (src/offline/) can be seen
// and is sent when the network returns.
//
// It caches only the shell: the HTML page and the hashed files under
// /assets/. It never touches /api/ or any other server route (no answer
// with customer data or a token is ever cached, MUST-NOT-004), and never a
// request other than a same-origin GET.
const SHELL = 'bulwark-shell-v1';
// The server's own areas (src/http/reserved_paths.hpp), and /ready.
const SERVER_PATHS = ['/api/', '/webhooks/', '/oauth/', '/metrics', '/health', '/ready'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.add('/'))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== SHELL).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** The page from the network (and kept as the shell), else the kept shell. */
async function page(request) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get('Content-Type')?.startsWith('text/html'))
      await cache.put('/', response.clone());
    return response;
  } catch (err) {
    const shell = await cache.match('/');
    if (shell) return shell;
    throw err;
  }
}

/** A hashed asset: it never changes, so the kept copy is as good as the network's. */
async function asset(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (SERVER_PATHS.some((p) => url.pathname.startsWith(p))) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(asset(request));
});
