// The working image in one pass through the kernels (workingImage) against its steps one by one
// (scaledGray, normalizeContrast), and the buffers a match reuses (frame-workspace.ts).
import { describe, expect, it } from 'vitest';
import {
  boostLocalContrast,
  normalizeContrast,
  scaledGray,
  workingImage,
  type RgbaImage,
} from '../../../src/recognition/engine/frame.js';
import { downscale } from '../../../src/recognition/features/fast-keypoints.js';
import { createRng } from '../../../src/recognition/shared/rng.js';

/** Whether two byte arrays hold the same bytes (toEqual on 170 KB arrays takes a second). */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** RGBA with a gradient, noise of `noise` levels and grey levels within lo–hi. */
function frame(width: number, height: number, lo: number, hi: number, seed: number): RgbaImage {
  const rng = createRng(seed);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const ramp = lo + ((hi - lo) * (i % width)) / width;
    for (let c = 0; c < 3; c++) data[4 * i + c] = ramp + rng.int(9) - 4 + 3 * c;
    data[4 * i + 3] = 255;
  }
  return { width, height, data };
}

describe('workingImage', () => {
  const cases: [string, RgbaImage][] = [
    ['640 × 480, shrunk to 480 × 360', frame(640, 480, 20, 230, 1)],
    ['641 × 479, an odd shrink', frame(641, 479, 60, 120, 2)],
    ['300 × 200, kept at its size', frame(300, 200, 90, 160, 3)],
    ['a flat frame, not stretched', frame(400, 300, 100, 104, 4)],
  ];
  for (const [name, rgba] of cases) {
    it(`gives scaledGray then normalizeContrast bit for bit: ${name}`, () => {
      const steps = scaledGray(rgba, 480);
      const fused = workingImage(rgba, 480);
      expect(fused.scale).toBe(steps.scale);
      expect([fused.image.width, fused.image.height]).toEqual([
        steps.image.width,
        steps.image.height,
      ]);
      expect(sameBytes(fused.image.data, normalizeContrast(steps.image).data)).toBe(true);
    });
  }

  it('leaves the flat frame above as it is (the case it stands for)', () => {
    const flat = scaledGray(cases[3]![1], 480).image;
    expect(normalizeContrast(flat)).toBe(flat);
    expect(sameBytes(workingImage(cases[3]![1], 480).image.data, flat.data)).toBe(true);
  });

  it('writes into a buffer of the right size and leaves one of another size alone', () => {
    const rgba = frame(640, 480, 30, 200, 5);
    const fresh = workingImage(rgba, 480).image.data;
    const buffer = new Uint8Array(480 * 360).fill(7);
    expect(workingImage(rgba, 480, buffer).image.data).toBe(buffer);
    expect(sameBytes(buffer, fresh)).toBe(true);
    const wrong = new Uint8Array(100).fill(7);
    const result = workingImage(rgba, 480, wrong).image.data;
    expect(result).not.toBe(wrong);
    expect(sameBytes(result, fresh)).toBe(true);
    expect(wrong.every((v) => v === 7)).toBe(true);
  });

  it('refuses RGBA data of the wrong length', () => {
    const bad = { width: 10, height: 10, data: new Uint8Array(399) };
    expect(() => workingImage(bad, 480)).toThrow(/holds 399 bytes, expected RGBA 10×10/);
  });
});

describe('reused buffers', () => {
  it('give the pyramid level and the boost the same bytes as fresh ones', () => {
    const image = workingImage(frame(640, 480, 70, 110, 6), 480).image;
    const level = downscale(image, 369, 277);
    const into = new Uint8Array(369 * 277);
    expect(downscale(image, 369, 277, into).data).toBe(into);
    expect(sameBytes(into, level.data)).toBe(true);
    const boosted = boostLocalContrast(image, 40, 40, 3)!;
    const target = new Uint8Array(image.data.length);
    const again = boostLocalContrast(image, 40, 40, 3, 0, target)!;
    expect(again.data).toBe(target);
    expect(sameBytes(again.data, boosted.data)).toBe(true);
    expect(again.gains).toEqual(boosted.gains);
  });
});
