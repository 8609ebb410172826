// Decides which pattern a camera frame shows — or none. Keypoints and learned descriptors of the
// frame are matched to every pattern through a Hamming index (a match must be clearly closer than
// any other pattern's nearest descriptor), the best-voted references are verified with a RANSAC
// homography and a sanity check of the projected outline, and only enough geometric inliers, well
// ahead of the runner-up, accept.
import { ransacHomography } from '../shared/ransac.js';
import { checkQuad, DEFAULT_QUAD_LIMITS, projectCorners } from '../shared/quad-check.js';
import type { Point } from '../shared/homography.js';
import { decodeArtifact, type CompiledPatternSet } from './artifact.js';
import { describeKeypoints, type DescriptorNet } from './describe.js';
import { detectKeypoints } from '../features/fast-keypoints.js';
import { workingImage, type RgbaImage } from './frame.js';
import { HammingIndex } from './hamming-index.js';
import { MATCH_PARAMS, type MatchParams } from './params.js';

export interface MatchEvidence {
  /** RANSAC inliers of the best reference. */
  inliers: number;
  /** Inliers of the best other pattern. */
  runnerUp: number;
  /** Pattern the evidence points to, accepted or not. */
  candidate: string | null;
  keypoints: number;
  /** Outline of the matched reference in frame pixels (clockwise from top-left), when accepted. */
  corners: Point[] | null;
  /** Why the candidate was not accepted. */
  rejected: string | null;
}

export interface MatchResult {
  pattern: string | null;
  /** Confidence in [0, 1] of the candidate (monotonic in inliers). */
  score: number;
  evidence: MatchEvidence;
}

interface RefEntry {
  pattern: number;
  reference: number;
  /** Index of the reference's first descriptor in the global index. */
  offset: number;
}

export function scoreFromInliers(inliers: number): number {
  return 1 - Math.exp(-inliers / 30);
}

export class Matcher {
  readonly patternIds: readonly string[];
  private readonly index: HammingIndex;
  private readonly owner: Int32Array;
  private readonly refs: RefEntry[] = [];

  constructor(
    private readonly set: CompiledPatternSet,
    private readonly net: DescriptorNet,
    private readonly params: MatchParams = MATCH_PARAMS,
  ) {
    if (set.modelSha256 !== net.sha256) {
      throw new Error('pattern set was compiled with a different recognition model; recompile it');
    }
    this.patternIds = set.patterns.map((p) => p.id);
    const all: Uint8Array[] = [];
    let offset = 0;
    set.patterns.forEach((p, pi) =>
      p.references.forEach((r, ri) => {
        this.refs.push({ pattern: pi, reference: ri, offset });
        all.push(r.descriptors);
        offset += r.descriptors.length / set.descriptorBytes;
      }),
    );
    const descriptors = new Uint8Array(offset * set.descriptorBytes);
    let at = 0;
    for (const d of all) {
      descriptors.set(d, at);
      at += d.length;
    }
    this.index = new HammingIndex(descriptors, set.descriptorBytes);
    this.owner = new Int32Array(offset);
    this.refs.forEach((r, k) => {
      const n = set.patterns[r.pattern]!.references[r.reference]!.points.length / 2;
      this.owner.fill(k, r.offset, r.offset + n);
    });
  }

  static fromArtifact(bytes: Uint8Array, net: DescriptorNet, params?: MatchParams): Matcher {
    return new Matcher(decodeArtifact(bytes), net, params);
  }

