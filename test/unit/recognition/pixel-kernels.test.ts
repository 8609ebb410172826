// The WebAssembly pixel kernels: the committed module is what the AssemblyScript source compiles to,
// and every kernel returns exactly (bit for bit) what the plain TypeScript it replaced returned —
// the references below are that code — so stored pattern sets and benchmark figures stay valid.
// FAST corners are checked against a naive detector in fast-keypoints.test.ts.
import { describe, expect, it } from 'vitest';
import {
  discMomentPairs,
  downscaleBilinearBytes,
  harrisResponses,
  histogramBytes,
  lookupBytes,
  lumaBytes,
  pixelKernelMemoryBytes,
} from '../../../src/recognition/shared/pixel-kernels.js';
import { KERNELS_WASM } from '../../../src/recognition/shared/kernels-wasm.js';
import { resizeGray } from '../../../src/recognition/shared/preprocess.js';
import { createRng } from '../../../src/recognition/shared/rng.js';
// @ts-expect-error: plain .mjs build tool without declarations
import { kernelModuleText } from '../../../src/tools/build-kernels.mjs';

/** Random blocks plus noise: texture at every scale, so corners and gradients are plentiful. */
function texture(width: number, height: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const data = new Uint8Array(width * height).fill(128);
  for (let n = 0; n < (width * height) / 150; n++) {
    const [x0, y0, w, h, v] = [
      rng.int(width),
      rng.int(height),
      2 + rng.int(24),
      2 + rng.int(24),
      rng.int(256),
    ];
    for (let y = y0; y < Math.min(height, y0 + h); y++)
      data.fill(v, y * width + x0, y * width + Math.min(width, x0 + w));
  }
  return data.map((v) => Math.max(0, Math.min(255, v + rng.int(21) - 10)));
}

function referenceDownscale(d: Uint8Array, sw: number, sh: number, width: number, height: number) {
  const out = new Uint8Array(width * height);
  const sx = sw / width;
  const sy = sh / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), sh - 1.001);
    const y0 = Math.floor(fy);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), sw - 1.001);
      const x0 = Math.floor(fx);
      const wx = fx - x0;
      const i = y0 * sw + x0;
      const top = d[i]! + (d[i + 1]! - d[i]!) * wx;
      const bottom = d[i + sw]! + (d[i + sw + 1]! - d[i + sw]!) * wx;
      out[y * width + x] = (top + (bottom - top) * wy + 0.5) | 0;
    }
  }
  return out;
}

/** The box shrink as a direct double loop over output pixels and their overlapping source taps. */
function referenceBoxShrink(d: Uint8Array, sw: number, sh: number, width: number, height: number) {
  const taps = (n: number, m: number, o: number) => {
    const a = (o * n) / m;
    const b = Math.min(a + n / m, n);
    const list: [number, number][] = [];
    for (let i = Math.floor(a); i < Math.min(Math.ceil(b), n); i++)
      list.push([i, Math.fround((Math.min(i + 1, b) - Math.max(i, a)) / (b - a))]);
    return list;
  };
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (const [sy, wy] of taps(sh, height, y)) {
        let sum = 0;
        for (const [sx, wx] of taps(sw, width, x)) sum += wx * d[sy * sw + sx]!;
        acc += wy * Math.fround(sum);
      }
      out[y * width + x] = (acc + 0.5) | 0;
    }
  }
  return out;
}

function referenceHarris(d: Uint8Array, w: number, at: number): number {
  let [a, b, c] = [0, 0, 0];
  for (let dy = -3; dy <= 3; dy++) {
    for (let dx = -3; dx <= 3; dx++) {
      const i = at + dy * w + dx;
      const ix = d[i + 1]! - d[i - 1]!;
      const iy = d[i + w]! - d[i - w]!;
      a += ix * ix;
      b += iy * iy;
      c += ix * iy;
    }
  }
  return a * b - c * c - 0.04 * (a + b) * (a + b);
}

