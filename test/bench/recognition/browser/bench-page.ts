// Bench page: the real recognition worker in the browser, driven by browser-bench.ts through
// window.bench (load a compiled set, match one RGBA frame; the worker times the match itself).
import { descriptorModelUrl as modelUrl } from '../../../../src/recognition/client/model-url.js';
import { RecognitionClient } from '../../../../src/recognition/client/recognition-client.js';

const client = new RecognitionClient(
  () =>
    new Worker(
      new URL('../../../../src/recognition/worker/recognition.worker.ts', import.meta.url),
      { type: 'module' },
    ),
);
const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

const bench = {
  load: (artifact: string) => client.load(modelUrl, bytes(artifact)),
  async match(width: number, height: number, rgba: string) {
    const r = await client.match({ width, height, data: bytes(rgba) });
    const { inliers, candidate } = r.evidence;
    return { pattern: r.pattern, score: r.score, inliers, candidate, ms: r.ms };
  },
};
(window as unknown as { bench: typeof bench }).bench = bench;
document.title = 'ready';
