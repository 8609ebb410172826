// Unit tests for the accuracy measures of the second tuning session: ordered and plausibility-
// filtered RANSAC, local contrast boost, shared-feature removal and tilted reference views.
import { describe, expect, it } from 'vitest';
import { tiltedCorners, tiltedViewFeatures } from '../../../src/recognition/engine/augment.js';
import type { DescriptorNet } from '../../../src/recognition/engine/describe.js';
import { boostLocalContrast } from '../../../src/recognition/engine/frame.js';
import { dropSharedFeatures } from '../../../src/recognition/engine/shared-features.js';
import {
  applyHomography,
  type Mat3,
  type Point,
} from '../../../src/recognition/shared/homography.js';
import { isConvex, signedArea } from '../../../src/recognition/shared/quad-check.js';
import { ransacHomography } from '../../../src/recognition/shared/ransac.js';
import { createRng } from '../../../src/recognition/shared/rng.js';
import type { GrayImage } from '../../../src/recognition/shared/preprocess.js';

const H: Mat3 = [0.9, -0.2, 120, 0.15, 1.1, 40, 0.0004, -0.0003, 1];

/** 30 true correspondences first (closest descriptors), then 270 random ones. */
function scarceInliers(): { src: Point[]; dst: Point[] } {
  const rng = createRng(21);
  const src = Array.from({ length: 300 }, () => ({ x: rng.range(0, 400), y: rng.range(0, 300) }));
  const dst = src.map((p, i) =>
    i < 30 ? applyHomography(H, p) : { x: rng.range(0, 640), y: rng.range(0, 480) },
  );
  return { src, dst };
}