  async match(frame: RgbaImage): Promise<MatchResult> {
    const p = this.params;
    const { image, scale } = workingImage(frame, p.frameMaxSide);
    const keypoints = detectKeypoints(image, p.frameDetector);
    const none = (
      rejected: string,
      candidate: string | null = null,
      inliers = 0,
      runnerUp = 0,
    ): MatchResult => ({
      pattern: null,
      score: scoreFromInliers(inliers),
      evidence: {
        inliers,
        runnerUp,
        candidate,
        keypoints: keypoints.length,
        corners: null,
        rejected,
      },
    });
    if (keypoints.length < p.minInliers) return none('too-little-texture');
    const descriptors = await describeKeypoints(image, keypoints, this.net);

    // Per reference: correspondences (frame point → reference point) that pass the cross-pattern test.
    const groups = new Map<number, { src: Point[]; dst: Point[] }>();
    // Nearest distance per pattern for the current keypoint, reset through `touched` (no per-keypoint allocation).
    const nearestByPattern = new Float64Array(this.patternIds.length).fill(Infinity);
    const touched: number[] = [];
    for (let q = 0; q < keypoints.length; q++) {
      let best = -1;
      let bestD = Infinity;
      for (const pattern of touched) nearestByPattern[pattern] = Infinity;
      touched.length = 0;
      this.index.near(descriptors, q, p.maxDistance, (r, d) => {
        const pattern = this.refs[this.owner[r]!]!.pattern;
        if (nearestByPattern[pattern] === Infinity) touched.push(pattern);
        if (d < nearestByPattern[pattern]!) nearestByPattern[pattern] = d;
        if (d < bestD) {
          bestD = d;
          best = r;
        }
      });
      if (best < 0) continue;
      const ref = this.refs[this.owner[best]!]!;
      let otherD = p.maxDistance + 1;
      for (const pattern of touched) {
        if (pattern !== ref.pattern && nearestByPattern[pattern]! < otherD)
          otherD = nearestByPattern[pattern]!;
      }
      if (bestD > p.ratio * otherD) continue;
      const points = this.set.patterns[ref.pattern]!.references[ref.reference]!.points;
      const local = best - ref.offset;
      const group = groups.get(this.owner[best]!) ?? { src: [], dst: [] };
      group.src.push({ x: points[local * 2]!, y: points[local * 2 + 1]! });
      group.dst.push({ x: keypoints[q]!.x, y: keypoints[q]!.y });
      groups.set(this.owner[best]!, group);
    }

    const ranked = [...groups.entries()]
      .filter(([, g]) => g.src.length >= p.minInliers)
      .sort((a, b) => b[1].src.length - a[1].src.length)
      .slice(0, p.verifyTop);
    const inliersByPattern = new Map<
      number,
      { inliers: number; corners: Point[] | null; reason: string | null }
    >();
    for (const [k, g] of ranked) {
      const ref = this.refs[k]!;
      const fit = ransacHomography(g.src, g.dst, {
        threshold: p.ransacThreshold,
        maxIterations: p.ransacIterations,
      });
      if (!fit) continue;
      const compiled = this.set.patterns[ref.pattern]!.references[ref.reference]!;
      const quad = projectCorners(fit.homography, compiled.width, compiled.height);
      const verdict = checkQuad(quad, image.width, image.height, {
        ...DEFAULT_QUAD_LIMITS,
        minAreaFraction: p.minAreaFraction,
      });
      const previous = inliersByPattern.get(ref.pattern);
      if (previous && previous.inliers >= fit.inlierCount) continue;
      inliersByPattern.set(ref.pattern, {
        inliers: fit.inlierCount,
        corners: verdict.ok ? quad.map((c) => ({ x: c.x * scale, y: c.y * scale })) : null,
        reason: verdict.ok ? null : verdict.reason,
      });
    }
    const sorted = [...inliersByPattern.entries()].sort((a, b) => b[1].inliers - a[1].inliers);
    const top = sorted[0];
    if (!top) return none('no-candidate');
    const [patternIndex, best] = top;
    const runnerUp = sorted[1]?.[1].inliers ?? 0;
    const candidate = this.patternIds[patternIndex]!;
    if (best.inliers < p.minInliers)
      return none('too-few-inliers', candidate, best.inliers, runnerUp);
    if (best.reason) return none(`outline-${best.reason}`, candidate, best.inliers, runnerUp);
    if (best.inliers < p.runnerUpFactor * runnerUp + p.runnerUpMargin) {
      return none('ambiguous', candidate, best.inliers, runnerUp);
    }
    return {
      pattern: candidate,
      score: scoreFromInliers(best.inliers),
      evidence: {
        inliers: best.inliers,
        runnerUp,
        candidate,
        keypoints: keypoints.length,
        corners: best.corners,
        rejected: null,
      },
    };
  }
}
