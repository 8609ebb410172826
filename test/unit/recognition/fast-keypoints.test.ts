// Keypoint detection: finds corners where there is texture, none on flat images, and follows the
// image when it moves.
import { describe, expect, it } from 'vitest';
import { BORDER, detectKeypoints } from '../../../src/recognition/features/fast-keypoints.js';
import { fastCornerCells } from '../../../src/recognition/shared/pixel-kernels.js';
import { normalizeContrast } from '../../../src/recognition/engine/frame.js';
import type { GrayImage } from '../../../src/recognition/shared/preprocess.js';
import { createRng } from '../../../src/recognition/shared/rng.js';

function blocks(width: number, height: number, seed: number): GrayImage {
  const rng = createRng(seed);
  const data = new Uint8Array(width * height).fill(120);
  for (let n = 0; n < 160; n++) {
    const x0 = rng.int(width - 20);
    const y0 = rng.int(height - 20);
    const w = 6 + rng.int(30);
    const h = 6 + rng.int(30);
    const v = rng.int(256);
    for (let y = y0; y < Math.min(height, y0 + h); y++)
      data.fill(v, y * width + x0, y * width + Math.min(width, x0 + w));
  }
  return { width, height, data };
}

function shift(img: GrayImage, dx: number, dy: number): GrayImage {
  const data = new Uint8Array(img.data.length).fill(120);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const sx = x - dx;
      const sy = y - dy;
      if (sx >= 0 && sy >= 0 && sx < img.width && sy < img.height)
        data[y * img.width + x] = img.data[sy * img.width + sx]!;
    }
  }
  return { ...img, data };
}

describe('detectKeypoints', () => {
  it('finds up to the budget of oriented keypoints on texture and none on a flat image', () => {
    const kps = detectKeypoints(blocks(320, 240, 3));
    expect(kps.length).toBeGreaterThan(150);
    expect(kps.length).toBeLessThanOrEqual(500);
    for (const k of kps) {
      expect(k.angle).toBeGreaterThanOrEqual(0);
      expect(k.angle).toBeLessThan(360);
      expect(k.size).toBeGreaterThanOrEqual(31);
    }
    expect(
      detectKeypoints({ width: 320, height: 240, data: new Uint8Array(320 * 240).fill(90) }),
    ).toHaveLength(0);
  });

  it('moves its keypoints with the image', () => {
    const img = blocks(320, 240, 5);
    const base = detectKeypoints(img).filter((k) => k.size === 31);
    const moved = detectKeypoints(shift(img, 7, 4)).filter((k) => k.size === 31);
    const found = base.filter((k) =>
      moved.some((m) => Math.abs(m.x - k.x - 7) < 1 && Math.abs(m.y - k.y - 4) < 1),
    );
    // Grid cells do not move with the image, so some cells pick another corner: about half repeat.
    expect(found.length / base.length).toBeGreaterThan(0.45);
  });
});

/** FAST-9 by the definition (no pre-test): strongest corner per cell, as fastCornersPerCell keeps it. */
function naiveFast(img: GrayImage, t: number, cell: number): string[] {
  const circle = [
    [0, -3],
    [1, -3],
    [2, -2],
    [3, -1],
    [3, 0],
    [3, 1],
    [2, 2],
    [1, 3],
    [0, 3],
    [-1, 3],
    [-2, 2],
    [-3, 1],
    [-3, 0],
    [-3, -1],
    [-2, -2],
    [-1, -3],
  ];
  const best = new Map<number, { score: number; at: string }>();
  const cols = Math.ceil(img.width / cell);
  for (let y = BORDER; y < img.height - BORDER; y++) {
    for (let x = BORDER; x < img.width - BORDER; x++) {
      const c = img.data[y * img.width + x]!;
      const v = circle.map(([dx, dy]) => img.data[(y + dy!) * img.width + x + dx!]!);
      const arc = (test: (p: number) => boolean) =>
        v.some((_, s) => Array.from({ length: 9 }, (_, k) => v[(s + k) % 16]!).every(test));
      if (!arc((p) => p > c + t) && !arc((p) => p < c - t)) continue;
      const score = v.reduce((a, p) => a + (p > c + t ? p - c - t : p < c - t ? c - t - p : 0), 0);
      const key = Math.floor(y / cell) * cols + Math.floor(x / cell);
      if (score > (best.get(key)?.score ?? 0)) best.set(key, { score, at: `${x},${y}` });
    }
  }
  return [...best.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b.at);
}

describe('fastCornerCells (WebAssembly kernel)', () => {
  it('keeps exactly the corners of the full FAST-9 test despite its SIMD pre-tests', () => {
    const rng = createRng(11);
    const img = blocks(160, 120, 9);
    // Noise makes many pixels pass the first pre-test pair, exercising every later exit.
    const data = img.data.map((v) => Math.max(0, Math.min(255, v + rng.int(31) - 15)));
    const noisy = { ...img, data: Uint8Array.from(data) };
    for (const [t, cell] of [
      [10, 7],
      [18, 12],
    ] as const) {
      const got = [...fastCornerCells(noisy.data, noisy.width, noisy.height, t, cell)]
        .filter((i) => i >= 0)
        .map((i) => `${i % noisy.width},${Math.floor(i / noisy.width)}`);
      expect(got.length).toBeGreaterThan(20);
      expect(got).toEqual(naiveFast(noisy, t, cell));
    }
  });
});

describe('normalizeContrast', () => {
  it('stretches a dim image to the full range and leaves a flat one alone', () => {
    const dim = {
      width: 100,
      height: 1,
      data: Uint8Array.from({ length: 100 }, (_, i) => 100 + Math.floor(i / 2)),
    };
    const out = normalizeContrast(dim);
    expect(out.data[0]).toBe(0);
    expect(out.data[99]).toBe(255);
    const flat = { width: 10, height: 10, data: new Uint8Array(100).fill(7) };
    expect(normalizeContrast(flat)).toBe(flat);
  });
});
