// Guided matching: once RANSAC has a homography for a candidate reference, every reference
// keypoint is projected into the frame and paired with the frame keypoints that lie where it
// should appear, under a looser descriptor threshold than the global search (the geometry already
// narrows the choice to a few keypoints). A correct homography gathers many such pairs; one fitted
// to chance correspondences does not, so the refitted inlier count separates them better than the
// count of globally matched inliers alone.
import type { Mat3, Point } from '../shared/homography.js';
import { ransacHomography } from '../shared/ransac.js';
import { hamming } from './hamming-index.js';

export interface GuidedOptions {
  /** Frame keypoints within this many pixels of a projected reference keypoint are compared. */
  radius: number;
  /** Hamming distance (of 256 bits) up to which a guided pair counts. */
  maxDistance: number;
  /** Candidates need this many inliers from the global search before guided matching runs. */
  minSeedInliers: number;
  /** Accept with at least this many guided inliers. */
  minInliers: number;
  /** Inlier threshold (pixels) of the refit. */
  threshold: number;
}

export interface GuidedReference {
  points: Float32Array;
  descriptors: Uint8Array;
}

export interface GuidedResult {
  inliers: number;
  homography: Mat3;
}

/** Frame keypoints bucketed on a square grid so neighbours of a point are found in O(1). */
export class KeypointGrid {
  private readonly cols: number;
  private readonly rows: number;
  private readonly starts: Int32Array;
  private readonly members: Int32Array;

  constructor(
    readonly points: readonly Point[],
    width: number,
    height: number,
    readonly cell: number,
  ) {
    this.cols = Math.max(1, Math.ceil(width / cell));
    this.rows = Math.max(1, Math.ceil(height / cell));
    const counts = new Int32Array(this.cols * this.rows + 1);
    const cellOf = points.map((p) => this.cellIndex(p.x, p.y));
    for (const c of cellOf) counts[c + 1]!++;
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    this.starts = counts.slice();
    this.members = new Int32Array(points.length);
    const fill = counts.slice();
    cellOf.forEach((c, i) => (this.members[fill[c]!++] = i));
  }

  private cellIndex(x: number, y: number): number {
    const cx = Math.min(this.cols - 1, Math.max(0, Math.floor(x / this.cell)));
    const cy = Math.min(this.rows - 1, Math.max(0, Math.floor(y / this.cell)));
    return cy * this.cols + cx;
  }

  /** Calls visit(i) for every point within `radius` of (x, y). */
  near(x: number, y: number, radius: number, visit: (i: number) => void): void {
    const r2 = radius * radius;
    const x0 = Math.max(0, Math.floor((x - radius) / this.cell));
    const x1 = Math.min(this.cols - 1, Math.floor((x + radius) / this.cell));
    const y0 = Math.max(0, Math.floor((y - radius) / this.cell));
    const y1 = Math.min(this.rows - 1, Math.floor((y + radius) / this.cell));
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const c = cy * this.cols + cx;
        for (let k = this.starts[c]!; k < this.starts[c + 1]!; k++) {
          const i = this.members[k]!;
          const p = this.points[i]!;
          const dx = p.x - x;
          const dy = p.y - y;
          if (dx * dx + dy * dy <= r2) visit(i);
        }
      }
    }
  }
}

/**
 * Pairs each frame keypoint with its closest (in Hamming distance) reference keypoint among those
 * projected within `radius`, keeps pairs within `maxDistance`, and refits the homography on them.
 */
export function guidedMatch(
  h: Mat3,
  reference: GuidedReference,
  grid: KeypointGrid,
  frameDescriptors: Uint8Array,
  bytes: number,
  options: GuidedOptions,
  plausible?: (h: Mat3) => boolean,
): GuidedResult | null {
  const n = grid.points.length;
  const bestD = new Int32Array(n).fill(options.maxDistance + 1);
  const bestR = new Int32Array(n).fill(-1);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h;
  const pts = reference.points;
  for (let r = 0; r < pts.length / 2; r++) {
    const sx = pts[2 * r]!;
    const sy = pts[2 * r + 1]!;
    const w = h6 * sx + h7 * sy + h8;
    if (!(w > 0)) continue;
    const x = (h0 * sx + h1 * sy + h2) / w;
    const y = (h3 * sx + h4 * sy + h5) / w;
    grid.near(x, y, options.radius, (q) => {
      const d = hamming(reference.descriptors, r * bytes, frameDescriptors, q * bytes, bytes);
      if (d < bestD[q]!) {
        bestD[q] = d;
        bestR[q] = r;
      }
    });
  }
  const pairs: Array<{ q: number; r: number; d: number }> = [];
  for (let q = 0; q < n; q++) if (bestR[q]! >= 0) pairs.push({ q, r: bestR[q]!, d: bestD[q]! });
  pairs.sort((a, b) => a.d - b.d || a.q - b.q);
  const src = pairs.map((p) => ({ x: pts[2 * p.r]!, y: pts[2 * p.r + 1]! }));
  const dst = pairs.map((p) => grid.points[p.q]!);
  const fit = ransacHomography(src, dst, {
    threshold: options.threshold,
    maxIterations: 200,
    ordered: true,
    plausible,
  });
  return fit && { inliers: fit.inlierCount, homography: fit.homography };
}
