// Classical baseline: ORB (opencv-js) per reference photo, per-reference kNN + ratio test, then the
// shared TS RANSAC homography, inlier threshold and convex-quad check.
import { toGray, fitScale, resizeGray } from '../../../../src/recognition/shared/preprocess.js';
import type { GrayImage } from '../../../../src/recognition/shared/preprocess.js';
import { ransacHomography } from '../../../../src/recognition/shared/ransac.js';
import {
  DEFAULT_QUAD_LIMITS,
  checkQuad,
  projectCorners,
} from '../../../../src/recognition/shared/quad-check.js';
import type { Point } from '../../../../src/recognition/shared/homography.js';
import type { Keypoint } from '../../../../src/recognition/shared/patches.js';
import type { BenchEngine, MatchOutcome, PatternImages, RgbaImage } from '../engine.js';
import { loadOpenCv } from './opencv.js';
import type { Cv } from './opencv.js';

export interface OrbOptions {
  refFeatures: number;
  queryFeatures: number;
  refMaxSide: number;
  ratio: number;
  minInliers: number;
  ransacThreshold: number;
  /** Only the references with the most ratio-test survivors get a RANSAC run. */
  maxCandidates: number;
  /** Local contrast equalisation (CLAHE) before detection, for faded or dark prints. */
  clahe: boolean;
  /** Count only inliers on reference features that no other pattern in the set also has. */
  uniqueOnly: boolean;
  /** Hamming distance under which a reference feature counts as shared with another pattern. */
  sharedDistance: number;
  minAreaFraction: number;
}

export const ORB_DEFAULTS: OrbOptions = {
  refFeatures: 600,
  queryFeatures: 1000,
  refMaxSide: 640,
  ratio: 0.8,
  minInliers: 15,
  ransacThreshold: 5,
  maxCandidates: 5,
  clahe: false,
  uniqueOnly: false,
  sharedDistance: 48,
  minAreaFraction: DEFAULT_QUAD_LIMITS.minAreaFraction,
};

interface Target {
  id: string;
  width: number;
  height: number;
  points: Point[];
  descriptors: Cv;
  /** 1 where the feature also appears (by descriptor) in another pattern of the set. */
  shared: Uint8Array;
}

export function grayOf(img: RgbaImage, maxSide: number): GrayImage {
  const g = toGray(img.data, img.width, img.height, 4);
  const s = fitScale(img.width, img.height, maxSide);
  return s < 1 ? resizeGray(g, Math.round(img.width * s), Math.round(img.height * s)) : g;
}

export class OrbBaseline implements BenchEngine {
  readonly name: string = 'orb-baseline';
  protected cv: Cv;
  private targets: Target[] = [];
  private readonly o: OrbOptions;

  constructor(options: Partial<OrbOptions> = {}, name?: string) {
    if (name) this.name = name;
    this.o = { ...ORB_DEFAULTS, ...options };
  }

  /** Descriptor hook: the baseline keeps ORB's own; learned engines replace them (rows = keypoints). */
  protected async describe(_g: GrayImage, _keypoints: Keypoint[], orbDescriptors: Cv): Promise<Cv> {
    return orbDescriptors;
  }

  private async detect(g: GrayImage, n: number): Promise<{ points: Point[]; descriptors: Cv }> {
    const cv = this.cv;
    const mat = new cv.Mat(g.height, g.width, cv.CV_8UC1);
    mat.data.set(g.data);
    if (this.o.clahe) {
      const clahe = new cv.CLAHE(2.5, new cv.Size(8, 8));
      clahe.apply(mat, mat);
      clahe.delete();
    }
    const orb = new cv.ORB(n);
    const kps = new cv.KeyPointVector();
    const descriptors = new cv.Mat();
    const none = new cv.Mat();
    orb.detectAndCompute(mat, none, kps, descriptors);
    const keypoints: Keypoint[] = [];
    for (let i = 0; i < kps.size(); i++) {
      const k = kps.get(i);
      keypoints.push({ x: k.pt.x, y: k.pt.y, angle: k.angle, size: k.size });
    }
    mat.delete();
    orb.delete();
    kps.delete();
    none.delete();
    const points = keypoints.map((k) => ({ x: k.x, y: k.y }));
    return {
      points,
      descriptors: points.length > 0 ? await this.describe(g, keypoints, descriptors) : descriptors,
    };
  }

