// Build of the browser app (src/app) and its service worker (src/sw) into dist/client.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const repo = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The ORT runtime (wasm) and the recognition model are precached too, so they must fit.
const MAX_PRECACHE_FILE_BYTES = 30 * 1024 * 1024;
const WEBGPU_RUNTIME_PREFIX = 'ort-wasm-simd-threaded.asyncify';

// SharedArrayBuffer (multi-threaded ORT wasm) needs a cross-origin isolated page.
// '/api/' with the slash: a bare '/api' prefix would also proxy the app's own module /api.ts in dev.
const apiProxy = { '/api/': 'http://127.0.0.1:8080' };

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: repo('src/app'),
  publicDir: repo('public'),
  // The recognition worker imports onnxruntime-web's WebGPU build on demand: a chunk of its own,
  // which an ES-module worker can load (the default IIFE worker format cannot split).
  worker: { format: 'es' },
  build: {
    outDir: repo('dist/client'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    headers: isolationHeaders,
    proxy: apiProxy,
  },
  preview: {
    headers: isolationHeaders,
    proxy: apiProxy,
  },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: repo('src/sw'),
      filename: 'sw.ts',
      scope: '/',
      base: '/',
      // We register ourselves (src/pwa/register.ts) so updates wait for the visitor's consent.
      injectRegister: false,
      // The glob below already takes the icons; listing them twice only duplicates precache entries.
      includeManifestIcons: false,
      injectManifest: {
        maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
        globPatterns: ['**/*.{js,css,html,svg,png,webp,wasm,onnx,json,webmanifest}'],
        // The WebGPU runtime (≈ 27 MB) is fetched only by phones with a WebGPU adapter, and
        // cached at run time by the service worker (src/sw/sw.ts); everyone else never needs it.
        globIgnores: [`**/${WEBGPU_RUNTIME_PREFIX}*.wasm`],
      },
      manifest: {
        name: 'Stamp Rally 集章活動',
        short_name: 'Stamp Rally',
        description: 'Collect stamps at every booth, even offline. 逐站集章，離線也能用。',
        id: '/',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#14532d',
        background_color: '#fbf6ec',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
  ],
});
