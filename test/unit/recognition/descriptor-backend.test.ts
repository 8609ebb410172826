// Choosing the descriptor backend: the trial's sign agreement and timing, the rule that keeps WebGPU
// only when it agrees with WASM and is clearly faster, and the swappable network the worker holds.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DescriptorNet } from '../../../src/recognition/engine/describe.js';
import {
  compareNets,
  MIN_SIGN_AGREEMENT,
  probePatches,
  rejectCandidate,
  SwitchableNet,
  type BackendTrial,
} from '../../../src/recognition/engine/descriptor-backend.js';
import { PATCH_SIZE } from '../../../src/recognition/shared/patches.js';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';

/** `net` with every `every`-th output negated and `delay` ms added to each run. */
function altered(
  net: DescriptorNet,
  every: number,
  delay = 0,
): DescriptorNet & { released: number } {
  const wrapped = {
    sha256: net.sha256,
    dims: net.dims,
    released: 0,
    async run(patches: Float32Array, count: number) {
      const out = (await net.run(patches, count)).slice();
      for (let i = 0; every > 0 && i < out.length; i += every) out[i] = -out[i]!;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return out;
    },
    async release() {
      wrapped.released++;
    },
  };
  return wrapped;
}

const trial = (agreement: number, baselineMs: number, candidateMs: number): BackendTrial => ({
  agreement,
  baselineMs,
  candidateMs,
  patches: 512,
});

describe('descriptor backend choice', () => {
  let net: DescriptorNet;
  beforeAll(async () => {
    net = (await createNodeEngine()).net;
  });

  it('makes textured, reproducible, standardised probe patches', () => {
    const a = probePatches(4);
    expect(a).toEqual(probePatches(4));
    expect(a).not.toEqual(probePatches(4, 8));
    expect(a.length).toBe(4 * PATCH_SIZE * PATCH_SIZE);
    const first = a.subarray(0, PATCH_SIZE * PATCH_SIZE);
    const mean = first.reduce((s, v) => s + v, 0) / first.length;
    const sd = Math.sqrt(first.reduce((s, v) => s + (v - mean) ** 2, 0) / first.length);
    // Standardised as the sampler's inputs are: zero mean, a deviation just under 1 (pooled 2×2,
    // and the +4 in the denominator), textured rather than flat.
    expect(Math.abs(mean)).toBeLessThan(1e-4);
    expect(sd).toBeGreaterThan(0.5);
    expect(sd).toBeLessThan(1);
  });

  it('measures full agreement between two runs of the same network', async () => {
    const result = await compareNets(net, net, () => performance.now(), 64, 2);
    expect(result.agreement).toBe(1);
    expect(result.patches).toBe(64);
    expect(result.baselineMs).toBeGreaterThan(0);
    expect(rejectCandidate(result, true)).toBeNull();
  });

  it('counts flipped descriptor bits and times each network', async () => {
    const slow = altered(net, 100, 30);
    const result = await compareNets(net, slow, () => performance.now(), 64, 3);
    expect(result.agreement).toBeCloseTo(0.99, 4);
    expect(result.candidateMs).toBeGreaterThanOrEqual(25);
    expect(result.candidateMs).toBeGreaterThan(result.baselineMs);
    expect(rejectCandidate(result, true)).toBe('descriptors disagree with WASM on 1.00 % of bits');
  });

  it('keeps a candidate only when it agrees and is clearly faster (unless forced)', () => {
    expect(rejectCandidate(trial(1, 20, 5))).toBeNull();
    expect(rejectCandidate(trial(MIN_SIGN_AGREEMENT, 20, 16))).toBeNull();
    expect(rejectCandidate(trial(1, 20, 17))).toBe(
      'not faster (17.0 ms against 20.0 ms per 512 patches)',
    );
    expect(rejectCandidate(trial(1, 20, 17), true)).toBeNull();
    expect(rejectCandidate(trial(0.998, 20, 1))).toMatch(/^descriptors disagree/);
    expect(rejectCandidate(trial(Number.NaN, 20, 1), true)).toMatch(/^descriptors disagree/);
    expect(rejectCandidate(trial(1, 20, Number.NaN))).toMatch(/^not faster/);
  });

  it('refuses networks of another descriptor size', async () => {
    const other = { ...net, dims: net.dims * 2 };
    await expect(compareNets(net, other, () => 0)).rejects.toThrow(/sizes differ/);
  });

  it('swaps the active network between frames and releases the previous one', async () => {
    const wasm = altered(net, 0);
    const gpu = altered(net, 2);
    const switchable = new SwitchableNet(wasm, 'wasm');
    const patches = probePatches(2);
    expect(await switchable.run(patches.slice(), 2)).toEqual(await net.run(patches.slice(), 2));
    await switchable.use(gpu, 'webgpu');
    expect(switchable.backend).toBe('webgpu');
    expect(wasm.released).toBe(1);
    expect(await switchable.run(patches.slice(), 2)).toEqual(await gpu.run(patches.slice(), 2));
    await expect(switchable.use({ ...net, sha256: 'other' }, 'wasm')).rejects.toThrow(
      /same descriptor model/,
    );
    expect(switchable.backend).toBe('webgpu');
  });

  it('falls back to WASM for good when the GPU backend fails, and retries the frame there', async () => {
    const wasm = altered(net, 0);
    let gpuRuns = 0;
    const gpu = {
      ...altered(net, 2),
      async run(patches: Float32Array, count: number) {
        if (++gpuRuns > 1) throw new Error('GPU device lost');
        return net.run(patches, count);
      },
    };
    const switchable = new SwitchableNet(gpu, 'webgpu');
    let made = 0;
    switchable.fallBackWith(async () => {
      made++;
      return wasm;
    });
    const patches = probePatches(3);
    const expected = await net.run(patches.slice(), 3);
    expect(await switchable.run(patches, 3)).toEqual(expected);
    expect(switchable.failure).toBeNull();
    // Two frames in flight when the device is lost: both get WASM descriptors, one WASM net made.
    const [a, b] = await Promise.all([switchable.run(patches, 3), switchable.run(patches, 3)]);
    expect(a).toEqual(expected);
    expect(b).toEqual(expected);
    expect(made).toBe(1);
    expect(switchable.backend).toBe('wasm');
    expect(switchable.failure).toBe('GPU device lost');
    expect(await switchable.run(patches, 3)).toEqual(expected);
    expect(gpuRuns).toBe(3);
  });

  it('lets a WASM failure through: there is nothing to fall back to', async () => {
    const broken = { ...net, run: () => Promise.reject(new Error('out of memory')) };
    const switchable = new SwitchableNet(broken, 'wasm');
    switchable.fallBackWith(async () => net);
    await expect(switchable.run(probePatches(1), 1)).rejects.toThrow('out of memory');
    expect(switchable.backend).toBe('wasm');
  });
});
