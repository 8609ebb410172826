// Decides which pattern a camera frame shows — or none. Keypoints and learned descriptors of the
// frame are matched to every pattern through a Hamming index (a match must be clearly closer than
// any other pattern's nearest descriptor), the best-voted references are verified with a RANSAC
// homography and a sanity check of the projected outline (reference-fit.ts), and only enough
// geometric inliers, well ahead of the runner-up, with the artwork's colours where the fit puts
// it (colour-check.ts), accept. The strongest keypoints are looked at first, and a clear match
// there ends the frame early.
import type { Point } from '../shared/homography.js';
import type { GrayImage } from '../shared/preprocess.js';
import { decodeArtifact, type CompiledPatternSet } from './artifact.js';
import { describeKeypoints, type DescriptorNet } from './describe.js';
import { detectKeypoints } from '../features/fast-keypoints.js';
import { faintKeypoints, type BoostedImage, type RgbaImage } from './frame.js';
import { FrameWorkspace } from './frame-workspace.js';
import { ReferenceIndex, type Group, type Votes } from './correspondences.js';
import type { FloatLevel, Keypoint } from '../shared/patches.js';
import { MATCH_PARAMS, type MatchParams } from './params.js';
import { coloursAgree } from './colour-check.js';
import { fitPatterns } from './reference-fit.js';

export interface MatchEvidence {
  /** RANSAC inliers of the best reference. */
  inliers: number;
  /** Inliers of the best other pattern… */
  runnerUp: number;
  /** …and which pattern that is (null: none verified). */
  runnerUpPattern: string | null;
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

/** Builds a pass's rejection (with the pass's keypoint count). */
type Reject = (
  rejected: string,
  candidate?: string | null,
  inliers?: number,
  runnerUp?: number,
  runnerUpPattern?: string | null,
) => MatchResult;

export function scoreFromInliers(inliers: number): number {
  return 1 - Math.exp(-inliers / 30);
}

/**
 * Indices of the first `share` of each pyramid level's keypoints (detection lists each level's
 * strongest first, and a level's keypoints share one size), in ascending order.
 */
export function strongestPerLevel(keypoints: readonly Keypoint[], share: number): number[] {
  const head: number[] = [];
  for (let start = 0; start < keypoints.length;) {
    let end = start;
    while (end < keypoints.length && keypoints[end]!.size === keypoints[start]!.size) end++;
    const take = Math.ceil((end - start) * share);
    for (let i = start; i < start + take; i++) head.push(i);
    start = end;
  }
  return head;
}

/** The frame a pass looks at: the camera's pixels and the pass's working image (frame / scale). */
interface FrameView {
  frame: RgbaImage;
  image: GrayImage;
  scale: number;
}

export class Matcher {
  readonly patternIds: readonly string[];
  private readonly index: ReferenceIndex;
  /** Workspaces of finished matches (each match holds one while it runs). */
  private readonly workspaces: FrameWorkspace[] = [];

  constructor(
    private readonly set: CompiledPatternSet,
    private readonly net: DescriptorNet,
    private readonly params: MatchParams = MATCH_PARAMS,
  ) {
    if (set.modelSha256 !== net.sha256) {
      throw new Error('pattern set was compiled with a different recognition model; recompile it');
    }
    this.patternIds = set.patterns.map((p) => p.id);
    this.index = new ReferenceIndex(set, params.poolReferences);
  }

  static fromArtifact(bytes: Uint8Array, net: DescriptorNet, params?: MatchParams): Matcher {
    return new Matcher(decodeArtifact(bytes), net, params);
  }

  async match(frame: RgbaImage): Promise<MatchResult> {
    const workspace = this.workspaces.pop() ?? new FrameWorkspace();
    try {
      return await this.matchIn(workspace, frame);
    } finally {
      this.workspaces.push(workspace);
    }
  }

