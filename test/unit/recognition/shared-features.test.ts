// The shared-feature marks from the WebAssembly search are those of the TypeScript index the
// compiler used before: the reference below is that code (one HammingIndex over every reference,
// nearest per reference with first-visited ties), run on generated patterns that share templates.
import { describe, expect, it } from 'vitest';
import type {
  CompiledPattern,
  CompiledReference,
} from '../../../src/recognition/engine/artifact.js';
import { HammingIndex } from '../../../src/recognition/engine/hamming-index.js';
import {
  dropSharedFeatures,
  type SharedFeatureOptions,
} from '../../../src/recognition/engine/shared-features.js';
import type { Point } from '../../../src/recognition/shared/homography.js';
import { ransacHomography } from '../../../src/recognition/shared/ransac.js';
import { createRng } from '../../../src/recognition/shared/rng.js';

const BYTES = 32;

/** Shared-feature masks as the TypeScript index found them. */
function referenceMasks(patterns: CompiledPattern[], o: SharedFeatureOptions): Uint8Array[] {
  const refs = patterns.flatMap((p, pattern) => p.references.map((ref) => ({ pattern, ref })));
  const counts = refs.map((r) => r.ref.descriptors.length / BYTES);
  const all = new Uint8Array(counts.reduce((s, n) => s + n, 0) * BYTES);
  const refOf: number[] = [];
  const offsets: number[] = [];
  refs.forEach((r, k) => {
    offsets.push(refOf.length);
    all.set(r.ref.descriptors, refOf.length * BYTES);
    for (let i = 0; i < counts[k]!; i++) refOf.push(k);
  });
  const index = new HammingIndex(all, BYTES);
  const shared = counts.map((n) => new Uint8Array(n));
  const radius = Math.max(o.distance, o.geometricInliers > 0 ? o.geometricDistance : 0);
  refs.forEach(({ pattern }, a) => {
    const pairs: Array<Array<[number, number]>> = refs.map(() => []);
    for (let i = 0; i < counts[a]!; i++) {
      const best = new Map<number, [number, number]>();
      index.near(all, offsets[a]! + i, radius, (g, d) => {
        const b = refOf[g]!;
        if (refs[b]!.pattern === pattern) return;
        if (o.distance > 0 && d <= o.distance) shared[a]![i] = 1;
        if (o.geometricInliers === 0 || d > o.geometricDistance) return;
        const seen = best.get(b);
        if (!seen || d < seen[0]) best.set(b, [d, g - offsets[b]!]);
      });
      for (const [b, [, j]] of best) pairs[b]!.push([i, j]);
    }
    if (o.geometricInliers === 0) return;
    pairs.forEach((list, b) => {
      if (list.length < o.geometricInliers) return;
      const at = (r: CompiledReference, i: number): Point => ({
        x: r.points[2 * i]!,
        y: r.points[2 * i + 1]!,
      });
      const fit = ransacHomography(
        list.map(([i]) => at(refs[a]!.ref, i)),
        list.map(([, j]) => at(refs[b]!.ref, j)),
        { threshold: 4, maxIterations: 300 },
      );
      if (!fit || fit.inlierCount < o.geometricInliers) return;
      list.forEach(([i, j], k) => {
        if (fit.inliers[k]) shared[a]![i] = shared[b]![j] = 1;
      });
    });
  });
  return shared;
}

/** Patterns whose references mix their own features with noisy, shifted copies of templates. */
function generatedPatterns(seed: number): CompiledPattern[] {
  const rng = createRng(seed);
  const descriptor = () => Array.from({ length: BYTES }, () => rng.int(256));
  const templates = Array.from({ length: 3 }, () =>
    Array.from({ length: 40 }, () => ({
      d: descriptor(),
      x: rng.range(0, 300),
      y: rng.range(0, 300),
    })),
  );
  return Array.from({ length: 5 }, (_, p) => ({
    id: `p${p}`,
    references: Array.from({ length: 1 + (p % 2) }, () => {
      const points: number[] = [];
      const bytes: number[] = [];
      const [dx, dy] = [rng.range(-20, 20), rng.range(-20, 20)];
      for (const f of templates[p % 3]!) {
        // Flip 0–40 bits: some within the descriptor test, some only within the geometric one.
        const d = f.d.slice();
        for (let k = rng.int(41); k > 0; k--) d[rng.int(BYTES)]! ^= 1 << rng.int(8);
        points.push(f.x + dx, f.y + dy);
        bytes.push(...d);
      }
      for (let i = 0; i < 120; i++) {
        points.push(rng.range(0, 300), rng.range(0, 300));
        bytes.push(...descriptor());
      }
      return {
        width: 320,
        height: 320,
        points: Float32Array.from(points),
        angles: new Float32Array(points.length / 2),
        sizes: new Float32Array(points.length / 2).fill(31),
        descriptors: Uint8Array.from(bytes),
        colours: { width: 1, height: 1, rgb: new Uint8Array(3) },
      };
    }),
  }));
}

describe('dropSharedFeatures on the WebAssembly search', () => {
  it.each([
    { distance: 36, geometricDistance: 56, geometricInliers: 15 },
    { distance: 60, geometricDistance: 56, geometricInliers: 15 },
    { distance: 36, geometricDistance: 80, geometricInliers: 10 },
    { distance: 24, geometricDistance: 0, geometricInliers: 0 },
  ])('marks exactly what the TypeScript index marked (%o)', (options) => {
    for (const seed of [1, 2, 3]) {
      const patterns = generatedPatterns(seed);
      const masks = referenceMasks(patterns, options);
      const kept = dropSharedFeatures(patterns, BYTES, options);
      let k = 0;
      let dropped = 0;
      patterns.forEach((p, n) =>
        p.references.forEach((r, m) => {
          const mask = masks[k++]!;
          const keep = [...mask.keys()].filter((i) => !mask[i]);
          dropped += mask.length - keep.length;
          const expected = keep.flatMap((i) => [r.points[2 * i]!, r.points[2 * i + 1]!]);
          expect(Array.from(kept[n]!.references[m]!.points)).toEqual(expected);
        }),
      );
      expect(dropped).toBeGreaterThan(0);
    }
  });
});
