// Node and the browser decide identically: the same frames through the real recognition worker in
// Chromium give the same pattern, keypoint count and inlier count as the Node engine.
import { commands } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { descriptorModelUrl as modelUrl } from '../../../src/recognition/client/model-url.js';
import { RecognitionClient } from '../../../src/recognition/client/recognition-client.js';
import type { ParityCase } from './node-commands.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    recognitionParityCase: () => Promise<ParityCase>;
  }
}

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

describe('recognition parity (browser worker vs Node)', () => {
  it('gives the same decisions and evidence on every fixture frame', async () => {
    const fixture = await commands.recognitionParityCase();
    const client = new RecognitionClient(
      () =>
        new Worker(
          new URL('../../../src/recognition/worker/recognition.worker.ts', import.meta.url),
          { type: 'module' },
        ),
    );
    try {
      const loaded = await client.load(modelUrl, bytes(fixture.artifact));
      expect(loaded.patterns).toEqual(['santa-workshop', 'snowman-village', 'hot-cocoa-cafe']);
      for (const [i, frame] of fixture.frames.entries()) {
        const result = await client.match({
          width: frame.width,
          height: frame.height,
          data: bytes(frame.rgba),
        });
        expect(
          {
            pattern: result.pattern,
            inliers: result.evidence.inliers,
            keypoints: result.evidence.keypoints,
          },
          frame.name,
        ).toEqual(fixture.node[i]);
      }
      expect(fixture.node.map((n) => n.pattern)).toEqual([
        'santa-workshop',
        'hot-cocoa-cafe',
        null,
      ]);
    } finally {
      client.terminate();
    }
  }, 180_000);
});
