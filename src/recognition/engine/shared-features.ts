// Drops reference features that another pattern also has (a shared poster template, logo or
// text): they cannot tell patterns apart, and an unseen poster of the same template matches them
// consistently with every pattern, which inflates wrong candidates' inliers. Two tests: a
// near-identical descriptor in another pattern, or membership in a homography that maps one
// pattern's features onto another's (the same template at the same place, even where the
// surrounding artwork changed the descriptor a little).
import type { Point } from '../shared/homography.js';
import { ransacHomography } from '../shared/ransac.js';
import type { CompiledPattern, CompiledReference } from './artifact.js';
import { HammingIndex } from './hamming-index.js';

export interface SharedFeatureOptions {
  /** Features within this Hamming distance of another pattern's are shared (0: test off). */
  distance: number;
  /** Cross-pattern correspondences up to this distance are fitted with a homography… */
  geometricDistance: number;
  /** …and its inliers are shared when there are at least this many (0: test off). */
  geometricInliers: number;
}

function markByDescriptor(
  refs: readonly { pattern: number; ref: CompiledReference }[],
  bytes: number,
  distance: number,
  shared: Uint8Array[],
): void {
  const counts = refs.map((r) => r.ref.descriptors.length / bytes);
  const all = new Uint8Array(counts.reduce((s, n) => s + n, 0) * bytes);
  const owners = new Int32Array(all.length / bytes);
  let at = 0;
  refs.forEach((r, k) => {
    all.set(r.ref.descriptors, at * bytes);
    owners.fill(r.pattern, at, at + counts[k]!);
    at += counts[k]!;
  });
  const index = new HammingIndex(all, bytes);
  let global = 0;
  refs.forEach((r, k) => {
    for (let i = 0; i < counts[k]!; i++, global++) {
      index.near(all, global, distance, (other) => {
        if (owners[other] !== r.pattern) shared[k]![i] = 1;
      });
    }
  });
}

function markByGeometry(
  refs: readonly { pattern: number; ref: CompiledReference }[],
  bytes: number,
  options: SharedFeatureOptions,
  shared: Uint8Array[],
): void {
  const indexes = refs.map((r) => new HammingIndex(r.ref.descriptors, bytes));
  for (let a = 0; a < refs.length; a++) {
    for (let b = 0; b < refs.length; b++) {
      if (refs[a]!.pattern === refs[b]!.pattern || a === b) continue;
      const A = refs[a]!.ref;
      const B = refs[b]!.ref;
      const src: Point[] = [];
      const dst: Point[] = [];
      const pairs: Array<[number, number]> = [];
      for (let i = 0; i < A.descriptors.length / bytes; i++) {
        let best = -1;
        let bestD = options.geometricDistance + 1;
        indexes[b]!.near(A.descriptors, i, options.geometricDistance, (j, d) => {
          if (d < bestD) [best, bestD] = [j, d];
        });
        if (best < 0) continue;
        src.push({ x: A.points[2 * i]!, y: A.points[2 * i + 1]! });
        dst.push({ x: B.points[2 * best]!, y: B.points[2 * best + 1]! });
        pairs.push([i, best]);
      }
      if (src.length < options.geometricInliers) continue;
      const fit = ransacHomography(src, dst, { threshold: 4, maxIterations: 300 });
      if (!fit || fit.inlierCount < options.geometricInliers) continue;
      pairs.forEach(([i, j], n) => {
        if (fit.inliers[n]) {
          shared[a]![i] = 1;
          shared[b]![j] = 1;
        }
      });
    }
  }
}

/** Copies of `patterns` without the features they share with another pattern. */
export function dropSharedFeatures(
  patterns: readonly CompiledPattern[],
  bytes: number,
  options: SharedFeatureOptions,
): CompiledPattern[] {
  const refs = patterns.flatMap((p, pattern) => p.references.map((ref) => ({ pattern, ref })));
  const shared = refs.map((r) => new Uint8Array(r.ref.descriptors.length / bytes));
  if (options.distance > 0) markByDescriptor(refs, bytes, options.distance, shared);
  if (options.geometricInliers > 0) markByGeometry(refs, bytes, options, shared);
  let k = 0;
  return patterns.map((p) => ({
    id: p.id,
    references: p.references.map((r) => {
      const mask = shared[k++]!;
      const keep = [...mask.keys()].filter((i) => !mask[i]);
      const descriptors = new Uint8Array(keep.length * bytes);
      keep.forEach((i, n) =>
        descriptors.set(r.descriptors.subarray(i * bytes, (i + 1) * bytes), n * bytes),
      );
      return {
        width: r.width,
        height: r.height,
        points: Float32Array.from(keep.flatMap((i) => [r.points[2 * i]!, r.points[2 * i + 1]!])),
        descriptors,
      };
    }),
  }));
}
