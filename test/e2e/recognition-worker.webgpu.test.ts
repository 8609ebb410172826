// The built recognition worker on WebGPU under the product's own headers (CSP included): Chromium
// with a SwiftShader WebGPU adapter loads the demo campaign's pattern set with backend 'webgpu' and
// must answer on WebGPU, then match a frame.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.js';
import { startProductServer, type ProductServer } from './server-process.js';

const ASSETS = fileURLToPath(new URL('../../dist/client/assets', import.meta.url));
const asset = (pattern: RegExp) => {
  const name = readdirSync(ASSETS).find((f) => pattern.test(f));
  if (!name) throw new Error(`no built asset matches ${pattern}`);
  return `/assets/${name}`;
};

let server: ProductServer;
let browser: Browser;

beforeAll(async () => {
  server = await startProductServer();
  browser = await chromium.launch(chromiumLaunchOptions({ webgpu: true }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('built recognition worker on WebGPU', () => {
  it('loads the demo set on WebGPU under the product CSP and matches a frame', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/r/demo`);
    const worker = asset(/^recognition\.worker-[\w-]+\.js$/);
    const model = asset(/^patch-descriptor-tiny-[\w-]+\.onnx$/);
    const replies = await page.evaluate(
      async ({ worker, model }) => {
        const campaign = await (await fetch('/api/v1/campaigns/demo')).json();
        const artifact = new Uint8Array(
          await (await fetch(campaign.patternSet.artifactUrl)).arrayBuffer(),
        );
        const w = new Worker(worker, { type: 'module' });
        const ask = (message: object) =>
          new Promise<Record<string, unknown>>((resolve) => {
            w.onmessage = (event) => resolve(event.data);
            w.onerror = (event) => resolve({ type: 'error', message: event.message });
            w.postMessage(message);
          });
        const loaded = await ask({
          type: 'load',
          id: 1,
          modelUrl: model,
          artifact,
          backend: 'webgpu',
        });
        const data = new Uint8ClampedArray(320 * 240 * 4).map((_, i) =>
          i % 4 === 3 ? 255 : (i * 37) % 251,
        );
        const matched = await ask({
          type: 'match',
          id: 2,
          frame: { width: 320, height: 240, data },
        });
        w.terminate();
        return { loaded, matched };
      },
      { worker, model },
    );
    expect(replies.loaded).toMatchObject({ type: 'loaded', backend: 'webgpu' });
    expect(replies.matched).toMatchObject({ type: 'matched', backend: 'webgpu' });
    await page.close();
  }, 180_000);
});