describe('ransacHomography options', () => {
  it('finds a 10 % inlier model when samples favour the best-ranked pairs', () => {
    const { src, dst } = scarceInliers();
    const ordered = ransacHomography(src, dst, {
      threshold: 3,
      maxIterations: 1000,
      ordered: true,
    });
    expect(ordered!.inlierCount).toBeGreaterThanOrEqual(30);
    const uniform = ransacHomography(src, dst, { threshold: 3, maxIterations: 1000 });
    expect(uniform!.inlierCount).toBeLessThan(30);
  });

  it('never returns a hypothesis the plausibility test refuses', () => {
    const { src, dst } = scarceInliers();
    const refuseAll = ransacHomography(src, dst, { ordered: true, plausible: () => false });
    expect(refuseAll).toBeNull();
    const seen: Mat3[] = [];
    const r = ransacHomography(src, dst, {
      ordered: true,
      plausible: (h) => {
        seen.push(h);
        return h[8] !== 0;
      },
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(r!.inlierCount).toBeGreaterThanOrEqual(30);
  });
});

describe('boostLocalContrast', () => {
  const stripes = (amplitude: number, x: number, y: number) =>
    128 + ((x >> 2) % 2 === (y >> 2) % 2 ? amplitude : -amplitude);
  const image: GrayImage = { width: 160, height: 80, data: new Uint8Array(160 * 80) };
  for (let y = 0; y < 80; y++)
    for (let x = 0; x < 160; x++) image.data[y * 160 + x] = stripes(x < 80 ? 8 : 60, x, y);
  const spread = (img: GrayImage, x0: number, x1: number) => {
    let lo = 255;
    let hi = 0;
    for (let y = 20; y < 60; y++)
      for (let x = x0; x < x1; x++) {
        lo = Math.min(lo, img.data[y * img.width + x]!);
        hi = Math.max(hi, img.data[y * img.width + x]!);
      }
    return hi - lo;
  };

  it('raises contrast where it is low, up to the gain limit, and leaves crisp areas alone', () => {
    const out = boostLocalContrast(image, 40, 40, 3)!;
    expect(spread(out, 10, 30)).toBeGreaterThanOrEqual(46);
    expect(spread(out, 10, 30)).toBeLessThanOrEqual(50);
    expect(spread(out, 130, 150)).toBe(120);
  });

  it('keeps a flat image flat', () => {
    const flat = { width: 64, height: 64, data: new Uint8Array(64 * 64).fill(90) };
    expect(boostLocalContrast(flat, 40, 40, 3)!.data.every((v) => v === 90)).toBe(true);
  });

  it('reports nothing to boost when no block is faint enough', () => {
    const crisp = { ...image, data: image.data.map((v) => (v > 128 ? 250 : 5)) };
    expect(boostLocalContrast(crisp, 40, 40, 3, 1.5)).toBeNull();
    expect(boostLocalContrast(image, 40, 40, 3, 1.5)).not.toBeNull();
  });
});

describe('dropSharedFeatures', () => {
  const ref = (bytes: number[][], xs: number[]) => ({
    width: 100,
    height: 100,
    points: Float32Array.from(xs.flatMap((x) => [x, x + 1])),
    angles: Float32Array.from(xs, (x) => x + 2),
    sizes: Float32Array.from(xs, (x) => x + 3),
    descriptors: Uint8Array.from(bytes.flat()),
    colours: { width: 1, height: 1, rgb: new Uint8Array(3) },
  });
  const d = (fill: number) => Array.from({ length: 32 }, (_, i) => (fill * (i + 3)) & 255);

  it('removes features another pattern also has and keeps points aligned', () => {
    const template = d(7);
    const patterns = [
      { id: 'a', references: [ref([d(1), template, d(2)], [10, 20, 30])] },
      { id: 'b', references: [ref([template, d(5)], [40, 50])] },
    ];
    const [a, b] = dropSharedFeatures(patterns, 32, {
      distance: 8,
      geometricDistance: 0,
      geometricInliers: 0,
    });
    expect(Array.from(a!.references[0]!.points)).toEqual([10, 11, 30, 31]);
    expect(Array.from(a!.references[0]!.angles)).toEqual([12, 32]);
    expect(Array.from(a!.references[0]!.sizes)).toEqual([13, 33]);
    expect(Array.from(a!.references[0]!.descriptors)).toEqual([...d(1), ...d(2)]);
    expect(Array.from(b!.references[0]!.points)).toEqual([50, 51]);
  });

  it('keeps features repeated within one pattern (several photos of one booth)', () => {
    const same = d(9);
    const patterns = [{ id: 'a', references: [ref([same], [10]), ref([same], [20])] }];
    const [a] = dropSharedFeatures(patterns, 32, {
      distance: 8,
      geometricDistance: 0,
      geometricInliers: 0,
    });
    expect(a!.references.map((r) => r.points.length)).toEqual([2, 2]);
  });

  it('removes a template two patterns share at another place, even with changed descriptors', () => {
    const rng = createRng(5);
    const random = () => Array.from({ length: 32 }, () => rng.int(256));
    // 20 template features; pattern b has them shifted by (30, 12) with 3 bytes flipped each
    // (≈ 12 bits: beyond the descriptor test's 8, within the geometric test's 56).
    const template = Array.from({ length: 20 }, random);
    const at = Array.from({ length: 20 }, () => [rng.range(0, 60), rng.range(0, 60)] as const);
    const changed = template.map((t) => t.map((v, i) => (i % 11 === 0 ? v ^ 0x0f : v)));
    const mk = (descs: number[][], pts: (readonly [number, number])[]) => ({
      width: 100,
      height: 100,
      points: Float32Array.from(pts.flat()),
      angles: new Float32Array(pts.length),
      sizes: new Float32Array(pts.length).fill(31),
      descriptors: Uint8Array.from(descs.flat()),
      colours: { width: 1, height: 1, rgb: new Uint8Array(3) },
    });
    const own = (n: number) => Array.from({ length: n }, random);
    const ownAt = (n: number) =>
      Array.from({ length: n }, () => [rng.range(0, 99), rng.range(0, 99)] as const);
    const patterns = [
      { id: 'a', references: [mk([...template, ...own(15)], [...at, ...ownAt(15)])] },
      {
        id: 'b',
        references: [
          mk(
            [...changed, ...own(10)],
            [...at.map(([x, y]) => [x + 30, y + 12] as const), ...ownAt(10)],
          ),
        ],
      },
      { id: 'c', references: [mk(own(25), ownAt(25))] },
    ];
    const options = { distance: 8, geometricDistance: 56, geometricInliers: 15 };
    const [a, b, c] = dropSharedFeatures(patterns, 32, options);
    expect(a!.references[0]!.points.length / 2).toBe(15);
    expect(b!.references[0]!.points.length / 2).toBe(10);
    expect(c!.references[0]!.points.length / 2).toBe(25);
    // The template alone (not enough correspondences for the homography) stays.
    const few = dropSharedFeatures(patterns, 32, { ...options, geometricInliers: 21 });
    expect(few[0]!.references[0]!.points.length / 2).toBe(35);
    // Descriptor test off (distance 0): an identical lone descriptor elsewhere is kept.
    const twin = [{ id: 'x', references: [mk([template[0]!], [[5, 5]])] }, patterns[0]!];
    const kept = dropSharedFeatures(twin, 32, { ...options, distance: 0 });
    expect(kept[0]!.references[0]!.points.length / 2).toBe(1);
    expect(dropSharedFeatures(twin, 32, options)[0]!.references[0]!.points.length).toBe(0);
  });
});

describe('tilted reference views', () => {
  it('projects a 50° tilt as a convex, unmirrored, foreshortened outline', () => {
    const flat = tiltedCorners(400, 300, 0, 'y');
    expect(flat.map((p) => [p.x, p.y])).toEqual([
      [0, 0],
      [400, 0],
      [400, 300],
      [0, 300],
    ]);
    const q = tiltedCorners(400, 300, 50, 'y');
    expect(isConvex(q)).toBe(true);
    expect(signedArea(q)).toBeGreaterThan(0);
    expect(q[1]!.x - q[0]!.x).toBeLessThan(0.8 * 400);
    // The side turned away from the camera looks shorter.
    expect(q[2]!.y - q[1]!.y).toBeLessThan(q[3]!.y - q[0]!.y);
  });

  it('maps view keypoints back inside the reference, one descriptor each', async () => {
    const w = 240;
    const h = 180;
    const rng = createRng(4);
    const gray: GrayImage = { width: w, height: h, data: new Uint8Array(w * h) };
    for (let i = 0; i < 40; i++) {
      const [x0, y0, v] = [rng.int(w - 30), rng.int(h - 30), rng.int(256)];
      for (let y = y0; y < y0 + 24; y++)
        for (let x = x0; x < x0 + 24; x++) gray.data[y * w + x] = v;
    }
    const net: DescriptorNet = {
      sha256: 'test',
      dims: 8,
      run: async (_patches, count) => new Float32Array(count * 8).fill(1),
    };
    const out = await tiltedViewFeatures(gray, net, {
      tiltsDeg: [50],
      scales: [0.5],
      borderMargin: 12,
      detector: { maxKeypoints: 100, levels: 2, scaleFactor: 1.3, threshold: 10, patchSize: 31 },
    });
    expect(out.descriptors.length).toBeGreaterThan(40);
    expect(out.keypoints.length).toBe(out.descriptors.length);
    for (const k of out.keypoints) {
      expect(k.x).toBeGreaterThanOrEqual(12);
      expect(k.x).toBeLessThanOrEqual(w - 12);
      expect(k.y).toBeGreaterThanOrEqual(12);
      expect(k.y).toBeLessThanOrEqual(h - 12);
      expect(k.angle).toBeGreaterThanOrEqual(0);
      expect(k.angle).toBeLessThan(360);
      expect(k.size).toBeGreaterThan(0);
    }
  });
});
