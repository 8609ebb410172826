// Unit tests for keypoint patch extraction and descriptor binarisation (train/runtime contract).
import { describe, expect, it } from 'vitest';
import {
  PATCH_SIZE,
  binarize,
  buildPyramid,
  extractPatches,
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

  it('samples an axis-aligned patch centred on the keypoint at unit step', () => {
    const img = ramp(200, 100);
    const patch = extractPatches(buildPyramid(img), [
      { x: 100, y: 50, angle: 0, size: PATCH_SIZE / 1.25 },
    ]);
    expect(patch.length).toBe(PATCH_SIZE * PATCH_SIZE);
    // Column j samples x = 100 + (j - 15.5) (pixel centres at integer coordinates, as in OpenCV).
    expect(patch[15]).toBeCloseTo(99.5, 5);
    expect(patch[16]).toBeCloseTo(100.5, 5);
    expect(patch[31 * PATCH_SIZE + 31]! - patch[31 * PATCH_SIZE]!).toBeCloseTo(31, 5);
  });

  it('rotates with the keypoint angle', () => {
    const img = ramp(200, 200);
    const patch = extractPatches(buildPyramid(img), [
      { x: 100, y: 100, angle: 90, size: PATCH_SIZE / 1.25 },
    ]);
    // Rotated by 90°, the ramp runs down the rows instead of along the columns.
    expect(patch[PATCH_SIZE] ?? 0).toBeLessThan(patch[0]! + 0.001);
    expect(patch[31 * PATCH_SIZE]! - patch[0]!).toBeCloseTo(-31, 4);
    expect(patch[31]! - patch[0]!).toBeCloseTo(0, 4);
  });

  it('packs descriptor signs into bits', () => {
    const d = new Float32Array(16).map((_, i) => (i % 3 === 0 ? 1 : -1));
    expect([...binarize(d, 16)]).toEqual([0b01001001, 0b10010010]);
  });
});
