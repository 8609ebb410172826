// Robust homography fit (RANSAC + least-squares refinement) over putative point correspondences.
import { estimateHomography } from './homography.js';
import type { Mat3, Point } from './homography.js';
import { createRng } from './rng.js';

export interface RansacOptions {
  /** Max reprojection error in destination pixels for an inlier. */
  threshold: number;
  maxIterations: number;
  /** Stop early once this confidence of having sampled an all-inlier set is reached. */
  confidence: number;
  seed: number;
  /** Hypotheses failing this (e.g. an impossible outline) are skipped before counting inliers. */
  plausible?: (h: Mat3) => boolean;
  /**
   * Correspondences are ordered best first (e.g. by descriptor distance): samples are drawn with
   * a bias toward the front, which finds a clean sample far sooner when inliers are scarce.
   */
  ordered?: boolean;
  /**
   * A correspondence within the threshold counts as an inlier only if this also holds for it
   * under the hypothesis (e.g. its keypoints' orientation and size agree); the sample's own four
   * must pass it too.
   */
  consistent?: (h: Mat3, i: number) => boolean;
}

export interface RansacResult {
  homography: Mat3;
  inliers: Uint8Array;
  inlierCount: number;
}

const DEFAULTS: RansacOptions = { threshold: 4, maxIterations: 500, confidence: 0.995, seed: 1 };

function cross(a: Point, b: Point, c: Point): number {
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

/**
 * A sample is usable only if no three points are near-collinear and the four points keep their
 * orientation pattern (a real view of a plane never mirrors it), which rejects most bad samples
 * before solving.
 */
function sampleIsPlausible(s: readonly Point[], d: readonly Point[]): boolean {
  const triples = [
    [0, 1, 2],
    [0, 1, 3],
    [0, 2, 3],
    [1, 2, 3],
  ] as const;
  for (const [i, j, k] of triples) {
    const cs = cross(s[i]!, s[j]!, s[k]!);
    const cd = cross(d[i]!, d[j]!, d[k]!);
    if (Math.abs(cs) < 1 || Math.abs(cd) < 1) return false;
    if (Math.sign(cs) !== Math.sign(cd)) return false;
  }
  return true;
}

function countInliers(
  h: Mat3,
  src: readonly Point[],
  dst: readonly Point[],
  t2: number,
  out: Uint8Array,
  consistent: RansacOptions['consistent'],
): number {
  // applyHomography inlined (same arithmetic): this loop runs for every hypothesis.
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h;
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const s = src[i]!;
    const d = dst[i]!;
    const w = h6 * s.x + h7 * s.y + h8;
    const dx = (h0 * s.x + h1 * s.y + h2) / w - d.x;
    const dy = (h3 * s.x + h4 * s.y + h5) / w - d.y;
    const ok = Number.isFinite(dx) && dx * dx + dy * dy <= t2 && (!consistent || consistent(h, i));
    out[i] = ok ? 1 : 0;
    if (ok) n++;
  }
  return n;
}

export function ransacHomography(
  src: readonly Point[],
  dst: readonly Point[],
  options: Partial<RansacOptions> = {},
): RansacResult | null {
  const o = { ...DEFAULTS, ...options };
  const n = src.length;
  if (n < 4 || dst.length !== n) return null;
  const rng = createRng(o.seed);
  const t2 = o.threshold * o.threshold;
  const mask = new Uint8Array(n);
  let best: RansacResult | null = null;
  let iterations = o.maxIterations;
  const ids = [-1, -1, -1, -1];
  const s: Point[] = new Array<Point>(4);
  const d: Point[] = new Array<Point>(4);
  for (let it = 0; it < iterations; it++) {
    ids.fill(-1);
    // Four distinct indices, drawn in the same order as a Set would keep them.
    let size = 0;
    while (size < 4) {
      const u = rng.next();
      const i = o.ordered ? Math.floor(n * u * u) : Math.floor(n * u);
      if (i !== ids[0] && i !== ids[1] && i !== ids[2]) ids[size++] = i;
    }
    for (let k = 0; k < 4; k++) {
      s[k] = src[ids[k]!]!;
      d[k] = dst[ids[k]!]!;
    }
    if (!sampleIsPlausible(s, d)) continue;
    const h = estimateHomography(s, d);
    if (!h || (o.plausible && !o.plausible(h))) continue;
    if (o.consistent && !ids.every((i) => o.consistent!(h, i))) continue;
    const count = countInliers(h, src, dst, t2, mask, o.consistent);
    if (!best || count > best.inlierCount) {
      best = { homography: h, inliers: mask.slice(), inlierCount: count };
      const ratio = count / n;
      const denom = Math.log(1 - ratio ** 4);
      if (denom < 0) {
        iterations = Math.min(o.maxIterations, Math.ceil(Math.log(1 - o.confidence) / denom));
      }
    }
  }
  if (!best || best.inlierCount < 4) return best;
  // Refit on all inliers, twice, letting the inlier set grow or shrink with the better model.
  for (let pass = 0; pass < 2; pass++) {
    const is = [];
    const id = [];
    for (let i = 0; i < n; i++) {
      if (best.inliers[i]) {
        is.push(src[i]!);
        id.push(dst[i]!);
      }
    }
    const h = estimateHomography(is, id);
    if (!h || (o.plausible && !o.plausible(h))) break;
    const count = countInliers(h, src, dst, t2, mask, o.consistent);
    if (count < best.inlierCount) break;
    best = { homography: h, inliers: mask.slice(), inlierCount: count };
  }
  return best;
}
