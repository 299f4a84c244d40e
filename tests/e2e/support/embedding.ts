/**
 * The pages of the "ways around the warning" tests (frames.test.ts, firefox-frames.test.ts): an
 * unlisted page that frames a listed shop and pulls its script, image and API; a form posting to it;
 * a window.open to it; and a listed shop with a service worker that answers from its cache.
 */
import type { SiteServer } from './site-server';

export const FRAME_HEADING = 'Pharmacheck blocked this part of the page';
export const SW_CACHE = 'shop-v1';

export function serveEmbeddingPages(server: SiteServer, unlisted: string, listed: string): void {
  const shop = server.origin(listed);
  server.serve(
    unlisted,
    '/doorway',
    `<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>Doorway</title><h1>Best prices</h1>
<iframe id="shop" title="Shop" src="${shop}/embedded-shop" width="600" height="200"></iframe>
<img alt="" src="${shop}/logo.png"><script src="${shop}/widget.js"></script>
<p id="api">pending</p>
<script>fetch('${shop}/api/cart').then(() => 'reached', () => 'blocked').then((r) => { document.getElementById('api').textContent = r; });</script>`,
  );
  server.serve(
    unlisted,
    '/form',
    `<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>Order form</title><h1>Order</h1>
<form method="post" action="${shop}/checkout"><input name="pill" value="1" aria-label="pill"><button id="buy">Buy</button></form>`,
  );
  server.serve(
    unlisted,
    '/opener',
    `<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>Opener</title><h1>Deals</h1>
<button id="open" onclick="window.open('${shop}/opened?from=opener')">See the deal</button>`,
  );
}

/** A listed shop as it was before it was listed: its home page installs a worker that serves it from a cache. */
export function serveShopWithServiceWorker(server: SiteServer, listed: string): void {
  server.serve(
    listed,
    '/',
    `<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>Shop</title><h1>Shop home</h1>
<script>navigator.serviceWorker.register('/sw.js');</script>`,
  );
  server.serve(
    listed,
    '/sw.js',
    `self.addEventListener('install', (e) => { self.skipWaiting(); e.waitUntil(caches.open('${SW_CACHE}').then((c) => c.add('/'))); });
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  if (e.request.mode === 'navigate') e.respondWith(caches.match('/').then((hit) => hit || fetch(e.request)));
});`,
    { 'content-type': 'text/javascript' },
  );
}

/** In a page of the shop: true once its worker controls it and the cache holds the home page. */
export const SHOP_WORKER_READY = `navigator.serviceWorker.ready
  .then(() => navigator.serviceWorker.controller || new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r)))
  .then(async () => !!navigator.serviceWorker.controller && !!(await caches.match('/')))`;