  private async matchIn(workspace: FrameWorkspace, frame: RgbaImage): Promise<MatchResult> {
    const working = workspace.working(frame, this.params.frameMaxSide);
    const first = await this.matchWith(
      workspace,
      frame,
      workspace.passImage(working.image, this.params) ?? working.image,
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
      p2.frameMaxSide === this.params.frameMaxSide
        ? working
        : workspace.working(frame, p2.frameMaxSide);
    const image2 = workspace.passImage(w2.image, p2);
    if (!image2) return first;
    const second = await this.matchWith(workspace, frame, image2, w2.scale, p2);
    return second.pattern !== null || second.evidence.inliers > first.evidence.inliers
      ? second
      : first;
  }

  private async matchWith(
    workspace: FrameWorkspace,
    frame: RgbaImage,
    image: GrayImage | BoostedImage,
    scale: number,
    p: MatchParams,
  ): Promise<MatchResult> {
    const minGain = p.frameLocalContrast?.keypointMinGain;
    const keypoints =
      minGain && 'gains' in image
        ? faintKeypoints(image, p.frameDetector, minGain)
        : detectKeypoints(image, p.frameDetector);
    const none = (
      rejected: string,
      candidate: string | null = null,
      inliers = 0,
      runnerUp = 0,
      runnerUpPattern: string | null = null,
    ): MatchResult => ({
      pattern: null,
      score: scoreFromInliers(inliers),
      evidence: {
        inliers,
        runnerUp,
        runnerUpPattern,
        candidate,
        keypoints: keypoints.length,
        corners: null,
        rejected,
      },
    });
    if (keypoints.length < p.minInliers) return none('too-little-texture');
    const view = { frame, image, scale };
    return await this.decide(view, workspace.pyramid(image), keypoints, p, none);
  }

  /** Describes, votes and verifies, early looks first (see matchWith). */
  private async decide(
    view: FrameView,
    pyramid: readonly FloatLevel[],
    keypoints: readonly Keypoint[],
    p: MatchParams,
    none: Reject,
  ): Promise<MatchResult> {
    const { image } = view;
    const all = keypoints.map((_, i) => i);
    const votes: Votes = [];
    const descriptors = new Uint8Array(keypoints.length * this.set.descriptorBytes);
    // Early looks at the strongest keypoints of each level: an accept there (with enough inliers)
    // is final. Otherwise the rest are described too and the frame is decided on all keypoints,
    // exactly as without early looks (their votes are reused).
    const early = p.earlyLook;
    for (const share of early?.shares ?? []) {
      const look = strongestPerLevel(keypoints, share);
      const fresh = look.filter((i) => votes[i] === undefined);
      await this.describeInto(image, pyramid, keypoints, fresh, descriptors);
      this.index.vote(descriptors, fresh, p.maxDistance, p.ratio, votes);
      const quick = this.verify(
        this.index.groups(keypoints, votes, look),
        keypoints.length,
        view,
        p,
        none,
      );
      if (quick.pattern !== null && quick.evidence.inliers >= early!.minInliers) return quick;
    }
    const rest = all.filter((i) => votes[i] === undefined);
    await this.describeInto(image, pyramid, keypoints, rest, descriptors);
    this.index.vote(descriptors, rest, p.maxDistance, p.ratio, votes);
    const groups = this.index.groups(keypoints, votes, all);
    return this.verify(groups, keypoints.length, view, p, none);
  }

  /** Describes keypoints `which` into their slots of `out`. */
  private async describeInto(
    image: GrayImage,
    pyramid: readonly FloatLevel[],
    keypoints: readonly Keypoint[],
    which: readonly number[],
    out: Uint8Array,
  ): Promise<void> {
    const bytes = this.set.descriptorBytes;
    const d = await describeKeypoints(
      image,
      which.map((i) => keypoints[i]!),
      this.net,
      pyramid,
    );
    which.forEach((i, n) => out.set(d.subarray(n * bytes, (n + 1) * bytes), i * bytes));
  }

  /** RANSAC on the best-voted references, outline checks, and the accept rule. */
  private verify(
    groups: Map<number, Group>,
    keypoints: number,
    view: FrameView,
    p: MatchParams,
    none: Reject,
  ): MatchResult {
    const sorted = fitPatterns(groups, this.index, this.set, view.image, view.scale, p);
    const top = sorted[0];
    if (!top) return none('no-candidate');
    const [patternIndex, best] = top;
    const runnerUp = sorted[1]?.[1].inliers ?? 0;
    const second = sorted[1] ? this.patternIds[sorted[1][0]]! : null;
    const candidate = this.patternIds[patternIndex]!;
    if (best.inliers < p.minInliers)
      return none('too-few-inliers', candidate, best.inliers, runnerUp, second);
    if (best.reason)
      return none(`outline-${best.reason}`, candidate, best.inliers, runnerUp, second);
    if (best.inliers < p.runnerUpFactor * runnerUp + p.runnerUpMargin) {
      return none('ambiguous', candidate, best.inliers, runnerUp, second);
    }
    if (p.colourCheck && !coloursAgree(view.frame, view.scale, best, p.colourCheck)) {
      return none('colours-differ', candidate, best.inliers, runnerUp, second);
    }
    return {
      pattern: candidate,
      score: scoreFromInliers(best.inliers),
      evidence: {
        inliers: best.inliers,
        runnerUp,
        runnerUpPattern: second,
        candidate,
        keypoints,
        corners: best.corners,
        rejected: null,
      },
    };
  }
}
