// Guided matching: the keypoint grid finds exactly the points within a radius, and a rough
// homography gathers the reference keypoints whose descriptors agree where they should appear —
// but not descriptors that merely resemble each other elsewhere.
import { describe, expect, it } from 'vitest';
import { guidedMatch, KeypointGrid } from '../../../src/recognition/engine/guided-matching.js';
import {
  applyHomography,
  type Mat3,
  type Point,
} from '../../../src/recognition/shared/homography.js';
import { createRng } from '../../../src/recognition/shared/rng.js';

const H: Mat3 = [0.8, -0.1, 60, 0.12, 0.9, 30, 0.0003, -0.0002, 1];
const BYTES = 32;
const OPTIONS = { radius: 3, maxDistance: 72, minSeedInliers: 6, minInliers: 12, threshold: 3 };

function randomDescriptors(rng: ReturnType<typeof createRng>, n: number): Uint8Array {
  const d = new Uint8Array(n * BYTES);
  for (let i = 0; i < d.length; i++) d[i] = rng.int(256);
  return d;
}

/** Flips `bits` distinct random bits of descriptor i. */
function flipBits(d: Uint8Array, i: number, bits: number, rng: ReturnType<typeof createRng>) {
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(rng.int(BYTES * 8));
  for (const b of chosen) d[i * BYTES + (b >> 3)]! ^= 1 << (b & 7);
}

describe('KeypointGrid', () => {
  it('visits exactly the points within the radius', () => {
    const rng = createRng(5);
    const points = Array.from({ length: 400 }, () => ({
      x: rng.range(0, 480),
      y: rng.range(0, 360),
    }));
    const grid = new KeypointGrid(points, 480, 360, 6);
    for (const [x, y] of [
      [10, 10],
      [240.5, 180.2],
      [479, 359],
      [-2, 100],
    ] as const) {
      const seen: number[] = [];
      grid.near(x, y, 9, (i) => seen.push(i));
      const expected = points
        .map((p, i) => [p, i] as const)
        .filter(([p]) => (p.x - x) ** 2 + (p.y - y) ** 2 <= 81)
        .map(([, i]) => i);
      expect(seen.sort((a, b) => a - b)).toEqual(expected);
    }
  });
});

describe('guidedMatch', () => {
  const rng = createRng(9);
  const n = 300;
  const refPoints: Point[] = Array.from({ length: n }, () => ({
    x: rng.range(0, 400),
    y: rng.range(0, 300),
  }));
  const refDescriptors = randomDescriptors(rng, n);
  const reference = {
    points: Float32Array.from(refPoints.flatMap((p) => [p.x, p.y])),
    descriptors: refDescriptors,
  };

  it('recovers the reference keypoints seen in the frame from a rough homography', () => {
    // The frame sees 80 of the reference keypoints (descriptors 40 bits off: too far for the
    // global search's nearest-neighbour test to be sure, close enough here) among 300 clutter points.
    const seen = Array.from({ length: 80 }, (_, i) => i * 3);
    const framePoints = seen.map((i) => {
      const p = applyHomography(H, refPoints[i]!);
      return { x: p.x + rng.normal() * 0.7, y: p.y + rng.normal() * 0.7 };
    });
    const frameDescriptors = new Uint8Array((80 + 300) * BYTES);
    seen.forEach((r, q) => {
      frameDescriptors.set(refDescriptors.subarray(r * BYTES, (r + 1) * BYTES), q * BYTES);
      flipBits(frameDescriptors, q, 40, rng);
    });
    frameDescriptors.set(randomDescriptors(rng, 300), 80 * BYTES);
    for (let k = 0; k < 300; k++) framePoints.push({ x: rng.range(0, 480), y: rng.range(0, 360) });
    // A seed homography off by a couple of pixels, as one fitted to a few inliers is.
    const rough: Mat3 = [H[0], H[1], H[2] + 1.5, H[3], H[4], H[5] - 1.2, H[6], H[7], H[8]];
    const grid = new KeypointGrid(framePoints, 480, 360, 6);
    const result = guidedMatch(rough, reference, grid, frameDescriptors, BYTES, OPTIONS);
    expect(result).not.toBeNull();
    expect(result!.inliers).toBeGreaterThanOrEqual(70);
    expect(result!.inliers).toBeLessThanOrEqual(80);
  });

  it('finds almost nothing through a wrong homography', () => {
    const framePoints = Array.from({ length: 500 }, () => ({
      x: rng.range(0, 480),
      y: rng.range(0, 360),
    }));
    const frameDescriptors = randomDescriptors(rng, 500);
    const grid = new KeypointGrid(framePoints, 480, 360, 6);
    const result = guidedMatch(H, reference, grid, frameDescriptors, BYTES, OPTIONS);
    expect(result?.inliers ?? 0).toBeLessThan(6);
  });
});