function referenceMoments(d: Uint8Array, w: number, at: number): [number, number] {
  let [m10, m01] = [0, 0];
  for (let dy = -15; dy <= 15; dy++) {
    const span = Math.floor(Math.sqrt(225 - dy * dy));
    for (let dx = -span; dx <= span; dx++) {
      m10 += dx * d[at + dy * w + dx]!;
      m01 += dy * d[at + dy * w + dx]!;
    }
  }
  return [m10, m01];
}

describe('pixel kernels', () => {
  it('are the committed module compiled from the AssemblyScript source', async () => {
    const text: string = await kernelModuleText();
    expect(text).toContain(KERNELS_WASM);
  }, 60_000);

  it('downscale bilinearly like the detector did, at every pyramid step', () => {
    const d = texture(161, 123, 1);
    for (const [w, h] of [
      [124, 95],
      [95, 73],
      [60, 41],
    ] as const)
      expect(downscaleBilinearBytes(d, 161, 123, w, h)).toEqual(
        referenceDownscale(d, 161, 123, w, h),
      );
  });

  it('box-shrink exactly like the separable float code, at integer and fractional ratios', () => {
    const d = texture(64, 48, 2);
    for (const [w, h] of [
      [48, 36],
      [32, 24],
      [29, 17],
      [64, 47],
    ] as const) {
      const got = resizeGray({ width: 64, height: 48, data: d }, w, h).data;
      expect(got).toEqual(referenceBoxShrink(d, 64, 48, w, h));
    }
  });

  it('compute luma, histograms and lookups', () => {
    const rgba = texture(40, 30, 3);
    const rgb = rgba.subarray(0, 399);
    expect([...lumaBytes(rgba, 4)]).toEqual(
      Array.from(
        { length: 300 },
        (_, i) => (77 * rgba[4 * i]! + 150 * rgba[4 * i + 1]! + 29 * rgba[4 * i + 2]! + 128) >> 8,
      ),
    );
    expect([...lumaBytes(rgb, 3)]).toEqual(
      Array.from(
        { length: 133 },
        (_, i) => (77 * rgb[3 * i]! + 150 * rgb[3 * i + 1]! + 29 * rgb[3 * i + 2]! + 128) >> 8,
      ),
    );
    const histogram = histogramBytes(rgba);
    expect(histogram.reduce((s, v) => s + v, 0)).toBe(1200);
    expect(histogram[rgba[7]!]).toBe(rgba.filter((v) => v === rgba[7]).length);
    const invert = Uint8Array.from({ length: 256 }, (_, v) => 255 - v);
    expect(lookupBytes(rgba, invert)).toEqual(rgba.map((v) => 255 - v));
  });

  it('compute Harris responses and disc moments at the given pixels', () => {
    const w = 80;
    const d = texture(w, 60, 4);
    const rng = createRng(5);
    const at = Int32Array.from({ length: 50 }, () => (16 + rng.int(28)) * w + 16 + rng.int(48));
    const harris = harrisResponses(d, w, at);
    const moments = discMomentPairs(d, w, at);
    at.forEach((i, n) => {
      expect(harris[n]).toBe(referenceHarris(d, w, i));
      expect([moments[2 * n], moments[2 * n + 1]]).toEqual(referenceMoments(d, w, i));
    });
    expect(new Set(harris).size).toBeGreaterThan(40);
  });

  it('give back the memory a large image took, at the next call', () => {
    const big = new Uint8Array(4000 * 3000 * 4).fill(200);
    expect(lumaBytes(big, 4).length).toBe(12_000_000);
    expect(pixelKernelMemoryBytes()).toBeGreaterThan(48_000_000);
    expect([...lumaBytes(Uint8Array.of(10, 20, 30, 255), 4)]).toEqual([18]);
    expect(pixelKernelMemoryBytes()).toBeLessThan(4_000_000);
  });
});