  async compile(patterns: PatternImages[]): Promise<void> {
    this.cv ??= await loadOpenCv();
    this.dispose();
    for (const p of patterns) {
      for (const img of p.images) {
        const g = grayOf(img, this.o.refMaxSide);
        const { points, descriptors } = await this.detect(g, this.o.refFeatures);
        if (points.length > 0)
          this.targets.push({
            id: p.id,
            width: g.width,
            height: g.height,
            points,
            descriptors,
            shared: new Uint8Array(points.length),
          });
      }
    }
    if (this.o.uniqueOnly) this.markShared();
  }

  /** Flags reference features that have a close twin in another pattern (shared template, logos). */
  private markShared(): void {
    const cv = this.cv;
    const matcher = new cv.BFMatcher(cv.NORM_HAMMING, false);
    for (const t of this.targets) {
      for (const o of this.targets) {
        if (o.id === t.id) continue;
        const m = new cv.DMatchVector();
        matcher.match(t.descriptors, o.descriptors, m);
        for (let i = 0; i < m.size(); i++) {
          const d = m.get(i);
          if (d.distance < this.o.sharedDistance) t.shared[d.queryIdx] = 1;
        }
        m.delete();
      }
    }
    matcher.delete();
  }

  async match(frame: RgbaImage): Promise<MatchOutcome> {
    const cv = this.cv;
    const g = grayOf(frame, 640);
    const q = await this.detect(g, this.o.queryFeatures);
    const pairs: { target: Target; src: Point[]; dst: Point[]; refIdx: number[] }[] = [];
    if (q.points.length >= 4) {
      const matcher = new cv.BFMatcher(cv.NORM_HAMMING, false);
      for (const t of this.targets) {
        const knn = new cv.DMatchVectorVector();
        matcher.knnMatch(q.descriptors, t.descriptors, knn, 2);
        const src: Point[] = [];
        const dst: Point[] = [];
        const refIdx: number[] = [];
        for (let i = 0; i < knn.size(); i++) {
          // Each row is an embind vector handle that must be freed, or the WASM heap runs out.
          const m = knn.get(i);
          const a = m.size() >= 2 ? m.get(0) : null;
          const b = m.size() >= 2 ? m.get(1) : null;
          m.delete();
          if (a && b && a.distance < this.o.ratio * b.distance) {
            src.push(t.points[a.trainIdx]!);
            refIdx.push(a.trainIdx);
            dst.push(q.points[a.queryIdx]!);
          }
        }
        knn.delete();
        pairs.push({ target: t, src, dst, refIdx });
      }
      matcher.delete();
    }
    q.descriptors.delete();
    pairs.sort((a, b) => b.src.length - a.src.length);
    let best: { id: string; inliers: number } | null = null;
    for (const p of pairs.slice(0, this.o.maxCandidates)) {
      if (p.src.length < 6) continue;
      const r = ransacHomography(p.src, p.dst, {
        threshold: this.o.ransacThreshold,
        maxIterations: 1000,
      });
      if (!r) continue;
      const quad = projectCorners(r.homography, p.target.width, p.target.height);
      if (
        !checkQuad(quad, g.width, g.height, {
          ...DEFAULT_QUAD_LIMITS,
          minAreaFraction: this.o.minAreaFraction,
        }).ok
      )
        continue;
      let inliers = r.inlierCount;
      if (this.o.uniqueOnly) {
        inliers = 0;
        for (let i = 0; i < p.refIdx.length; i++)
          if (r.inliers[i] && !p.target.shared[p.refIdx[i]!]) inliers++;
      }
      if (!best || inliers > best.inliers) best = { id: p.target.id, inliers };
    }
    if (!best) return { pattern: null, score: 0, candidate: null, candidateScore: 0 };
    const accepted = best.inliers >= this.o.minInliers;
    return {
      pattern: accepted ? best.id : null,
      score: best.inliers,
      candidate: best.id,
      candidateScore: best.inliers,
    };
  }

  dispose(): void {
    for (const t of this.targets) t.descriptors.delete();
    this.targets = [];
  }
}
