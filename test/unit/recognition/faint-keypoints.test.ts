// The second look's keypoints: the boost's block gains, and keypoints kept only where the boost
// reaches a gain, within the detector's budget, pyramid levels in order.
import { describe, expect, it } from 'vitest';
import {
  boostLocalContrast,
  faintKeypoints,
  gainAt,
} from '../../../src/recognition/engine/frame.js';
import { detectKeypoints } from '../../../src/recognition/features/fast-keypoints.js';
import { MATCH_PARAMS } from '../../../src/recognition/engine/params.js';
import { createRng } from '../../../src/recognition/shared/rng.js';
import type { GrayImage } from '../../../src/recognition/shared/preprocess.js';

/** 320×240 of random 4-px blocks: faint (±10 grey levels) on the left half, crisp on the right. */
function halfFaint(): GrayImage {
  const rng = createRng(11);
  const w = 320;
  const h = 240;
  const blocks = Array.from({ length: (w / 4) * (h / 4) }, () => rng.next() * 2 - 1);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      data[y * w + x] = Math.round(
        128 + blocks[(y >> 2) * (w / 4) + (x >> 2)]! * (x < 160 ? 10 : 110),
      );
  return { width: w, height: h, data };
}

describe('faint keypoints', () => {
  const image = halfFaint();
  const boosted = boostLocalContrast(image, 40, 40, 3)!;
  const detector = { ...MATCH_PARAMS.frameDetector, maxKeypoints: 300 };

  it('records the gain of every block: the faint half boosted to the limit, the crisp half not', () => {
    expect(boosted.gains.columns).toBe(8);
    expect(boosted.gains.rows).toBe(6);
    expect(gainAt(boosted, 20, 20)).toBe(3);
    expect(gainAt(boosted, 300, 200)).toBe(1);
    // Points outside the image take the nearest block.
    expect(gainAt(boosted, -5, 500)).toBe(3);
    expect(gainAt(boosted, 999, -1)).toBe(1);
  });

  it('keeps only keypoints where the gain reaches the threshold, spending the budget there', () => {
    const everywhere = detectKeypoints(boosted, detector);
    const faint = faintKeypoints(boosted, detector, 1.1);
    expect(everywhere.filter((k) => k.x < 160).length).toBeLessThan(faint.length);
    expect(faint.every((k) => gainAt(boosted, k.x, k.y) >= 1.1)).toBe(true);
    expect(faint.length).toBeLessThanOrEqual(detector.maxKeypoints + detector.levels);
    // Each level's keypoints stay together, in the detector's order (a subset of its list).
    const doubled = detectKeypoints(boosted, { ...detector, maxKeypoints: 600 });
    let at = 0;
    for (const k of faint) {
      while (
        at < doubled.length &&
        doubled[at] !== k &&
        JSON.stringify(doubled[at]) !== JSON.stringify(k)
      )
        at++;
      expect(at).toBeLessThan(doubled.length);
      at++;
    }
  });

  it('keeps everything at threshold 1 and nothing above the maximum gain', () => {
    expect(faintKeypoints(boosted, detector, 3.5)).toEqual([]);
    const all = faintKeypoints(boosted, detector, 1);
    // Each level's share is rounded: at most one over the budget per level.
    expect(all.length).toBeGreaterThan(detector.maxKeypoints - detector.levels);
    expect(all.length).toBeLessThanOrEqual(detector.maxKeypoints + detector.levels);
    expect(all.some((k) => k.x >= 160)).toBe(true);
  });
});
