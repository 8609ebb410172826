// Unit tests for keypoint patch extraction and descriptor binarisation (train/runtime contract).
import { describe, expect, it } from 'vitest';
import {
  PATCH_SIZE,
  SAMPLE_GRID,
  binarize,
  buildPyramid,
  extractPatches,
  gridInput,
  samplePatches,
} from '../../../src/recognition/shared/patches.js';

function ramp(w: number, h: number): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = x % 256;
  return { width: w, height: h, data };
}

describe('patches', () => {
  it('builds a 2×2-mean pyramid', () => {
    const p = buildPyramid(
      { width: 4, height: 2, data: new Uint8Array([0, 2, 4, 6, 2, 4, 6, 8]) },
      2,
    );
    expect(p[1]!.width).toBe(2);
    expect([...p[1]!.data]).toEqual([2, 6]);
  });

  it('rebuilds a pyramid into the buffers of one no longer needed, when their sizes fit', () => {
    const a = ramp(64, 48);
    const b = { ...ramp(64, 48), data: ramp(64, 48).data.map((v) => 255 - v) };
    const first = buildPyramid(a);
    const buffers = first.map((l) => l.data);
    const second = buildPyramid(b, undefined, first);
    expect(second.map((l) => l.data)).toEqual(buffers);
    second.forEach((l, i) => expect(l.data).toBe(buffers[i]));
    expect(second.map((l) => [...l.data])).toEqual(buildPyramid(b).map((l) => [...l.data]));
    // Another size: fresh buffers, the old pyramid untouched.
    const other = buildPyramid(ramp(40, 30), undefined, second);
    other.forEach((l, i) => expect(l.data).not.toBe(buffers[i]));
    expect([...second[0]!.data]).toEqual([...b.data]);
  });

  it('samples an axis-aligned grid centred on the keypoint at unit step', () => {
    const img = ramp(200, 100);
    const grid = samplePatches(buildPyramid(img), [
      { x: 100, y: 50, angle: 0, size: SAMPLE_GRID / 1.25 },
    ]);
    expect(grid.length).toBe(SAMPLE_GRID * SAMPLE_GRID);
    // Column j samples x = 100 + (j - 15.5) (pixel centres at integer coordinates, as in OpenCV).
    expect(grid[15]).toBeCloseTo(99.5, 5);
    expect(grid[16]).toBeCloseTo(100.5, 5);
    expect(grid[31 * SAMPLE_GRID + 31]! - grid[31 * SAMPLE_GRID]!).toBeCloseTo(31, 5);
  });

  it('rotates with the keypoint angle', () => {
    const img = ramp(200, 200);
    const grid = samplePatches(buildPyramid(img), [
      { x: 100, y: 100, angle: 90, size: SAMPLE_GRID / 1.25 },
    ]);
    // Rotated by 90°, the ramp runs down the rows instead of along the columns.
    expect(grid[SAMPLE_GRID] ?? 0).toBeLessThan(grid[0]! + 0.001);
    expect(grid[31 * SAMPLE_GRID]! - grid[0]!).toBeCloseTo(-31, 4);
    expect(grid[31]! - grid[0]!).toBeCloseTo(0, 4);
  });

  it("gives the network each grid standardised and 2×2-averaged, whole or from the blocks' diagonals", () => {
    // A textured image and keypoints at several angles, sizes (pyramid levels) and at the border.
    const w = 160;
    const h = 120;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        data[y * w + x] = (128 + 90 * Math.sin(x * 0.21 + y * 0.07) * Math.cos(y * 0.17)) | 0;
    const pyramid = buildPyramid({ width: w, height: h, data });
    const keypoints = [
      { x: 80, y: 60, angle: 0, size: 20 },
      { x: 40, y: 70, angle: 33, size: 45 },
      { x: 100, y: 30, angle: 250, size: 90 },
      { x: 3, y: 117, angle: 140, size: 31 },
    ];
    const grids = samplePatches(pyramid, keypoints);
    const inputs = extractPatches(pyramid, keypoints);
    expect(inputs.length).toBe(keypoints.length * PATCH_SIZE * PATCH_SIZE);
    const n = SAMPLE_GRID * SAMPLE_GRID;
    const cell = (y: number, x: number) => 2 * y * SAMPLE_GRID + 2 * x;
    let worst = 0;
    keypoints.forEach((_, k) => {
      const grid = grids.subarray(k * n, (k + 1) * n);
      // The trained graph: standardise all 1,024 points, then average each 2×2 block.
      const mean = grid.reduce((s, v) => s + v, 0) / n;
      const variance = grid.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
      const whole = (v: number) => (v - mean) / (Math.sqrt(variance + 0.001) + 4);
      // The sampler: the same on each block's diagonal (512 points).
      const diagonal = [...grid].filter(
        (_, i) => (i % SAMPLE_GRID) % 2 === Math.floor(i / SAMPLE_GRID) % 2,
      );
      const dMean = diagonal.reduce((s, v) => s + v, 0) / diagonal.length;
      const dVariance = diagonal.reduce((s, v) => s + (v - dMean) ** 2, 0) / diagonal.length;
      const half = (v: number) => (v - dMean) / (Math.sqrt(dVariance + 0.001) + 4);
      // gridInput: the trained graph's input from the whole grid.
      const fromGrid = new Float32Array(PATCH_SIZE * PATCH_SIZE).fill(9);
      gridInput(grid, fromGrid, 0);
      for (let y = 0; y < PATCH_SIZE; y++) {
        for (let x = 0; x < PATCH_SIZE; x++) {
          const g = cell(y, x);
          const got = inputs[k * PATCH_SIZE * PATCH_SIZE + y * PATCH_SIZE + x]!;
          expect(
            Math.abs(got - (half(grid[g]!) + half(grid[g + SAMPLE_GRID + 1]!)) / 2),
          ).toBeLessThan(1e-5);
          const trained =
            (whole(grid[g]!) +
              whole(grid[g + 1]!) +
              whole(grid[g + SAMPLE_GRID]!) +
              whole(grid[g + SAMPLE_GRID + 1]!)) /
            4;
          expect(Math.abs(fromGrid[y * PATCH_SIZE + x]! - trained)).toBeLessThan(1e-5);
          worst = Math.max(worst, Math.abs(got - trained));
        }
      }
    });
    // An estimate of the trained input: close on smooth texture (values span about ±1.5).
    expect(worst).toBeLessThan(0.15);
  });

  it('packs descriptor signs into bits', () => {
    const d = new Float32Array(16).map((_, i) => (i % 3 === 0 ? 1 : -1));
    expect([...binarize(d, 16)]).toEqual([0b01001001, 0b10010010]);
  });
});
