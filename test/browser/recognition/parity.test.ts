// Node and the browser decide identically: the same frames through the real recognition worker in
// Chromium give the same pattern, keypoint count, inlier count and rejection as the Node engine,
// colour frames included. This Chromium has no WebGPU adapter, so 'auto' stays on WASM and says
// why.
import { describe, expect, it } from 'vitest';
import { parityCase, replayFrames, withFixtureClient } from './parity-fixture.js';

describe('recognition parity (browser worker vs Node)', () => {
  it('gives the same decisions and evidence on every fixture frame', async () => {
    const fixture = await parityCase();
    await withFixtureClient(fixture, 'wasm', async (client, loaded) => {
      expect(loaded.patterns).toEqual(['santa-workshop', 'snowman-village', 'hot-cocoa-cafe']);
      expect(loaded.backend).toBe('wasm');
      const seen = await replayFrames(client, fixture);
      expect(seen.map((s) => s.decision)).toEqual(fixture.node);
      expect(seen.map((s) => s.backend)).toEqual(Array(fixture.frames.length).fill('wasm'));
    });
    expect(fixture.node.map((n) => n.pattern)).toEqual([
      'santa-workshop',
      'hot-cocoa-cafe',
      null,
      'snowman-village',
      null,
    ]);
    // The colour frame is stamped below the colour check's exemption: the check ran on both sides.
    expect(fixture.node[3]!.inliers).toBeLessThan(40);
  }, 180_000);

  it("stays on WASM under 'auto' when the browser has no WebGPU adapter, and says why", async () => {
    const fixture = await parityCase();
    await withFixtureClient(fixture, 'auto', async (client, loaded) => {
      expect(loaded.backend).toBe('wasm');
      expect(await client.backendReport()).toEqual({
        backend: 'wasm',
        trial: null,
        note: 'WebGPU unavailable: no WebGPU adapter (no GPU, or it is blocked)',
      });
      const seen = await replayFrames(client, fixture);
      expect(seen.map((s) => s.decision)).toEqual(fixture.node);
    });
  }, 180_000);

  it("fails a 'webgpu' load with the reason when there is no adapter", async () => {
    const fixture = await parityCase();
    await expect(withFixtureClient(fixture, 'webgpu', async () => undefined)).rejects.toThrow(
      /WebGPU unavailable: no WebGPU adapter/,
    );
  }, 60_000);
});
