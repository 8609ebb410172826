// Keypoint detection: finds corners where there is texture, none on flat images, and follows the
// image when it moves.
import { describe, expect, it } from 'vitest';
import { detectKeypoints } from '../../../src/recognition/features/fast-keypoints.js';
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
