// Unit tests for preprocessing: luma conversion, resizing and the seeded RNG it relies on in benches.
import { describe, expect, it } from 'vitest';
import { fitScale, resizeGray, toGray } from '../../../src/recognition/shared/preprocess.js';
import { createRng, hashSeed } from '../../../src/recognition/shared/rng.js';

describe('toGray', () => {
  it('maps primaries and greys with BT.601 weights from RGB and RGBA alike', () => {
    const rgb = new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 128, 128, 128]);
    const rgba = new Uint8Array([255, 0, 0, 9, 0, 255, 0, 9, 0, 0, 255, 9, 128, 128, 128, 9]);
    expect([...toGray(rgb, 4, 1, 3).data]).toEqual([77, 149, 29, 128]);
    expect(toGray(rgba, 4, 1, 4).data).toEqual(toGray(rgb, 4, 1, 3).data);
  });

  it('refuses data shorter than the image it claims to be', () => {
    expect(() => toGray(new Uint8Array(10), 4, 1, 3)).toThrow(/holds 10 bytes, expected 12/);
  });
});

describe('resizeGray', () => {
  it('box-averages when shrinking', () => {
    const src = { width: 4, height: 2, data: new Uint8Array([0, 100, 200, 200, 0, 100, 200, 200]) };
    expect([...resizeGray(src, 2, 1).data]).toEqual([50, 200]);
  });

  it('handles non-integer ratios and keeps a flat image flat', () => {
    const src = { width: 7, height: 5, data: new Uint8Array(35).fill(90) };
    expect([...resizeGray(src, 3, 2).data]).toEqual([90, 90, 90, 90, 90, 90]);
    expect([...resizeGray(src, 11, 9).data].every((v) => v === 90)).toBe(true);
  });

  it('matches an area average at a non-integer ratio (640 → 480 in miniature)', () => {
    const rng = createRng(4);
    const src = {
      width: 16,
      height: 12,
      data: Uint8Array.from({ length: 192 }, () => rng.int(256)),
    };
    const out = resizeGray(src, 12, 9);
    // Output pixel (x, y) covers source [x·4/3, (x+1)·4/3) × [y·4/3, (y+1)·4/3), weighted by overlap.
    const overlap = (i: number, o: number) =>
      Math.max(0, Math.min(i + 1, ((o + 1) * 4) / 3) - Math.max(i, (o * 4) / 3));
    for (let y = 0; y < 9; y++) {
      for (let x = 0; x < 12; x++) {
        let sum = 0;
        for (let sy = 0; sy < 12; sy++)
          for (let sx = 0; sx < 16; sx++)
            sum += overlap(sx, x) * overlap(sy, y) * src.data[sy * 16 + sx]!;
        expect(Math.abs(out.data[y * 12 + x]! - sum / (16 / 9))).toBeLessThanOrEqual(0.5 + 1e-4);
      }
    }
  });

  it('interpolates when enlarging', () => {
    const src = { width: 2, height: 1, data: new Uint8Array([0, 200]) };
    expect([...resizeGray(src, 4, 1).data]).toEqual([0, 50, 150, 200]);
  });

  it('fitScale never enlarges', () => {
    expect(fitScale(100, 50, 640)).toBe(1);
    expect(fitScale(1280, 960, 640)).toBe(0.5);
  });
});

describe('rng', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = createRng(hashSeed('venue-a'));
    const b = createRng(hashSeed('venue-a'));
    const c = createRng(hashSeed('venue-b'));
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
