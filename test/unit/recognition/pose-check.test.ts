// Pose check: a correspondence agrees with a homography in orientation and size, not only in place;
// RANSAC counts only such inliers when asked.
import { describe, expect, it } from 'vitest';
import { mapKeypoint, poseResidual, poseTest } from '../../../src/recognition/engine/pose-check.js';
import { applyHomography, type Mat3 } from '../../../src/recognition/shared/homography.js';
import { ransacHomography } from '../../../src/recognition/shared/ransac.js';
import type { Keypoint } from '../../../src/recognition/shared/patches.js';
import { createRng } from '../../../src/recognition/shared/rng.js';

// A tilted, turned and shrunk view of a poster.
const H: Mat3 = [0.5, -0.35, 120, 0.3, 0.55, 40, 0.0006, -0.0004, 1];
const TOL = { angleDeg: 90, sizeRatio: 2.5 };
const poseConsistent = (h: Mat3, a: Keypoint, b: Keypoint, tol = TOL) =>
  poseTest([a], [b], tol)(h, 0);
const ref = { x: 200, y: 150, angle: 350, size: 31 };

describe('poseResidual / poseTest', () => {
  it('carries a keypoint through a homography with its orientation and size', () => {
    // Twice the size and turned 90°: (x, y) → (200 − 2y, 2x).
    const TURN: Mat3 = [0, -2, 200, 2, 0, 0, 0, 0, 1];
    const k = mapKeypoint(TURN, { x: 40, y: 10, angle: 30, size: 31 });
    expect(k.x).toBeCloseTo(180);
    expect(k.y).toBeCloseTo(80);
    expect(k.angle).toBeCloseTo(120);
    expect(k.size).toBeCloseTo(62);
  });

  it('accepts, even at a tight tolerance, the keypoint the homography predicts', () => {
    const frame = mapKeypoint(H, ref);
    const tight = { angleDeg: 1, sizeRatio: 1.01 };
    expect(poseConsistent(H, ref, frame, tight)).toBe(true);
    expect(poseConsistent(H, ref, { ...frame, angle: (frame.angle + 2) % 360 }, tight)).toBe(false);
    expect(poseConsistent(H, ref, { ...frame, size: frame.size * 1.02 }, tight)).toBe(false);
  });

  it('measures the turn across 0°/360° and the size ratio either way', () => {
    const frame = mapKeypoint(H, ref);
    const turned = { ...frame, angle: (frame.angle + 40) % 360 };
    expect(poseResidual(H, ref, turned).angle).toBeCloseTo(40, 6);
    const back = { ...frame, angle: (frame.angle + 320) % 360 };
    expect(poseResidual(H, ref, back).angle).toBeCloseTo(-40, 6);
    expect(poseResidual(H, ref, { ...frame, size: frame.size / 2 }).logSize).toBeCloseTo(
      -Math.log(2),
      6,
    );
  });

  it('refuses a keypoint turned or scaled beyond the tolerance', () => {
    const frame = mapKeypoint(H, ref);
    expect(poseConsistent(H, ref, { ...frame, angle: (frame.angle + 80) % 360 })).toBe(true);
    expect(poseConsistent(H, ref, { ...frame, angle: (frame.angle + 100) % 360 })).toBe(false);
    expect(poseConsistent(H, ref, { ...frame, size: frame.size * 2.4 })).toBe(true);
    expect(poseConsistent(H, ref, { ...frame, size: frame.size * 2.6 })).toBe(false);
    expect(poseConsistent(H, ref, { ...frame, size: frame.size / 2.6 })).toBe(false);
  });

  it('decides as the residuals say, for any keypoints and tolerance', () => {
    const rng = createRng(8);
    let agreed = 0;
    for (let n = 0; n < 2000; n++) {
      const tol = { angleDeg: rng.range(10, 170), sizeRatio: rng.range(1.1, 4) };
      const a = {
        x: rng.range(0, 400),
        y: rng.range(0, 300),
        angle: rng.range(0, 360),
        size: rng.range(7, 120),
      };
      const b = { ...mapKeypoint(H, a), angle: rng.range(0, 360), size: rng.range(4, 200) };
      const r = poseResidual(H, a, b);
      const margin = Math.min(
        Math.abs(Math.abs(r.angle) - tol.angleDeg),
        100 * Math.abs(Math.abs(r.logSize) - Math.log(tol.sizeRatio)),
      );
      if (margin < 1e-3) continue;
      const expected =
        Math.abs(r.angle) <= tol.angleDeg && Math.abs(r.logSize) <= Math.log(tol.sizeRatio);
      expect(poseConsistent(H, a, b, tol)).toBe(expected);
      if (expected) agreed++;
    }
    expect(agreed).toBeGreaterThan(100);
  });
});

describe('ransacHomography with a pose check', () => {
  it('counts only the correspondences that also pass `consistent`', () => {
    const rng = createRng(4);
    const src = Array.from({ length: 40 }, () => ({ x: rng.range(0, 400), y: rng.range(0, 300) }));
    const dst = src.map((p) => applyHomography(H, p));
    // Every third correspondence sits in the right place with the wrong orientation.
    const wrongPose = (i: number) => i % 3 === 0;
    const plain = ransacHomography(src, dst, { threshold: 2 })!;
    expect(plain.inlierCount).toBe(40);
    const checked = ransacHomography(src, dst, {
      threshold: 2,
      consistent: (_, i) => !wrongPose(i),
    })!;
    expect(checked.inlierCount).toBe(26);
    checked.inliers.forEach((inlier, i) => expect(inlier).toBe(wrongPose(i) ? 0 : 1));
    expect(ransacHomography(src, dst, { consistent: () => false })).toBeNull();
  });
});
