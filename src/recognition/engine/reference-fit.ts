// Fits the best-voted references of a frame: a RANSAC homography per reference (with the pose
// test and the outline's plausibility inside RANSAC), the projected outline checked against the
// frame, and each pattern's best fit kept. The matcher (matcher.ts) applies the accept rule.
import { ransacHomography } from '../shared/ransac.js';
import { checkQuad, DEFAULT_QUAD_LIMITS, projectCorners } from '../shared/quad-check.js';
import type { Mat3, Point } from '../shared/homography.js';
import type { GrayImage } from '../shared/preprocess.js';
import type { CompiledPatternSet, CompiledReference } from './artifact.js';
import type { Group, ReferenceIndex } from './correspondences.js';
import type { MatchParams } from './params.js';
import { poseTest } from './pose-check.js';

/** A reference's best fit in a pass. */
export interface Fit {
  inliers: number;
  /** Outline in frame pixels when it passes the outline checks. */
  corners: Point[] | null;
  reason: string | null;
  /** Reference pixels → working-image pixels. */
  homography: Mat3;
  reference: CompiledReference;
}

/**
 * Each pattern's best fit among the `verifyTop` references with the most votes (at least
 * `minInliers`), most inliers first. `scale` maps working-image pixels to frame pixels.
 */
export function fitPatterns(
  groups: Map<number, Group>,
  index: ReferenceIndex,
  set: CompiledPatternSet,
  image: GrayImage,
  scale: number,
  p: MatchParams,
): [pattern: number, fit: Fit][] {
  const ranked = [...groups.entries()]
    .filter(([, g]) => g.src.length >= p.minInliers)
    .sort((a, b) => b[1].src.length - a[1].src.length)
    .slice(0, p.verifyTop);
  const byPattern = new Map<number, Fit>();
  const limits = { ...DEFAULT_QUAD_LIMITS, minAreaFraction: p.minAreaFraction };
  for (const [k, g] of ranked) {
    const ref = index.refs[k]!;
    const compiled = set.patterns[ref.pattern]!.references[ref.reference]!;
    let { src, dst } = g;
    if (p.ransacOrdered) {
      const order = g.d.map((_, i) => i).sort((a, b) => g.d[a]! - g.d[b]! || a - b);
      src = order.map((i) => g.src[i]!);
      dst = order.map((i) => g.dst[i]!);
    }
    const fit = ransacHomography(src, dst, {
      consistent: p.poseTolerance ? poseTest(src, dst, p.poseTolerance) : undefined,
      threshold: p.ransacThreshold,
      maxIterations: p.ransacIterations,
      ordered: p.ransacOrdered,
      plausible: p.ransacPlausible
        ? (h) =>
            checkQuad(
              projectCorners(h, compiled.width, compiled.height),
              image.width,
              image.height,
              limits,
            ).ok
        : undefined,
    });
    if (!fit) continue;
    const quad = projectCorners(fit.homography, compiled.width, compiled.height);
    const verdict = checkQuad(quad, image.width, image.height, {
      ...limits,
      minAreaFraction: Math.max(p.minAreaFraction, p.acceptAreaFraction),
      minVisibleFraction: fit.inlierCount >= p.outOfFrameMinInliers ? 0 : p.minVisibleFraction,
    });
    const previous = byPattern.get(ref.pattern);
    if (previous && previous.inliers >= fit.inlierCount) continue;
    byPattern.set(ref.pattern, {
      inliers: fit.inlierCount,
      corners: verdict.ok ? quad.map((c) => ({ x: c.x * scale, y: c.y * scale })) : null,
      reason: verdict.ok ? null : verdict.reason,
      homography: fit.homography,
      reference: compiled,
    });
  }
  return [...byPattern.entries()].sort((a, b) => b[1].inliers - a[1].inliers);
}
