// Keeps the demo working offline after one visit: the page, its scripts,
// styles and the wasm module are cached on install and served cache-first,
// refreshed from the network when it answers.
const CACHE = 'quarry-v1';
const SHELL = ['./', 'index.html', 'style.css', 'app.js', 'quarry-search.js', 'favicon.svg', 'pkg/quarry.js', 'pkg/quarry_bg.wasm'];

// quarry.js imports a helper from a folder whose name wasm-bindgen hashes:
// read it from quarry.js itself.
async function shell() {
  const glue = await (await fetch('pkg/quarry.js')).text();
  const helpers = [...new Set([...glue.matchAll(/from (['"])\.\/(snippets\/[^'"]+)\1/g)].map((m) => `pkg/${m[2]}`))];
  return [...SHELL, ...helpers];
}

self.addEventListener('install', (e) => {
  e.waitUntil(Promise.all([caches.open(CACHE), shell()]).then(([c, files]) => c.addAll(files)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET' || new URL(e.request.url).origin !== location.origin) return;
  e.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(e.request, { ignoreSearch: true });
      const fresh = fetch(e.request).then((r) => { if (r.ok) cache.put(e.request, r.clone()); return r; });
      return cached ?? fresh;
    }),
  );
});
