// The service worker: precaches the app shell, serves it for app routes offline, caches API data and
// sends pending stamps on Background Sync.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { clientsClaim } from 'workbox-core';
import { handleBackgroundSync } from './background-sync.js';

declare const self: ServiceWorkerGlobalScope;

const DAY_SECONDS = 24 * 60 * 60;

// Injected at build time by vite-plugin-pwa: every hashed asset, index.html, the manifest and icons.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Take over the open page on the very first install, so the card works offline from the first
// visit. Updates still wait for the visitor (no skipWaiting here; see the message handler).
clientsClaim();

// Client-side routes get the precached shell. /api and /demo are the server's own pages and must
// never be answered with index.html.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    allowlist: [/^\/$/, /^\/r\//, /^\/staff/, /^\/admin/],
    denylist: [/^\/api\//, /^\/demo\//],
  }),
);

const sameOrigin = (url: URL) => url.origin === self.location.origin;

// The public campaign (one path segment after /campaigns/, no credentials). Network first so
// organizer edits show up at once; the 3 s timeout keeps a flaky festival network from stalling
// the card, which then opens from the last copy. Requests carrying a token are never cached.
registerRoute(
  ({ url, request }) =>
    sameOrigin(url) &&
    /^\/api\/v1\/campaigns\/[^/]+$/.test(url.pathname) &&
    !request.headers.has('authorization'),
  new NetworkFirst({
    cacheName: 'campaigns',
    networkTimeoutSeconds: 3,
    plugins: [new ExpirationPlugin({ maxEntries: 20, maxAgeSeconds: 60 * DAY_SECONDS })],
  }),
);

// Reference images and pattern sets live at content-addressed URLs: a URL never changes its bytes,
// so once cached there is no reason to ask the network again.
registerRoute(
  ({ url }) => sameOrigin(url) && url.pathname.startsWith('/api/v1/reference-images/'),
  new CacheFirst({
    cacheName: 'reference-images',
    plugins: [
      new ExpirationPlugin({
        maxEntries: 400,
        maxAgeSeconds: 90 * DAY_SECONDS,
        purgeOnQuotaError: true,
      }),
    ],
  }),
);

registerRoute(
  ({ url }) => sameOrigin(url) && url.pathname.startsWith('/api/v1/pattern-sets/'),
  new CacheFirst({
    cacheName: 'pattern-sets',
    plugins: [
      new ExpirationPlugin({
        maxEntries: 10,
        maxAgeSeconds: 90 * DAY_SECONDS,
        purgeOnQuotaError: true,
      }),
    ],
  }),
);

// onnxruntime-web's WebGPU runtime: not precached (only phones with a WebGPU adapter fetch it, see
// recognition/worker/descriptor-nets.ts); once fetched, kept for offline use. Its name is hashed, so
// a new build's runtime is a new entry and the old one ages out.
registerRoute(
  ({ url }) =>
    sameOrigin(url) &&
    /^\/assets\/ort-wasm-simd-threaded\.asyncify-[^/]+\.wasm$/.test(url.pathname),
  new CacheFirst({
    cacheName: 'webgpu-runtime',
    plugins: [new ExpirationPlugin({ maxEntries: 1, purgeOnQuotaError: true })],
  }),
);

// Stamps saved offline go out when connectivity returns, even if the visitor closed every tab.
handleBackgroundSync(self);

// Sent by workbox-window's messageSkipWaiting() once the visitor accepts the update prompt.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'SKIP_WAITING'
  ) {
    void self.skipWaiting();
  }
});
