// Unit tests for the shared geometry: homography estimation, RANSAC, quad sanity checks and the
// share of an outline inside the frame.
import { describe, expect, it } from 'vitest';
import {
  applyHomography,
  estimateHomography,
  invert,
  multiply,
} from '../../../src/recognition/shared/homography.js';
import type { Mat3, Point } from '../../../src/recognition/shared/homography.js';
import { ransacHomography } from '../../../src/recognition/shared/ransac.js';
import {
  checkQuad,
  clipToRect,
  DEFAULT_QUAD_LIMITS,
  isConvex,
  projectCorners,
  visibleFraction,
} from '../../../src/recognition/shared/quad-check.js';
import { createRng } from '../../../src/recognition/shared/rng.js';

const H: Mat3 = [0.9, -0.2, 120, 0.15, 1.1, 40, 0.0004, -0.0003, 1];

function gridPoints(n: number): Point[] {
  const rng = createRng(7);
  return Array.from({ length: n }, () => ({ x: rng.range(0, 400), y: rng.range(0, 300) }));
}

describe('homography', () => {
  it('recovers a homography exactly from four pairs', () => {
    const src = [
      { x: 0, y: 0 },
      { x: 400, y: 0 },
      { x: 400, y: 300 },
      { x: 0, y: 300 },
    ];
    const est = estimateHomography(
      src,
      src.map((p) => applyHomography(H, p)),
    );
    expect(est).not.toBeNull();
    for (let i = 0; i < 9; i++) expect(est![i]).toBeCloseTo(H[i]!, 6);
  });

  it('inverts', () => {
    const id = multiply(H, invert(H)!);
    const s = id[8];
    [1, 0, 0, 0, 1, 0, 0, 0, 1].forEach((v, i) => expect(id[i]! / s).toBeCloseTo(v, 9));
  });

  it('rejects collinear input', () => {
    const line = [0, 1, 2, 3].map((i) => ({ x: i, y: 2 * i }));
    expect(estimateHomography(line, line)).toBeNull();
  });
});

describe('ransacHomography', () => {
  it('finds the model among 50% outliers and flags them', () => {
    const rng = createRng(3);
    const src = gridPoints(200);
    const dst = src.map((p, i) =>
      i % 2 === 0
        ? (({ x, y }) => ({ x: x + rng.normal() * 0.5, y: y + rng.normal() * 0.5 }))(
            applyHomography(H, p),
          )
        : { x: rng.range(0, 640), y: rng.range(0, 480) },
    );
    const r = ransacHomography(src, dst, { threshold: 3, seed: 11 });
    expect(r).not.toBeNull();
    expect(r!.inlierCount).toBeGreaterThanOrEqual(95);
    expect(r!.inlierCount).toBeLessThanOrEqual(105);
    for (let i = 0; i < 200; i += 2) expect(r!.inliers[i]).toBe(1);
    const p = applyHomography(r!.homography, { x: 200, y: 150 });
    const q = applyHomography(H, { x: 200, y: 150 });
    expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeLessThan(1);
  });

  it('is deterministic for a seed', () => {
    const rng = createRng(5);
    const src = gridPoints(60);
    const dst = src.map(() => ({ x: rng.range(0, 640), y: rng.range(0, 480) }));
    const a = ransacHomography(src, dst, { seed: 9 });
    const b = ransacHomography(src, dst, { seed: 9 });
    expect(a?.inlierCount).toBe(b?.inlierCount);
    expect(a?.homography).toEqual(b?.homography);
  });
});

describe('quad checks', () => {
  it('accepts a plausible perspective view', () => {
    const quad = projectCorners(H, 400, 300);
    expect(isConvex(quad)).toBe(true);
    expect(checkQuad(quad, 640, 480).ok).toBe(true);
  });

  it('rejects twisted, mirrored and tiny quads', () => {
    const twisted = [
      { x: 0, y: 0 },
      { x: 100, y: 100 },
      { x: 100, y: 0 },
      { x: 0, y: 100 },
    ];
    expect(checkQuad(twisted, 640, 480)).toEqual({ ok: false, reason: 'not-convex' });
    const mirrored = projectCorners([-1, 0, 500, 0, 1, 50, 0, 0, 1], 400, 300);
    expect(checkQuad(mirrored, 640, 480)).toEqual({ ok: false, reason: 'mirrored' });
    const tiny = projectCorners([0.02, 0, 10, 0, 0.02, 10, 0, 0, 1], 400, 300);
    expect(checkQuad(tiny, 640, 480)).toEqual({ ok: false, reason: 'too-small' });
  });

  it('rejects extreme foreshortening', () => {
    const quad = [
      { x: 0, y: 0 },
      { x: 600, y: 0 },
      { x: 330, y: 100 },
      { x: 270, y: 100 },
    ];
    expect(checkQuad(quad, 640, 480).ok).toBe(false);
  });
});

describe('visible share of an outline', () => {
  const rect = (x0: number, y0: number, x1: number, y1: number): Point[] => [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];

  it('is 1 inside the frame, 0 outside, and the overlap for a level rectangle', () => {
    expect(visibleFraction(rect(100, 100, 300, 400), 640, 480)).toBeCloseTo(1, 9);
    expect(visibleFraction(rect(700, 100, 900, 400), 640, 480)).toBe(0);
    // Half of it beyond the right edge, a quarter of the rest beyond the bottom.
    expect(visibleFraction(rect(540, 80, 740, 480 + 400 / 3), 640, 480)).toBeCloseTo(0.375, 9);
    expect(clipToRect(rect(-10, -10, 650, 490), 640, 480)).toHaveLength(4);
  });

  it('measures the share on the artwork, not in the frame, under perspective', () => {
    // A tilted artwork whose outline crosses the top and right edges: count a fine grid of
    // reference points that land inside the frame.
    const h: Mat3 = [1.6, 0.3, 250, -0.2, 1.4, -150, 0.0012, 0.0009, 1];
    const quad = projectCorners(h, 400, 300);
    let inside = 0;
    const n = 200;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const p = applyHomography(h, { x: ((i + 0.5) * 400) / n, y: ((j + 0.5) * 300) / n });
        if (p.x >= 0 && p.x <= 640 && p.y >= 0 && p.y <= 480) inside++;
      }
    }
    const share = inside / (n * n);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
    expect(visibleFraction(quad, 640, 480)).toBeCloseTo(share, 2);
  });

  it('refuses an outline mostly beyond the frame only when asked to', () => {
    const quad = rect(400, 100, 1000, 400); // 60 % of it beyond the right edge
    expect(checkQuad(quad, 640, 480).ok).toBe(true);
    const limits = { ...DEFAULT_QUAD_LIMITS, minVisibleFraction: 0.5 };
    expect(checkQuad(quad, 640, 480, limits)).toEqual({ ok: false, reason: 'mostly-out-of-frame' });
    expect(checkQuad(rect(300, 100, 700, 400), 640, 480, limits).ok).toBe(true);
  });
});
