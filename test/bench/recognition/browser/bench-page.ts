// Bench page: the real recognition worker in the browser, driven by browser-engine.ts through
// window.bench (load a compiled set, match one RGBA frame; the worker times the match itself).
// `?backend=wasm|webgpu` picks the descriptor backend; a frame matched on another one is an error.
import { descriptorModelUrl as modelUrl } from '../../../../src/recognition/client/model-url.js';
import { RecognitionClient } from '../../../../src/recognition/client/recognition-client.js';
import type { Backend } from '../../../../src/recognition/engine/descriptor-backend.js';

const backend = (new URLSearchParams(location.search).get('backend') ?? 'wasm') as Backend;

const client = new RecognitionClient(
  () =>
    new Worker(
      new URL('../../../../src/recognition/worker/recognition.worker.ts', import.meta.url),
      { type: 'module' },
    ),
);
const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

const bench = {
  load: (artifact: string) => client.load(modelUrl, bytes(artifact), backend),
  async match(width: number, height: number, rgba: string) {
    const r = await client.match({ width, height, data: bytes(rgba) });
    if (r.backend !== backend) throw new Error(`frame matched on ${r.backend}, not ${backend}`);
    const { inliers, candidate } = r.evidence;
    return { pattern: r.pattern, score: r.score, inliers, candidate, ms: r.ms };
  },
};
(window as unknown as { bench: typeof bench }).bench = bench;
document.title = 'ready';
