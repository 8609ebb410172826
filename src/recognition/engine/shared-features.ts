// Drops reference features that another pattern also has (a shared poster template, logo or
// text): they cannot tell patterns apart, and an unseen poster of the same template matches them
// consistently with every pattern, which inflates wrong candidates' inliers. Two tests: a
// near-identical descriptor in another pattern, or membership in a homography that maps one
// pattern's features onto another's (the same template at the same place, even where the
// surrounding artwork changed the descriptor a little).
import type { Point } from '../shared/homography.js';
import { ransacHomography } from '../shared/ransac.js';
import { keepFeatures, type CompiledPattern, type CompiledReference } from './artifact.js';
import { DescriptorSearch } from '../shared/descriptor-search.js';

export interface SharedFeatureOptions {
  /** Features within this Hamming distance of another pattern's are shared (0: test off). */
  distance: number;
  /** Cross-pattern correspondences up to this distance are fitted with a homography… */
  geometricDistance: number;
  /** …and its inliers are shared when there are at least this many (0: test off). */
  geometricInliers: number;
}

/** Every reference's descriptors in one search, grouped by reference, with each one's first entry. */
interface AllFeatures {
  descriptors: Uint8Array;
  search: DescriptorSearch;
  offsets: number[];
}

function indexAll(
  refs: readonly { pattern: number; ref: CompiledReference }[],
  bytes: number,
): AllFeatures {
  const counts = refs.map((r) => r.ref.descriptors.length / bytes);
  const descriptors = new Uint8Array(counts.reduce((s, n) => s + n, 0) * bytes);
  const refOf = new Int32Array(descriptors.length / bytes);
  const offsets: number[] = [];
  let at = 0;
  refs.forEach((r, k) => {
    descriptors.set(r.ref.descriptors, at * bytes);
    refOf.fill(k, at, at + counts[k]!);
    offsets.push(at);
    at += counts[k]!;
  });
  return {
    descriptors,
    search: new DescriptorSearch(descriptors, bytes, refOf, refs.length),
    offsets,
  };
}

/**
 * Marks shared features with one search per feature for the nearest feature of every reference
 * (the WebAssembly kernels' multi-index search, with references as its groups): one of another
 * pattern within `distance` marks it at once (the descriptor test), and each other pattern's
 * reference whose nearest lies within `geometricDistance` gives a correspondence; each pair of
 * references of different patterns is then fitted with a homography whose inliers, when there
 * are at least `geometricInliers`, are marked on both sides (the geometric test). The search
 * visits and breaks ties as engine/hamming-index.ts does, so the marks are those of a separate
 * index per reference and per test.
 */
function markShared(
  refs: readonly { pattern: number; ref: CompiledReference }[],
  all: AllFeatures,
  options: SharedFeatureOptions,
  shared: Uint8Array[],
): void {
  const n = refs.length;
  const geometric = options.geometricInliers > 0;
  const radius = Math.max(options.distance, geometric ? options.geometricDistance : 0);
  for (let a = 0; a < n; a++) {
    const pattern = refs[a]!.pattern;
    const features = shared[a]!.length;
    const which = Array.from({ length: features }, (_, i) => all.offsets[a]! + i);
    const { data, stride } = all.search.nearest(all.descriptors, which, radius);
    // pairs[b]: [i, j] of A's feature i and its nearest feature j of reference b.
    const pairs: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
    for (let i = 0; i < features; i++) {
      const row = i * stride;
      for (let t = 0; t < data[row]!; t++) {
        const b = data[row + 1 + 3 * t]!;
        const d = data[row + 2 + 3 * t]!;
        if (refs[b]!.pattern === pattern) continue;
        if (options.distance > 0 && d <= options.distance) shared[a]![i] = 1;
        if (geometric && d <= options.geometricDistance)
          pairs[b]!.push([i, data[row + 3 + 3 * t]! - all.offsets[b]!]);
      }
    }
    if (geometric) fitPairs(refs, a, pairs, options.geometricInliers, shared);
  }
}

function fitPairs(
  refs: readonly { pattern: number; ref: CompiledReference }[],
  a: number,
  pairs: ReadonlyArray<ReadonlyArray<[number, number]>>,
  minInliers: number,
  shared: Uint8Array[],
): void {
  const A = refs[a]!.ref;
  pairs.forEach((list, b) => {
    if (list.length < minInliers) return;
    const B = refs[b]!.ref;
    const src: Point[] = list.map(([i]) => ({ x: A.points[2 * i]!, y: A.points[2 * i + 1]! }));
    const dst: Point[] = list.map(([, j]) => ({ x: B.points[2 * j]!, y: B.points[2 * j + 1]! }));
    const fit = ransacHomography(src, dst, { threshold: 4, maxIterations: 300 });
    if (!fit || fit.inlierCount < minInliers) return;
    list.forEach(([i, j], k) => {
      if (fit.inliers[k]) {
        shared[a]![i] = 1;
        shared[b]![j] = 1;
      }
    });
  });
}

/** Copies of `patterns` without the features they share with another pattern. */
export function dropSharedFeatures(
  patterns: readonly CompiledPattern[],
  bytes: number,
  options: SharedFeatureOptions,
): CompiledPattern[] {
  const refs = patterns.flatMap((p, pattern) => p.references.map((ref) => ({ pattern, ref })));
  const shared = refs.map((r) => new Uint8Array(r.ref.descriptors.length / bytes));
  if (options.distance > 0 || options.geometricInliers > 0)
    markShared(refs, indexAll(refs, bytes), options, shared);
  let k = 0;
  return patterns.map((p) => ({
    id: p.id,
    references: p.references.map((r) => {
      const mask = shared[k++]!;
      return keepFeatures(
        r,
        [...mask.keys()].filter((i) => !mask[i]),
        bytes,
      );
    }),
  }));
}
