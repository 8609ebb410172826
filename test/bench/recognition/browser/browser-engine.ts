// The benchmark engine that runs in headless Chromium: a Vite dev server serves the bench page, the
// page's recognition worker matches each frame (WASM, one thread; or WebGPU, which this machine
// offers only through SwiftShader, a CPU implementation); compile happens in Node.
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { chromiumLaunchOptions } from '../../../chromium.js';
import type { Backend } from '../../../../src/recognition/engine/descriptor-backend.js';
import { createNodeEngine } from '../../../../src/recognition/node/node-engine.js';
import type { BenchEngine, MatchOutcome, PatternImages, RgbaImage } from '../engine.js';

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export async function createBrowserEngine(backend: Backend = 'wasm'): Promise<BenchEngine> {
  const node = await createNodeEngine();
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: import.meta.dirname,
    logLevel: 'error',
    server: {
      port: 0,
      host: '127.0.0.1',
      headers: ISOLATION,
      fs: { allow: [`${import.meta.dirname}/../../../..`] },
    },
    optimizeDeps: { include: ['onnxruntime-web/wasm', 'onnxruntime-web/webgpu'] },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser: Browser = await chromium.launch({
    headless: true,
    ...chromiumLaunchOptions({ webgpu: backend === 'webgpu' }),
  });
  const page: Page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/index.html?backend=${backend}`);
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: 120_000 });
  return {
    name: backend === 'wasm' ? 'stamp-rally-browser' : `stamp-rally-browser-${backend}`,
    async compile(patterns: PatternImages[]) {
      const { artifact } = await node.compile(patterns);
      const b64 = Buffer.from(artifact).toString('base64');
      await page.evaluate(
        (a) =>
          (window as unknown as { bench: { load(a: string): Promise<unknown> } }).bench.load(a),
        b64,
      );
    },
    async match(frame: RgbaImage): Promise<MatchOutcome> {
      const rgba = Buffer.from(frame.data).toString('base64');
      const r = await page.evaluate(
        ([w, h, d]) =>
          (
            window as unknown as {
              bench: {
                match(
                  w: number,
                  h: number,
                  d: string,
                ): Promise<{
                  pattern: string | null;
                  score: number;
                  inliers: number;
                  candidate: string | null;
                  ms: number;
                }>;
              };
            }
          ).bench.match(w, h, d),
        [frame.width, frame.height, rgba] as const,
      );
      const { pattern, score, candidate, inliers: candidateScore, ms } = r;
      return { pattern, score, candidate, candidateScore, ms };
    },
    dispose() {
      void browser.close();
      void server.close();
    },
  };
}
