// The descriptor network on WebGPU, in a Chromium whose WebGPU adapter is SwiftShader (a CPU
// implementation: correct, not fast). 'webgpu' must decide the parity fixtures exactly as Node's
// WASM does; 'auto' must try WebGPU, measure it, keep WASM because here it is far slower, and
// remember that for the next worker.
import { describe, expect, it } from 'vitest';
import {
  parityCase,
  replayFrames,
  withFixtureClient,
} from '../browser/recognition/parity-fixture.js';
import { MIN_SIGN_AGREEMENT } from '../../src/recognition/engine/descriptor-backend.js';

describe('recognition on WebGPU (SwiftShader adapter)', () => {
  it("'webgpu' runs the descriptor network on the GPU and decides as Node does", async () => {
    const fixture = await parityCase();
    await withFixtureClient(fixture, 'webgpu', async (client, loaded) => {
      expect(loaded.backend).toBe('webgpu');
      const report = await client.backendReport();
      expect(report.backend).toBe('webgpu');
      expect(report.trial!.agreement).toBeGreaterThanOrEqual(MIN_SIGN_AGREEMENT);
      const seen = await replayFrames(client, fixture);
      expect(seen.map((s) => s.backend)).toEqual(Array(fixture.frames.length).fill('webgpu'));
      expect(seen.map((s) => s.decision)).toEqual(fixture.node);
    });
  }, 300_000);

  it("'auto' measures WebGPU against WASM, keeps the faster and remembers it", async () => {
    const fixture = await parityCase();
    const first = await withFixtureClient(fixture, 'auto', async (client, loaded) => {
      expect(loaded.backend).toBe('wasm');
      const report = await client.backendReport();
      const trial = report.trial!;
      expect(trial.agreement).toBeGreaterThanOrEqual(MIN_SIGN_AGREEMENT);
      expect(trial.baselineMs).toBeGreaterThan(0);
      // SwiftShader emulates the GPU on the CPU: far slower than WASM, so WASM stays.
      expect(trial.candidateMs).toBeGreaterThan(trial.baselineMs);
      expect(report.backend).toBe('wasm');
      expect(report.note).toMatch(/^WebGPU not used: not faster/);
      const seen = await replayFrames(client, fixture);
      expect(seen.map((s) => s.backend)).toEqual(Array(fixture.frames.length).fill('wasm'));
      return report;
    });
    // The next worker on this browser remembers the trial instead of running it again…
    const remembered = await withFixtureClient(fixture, 'auto', async (client, loaded) => {
      expect(loaded.backend).toBe('wasm');
      return client.backendReport();
    });
    expect(remembered.trial).toEqual(first.trial);
    expect(remembered.note).toBe(`${first.note} (an earlier trial on this browser)`);
    // …and forcing WebGPU ignores that memory.
    const forced = await withFixtureClient(fixture, 'webgpu', async (_, loaded) => loaded.backend);
    expect(forced).toBe('webgpu');
  }, 300_000);
});
