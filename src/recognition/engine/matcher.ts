// Decides which pattern a camera frame shows — or none. Keypoints and learned descriptors of the
// frame are matched to every pattern through a Hamming index (a match must be clearly closer than
// any other pattern's nearest descriptor), the best-voted references are verified with a RANSAC
// homography and a sanity check of the projected outline, and only enough geometric inliers, well
// ahead of the runner-up, accept.
import { ransacHomography } from '../shared/ransac.js';
import { checkQuad, DEFAULT_QUAD_LIMITS, projectCorners } from '../shared/quad-check.js';
import type { Point } from '../shared/homography.js';
import type { GrayImage } from '../shared/preprocess.js';
import { decodeArtifact, type CompiledPatternSet } from './artifact.js';
import { describeKeypoints, type DescriptorNet } from './describe.js';
import { detectKeypoints } from '../features/fast-keypoints.js';
import { boostLocalContrast, workingImage, type RgbaImage } from './frame.js';
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

/** The frame image a pass analyses; null when its contrast boost would change nothing. */
function prepare(image: GrayImage, p: MatchParams): GrayImage | null {
  const lc = p.frameLocalContrast;
  return lc ? boostLocalContrast(image, lc.block, lc.target, lc.maxGain, lc.minPeakGain) : image;
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
    const working = workingImage(frame, this.params.frameMaxSide);
    const first = await this.matchWith(
      prepare(working.image, this.params) ?? working.image,
      working.scale,
      this.params,
    );
    const retry = this.params.secondPass;
    if (first.pattern !== null || !retry) return first;
    const p2 = { ...this.params, ...retry, secondPass: null };
    // Second look with local contrast boosted: rescues faded prints without changing the first
    // pass, where the boost would reorder keypoints on ordinary artwork. Skipped when no region of
    // the frame is faint enough for the boost to matter.
    const w2 =
      p2.frameMaxSide === this.params.frameMaxSide ? working : workingImage(frame, p2.frameMaxSide);
    const image2 = prepare(w2.image, p2);
    if (!image2) return first;
    const second = await this.matchWith(image2, w2.scale, p2);
    return second.pattern !== null || second.evidence.inliers > first.evidence.inliers
      ? second
      : first;
  }

  private async matchWith(image: GrayImage, scale: number, p: MatchParams): Promise<MatchResult> {
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

    // Per reference: correspondences (frame point → reference point) that pass the cross-pattern
    // test: a pattern's nearest descriptor must be within `ratio` × the nearest of any other
    // pattern (ratio > 1 lets near-ties vote for both and leaves the decision to geometry).
    const groups = new Map<number, { src: Point[]; dst: Point[]; d: number[] }>();
    // Nearest distance and descriptor per pattern for the current keypoint, reset through
    // `touched` (no per-keypoint allocation).
    const nearestD = new Float64Array(this.patternIds.length).fill(Infinity);
    const nearestR = new Int32Array(this.patternIds.length);
    const touched: number[] = [];
    const visit = (r: number, d: number): void => {
      const pattern = this.refs[this.owner[r]!]!.pattern;
      if (nearestD[pattern] === Infinity) touched.push(pattern);
      if (d < nearestD[pattern]!) {
        nearestD[pattern] = d;
        nearestR[pattern] = r;
      }
    };
    for (let q = 0; q < keypoints.length; q++) {
      for (const pattern of touched) nearestD[pattern] = Infinity;
      touched.length = 0;
      this.index.near(descriptors, q, p.maxDistance, visit);
      let first = p.maxDistance + 1;
      let second = p.maxDistance + 1;
      for (const pattern of touched) {
        const d = nearestD[pattern]!;
        if (d < first) {
          second = first;
          first = d;
        } else if (d < second) second = d;
      }
      for (const pattern of touched) {
        const d = nearestD[pattern]!;
        if (d > p.ratio * (d === first ? second : first)) continue;
        const r = nearestR[pattern]!;
        const k = this.owner[r]!;
        const ref = this.refs[k]!;
        const points = this.set.patterns[ref.pattern]!.references[ref.reference]!.points;
        const local = r - ref.offset;
        const group = groups.get(k) ?? { src: [], dst: [], d: [] };
        group.src.push({ x: points[local * 2]!, y: points[local * 2 + 1]! });
        group.dst.push({ x: keypoints[q]!.x, y: keypoints[q]!.y });
        group.d.push(d);
        groups.set(k, group);
      }
    }

    const ranked = [...groups.entries()]
      .filter(([, g]) => g.src.length >= p.minInliers)
      .sort((a, b) => b[1].src.length - a[1].src.length)
      .slice(0, p.verifyTop);
    const inliersByPattern = new Map<
      number,
      { inliers: number; corners: Point[] | null; reason: string | null }
    >();
    const limits = { ...DEFAULT_QUAD_LIMITS, minAreaFraction: p.minAreaFraction };
    for (const [k, g] of ranked) {
      const ref = this.refs[k]!;
      const compiled = this.set.patterns[ref.pattern]!.references[ref.reference]!;
      let { src, dst } = g;
      if (p.ransacOrdered) {
        const order = g.d.map((_, i) => i).sort((a, b) => g.d[a]! - g.d[b]! || a - b);
        src = order.map((i) => g.src[i]!);
        dst = order.map((i) => g.dst[i]!);
      }
      const fit = ransacHomography(src, dst, {
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
      const verdict = checkQuad(quad, image.width, image.height, limits);
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
