// Training pairs cut by the engine itself, shared by the pair generators (engine_pairs.ts,
// sim_pairs.ts): reference keypoints found exactly as the compiler finds them, frame keypoints
// exactly as the matcher's first or second pass finds them, paired when the true homography puts a
// frame keypoint within 1.5 frame pixels of a reference keypoint of about its size. The pairs keep
// the engine's own orientation, scale and sampling noise.
import { writeFileSync } from 'node:fs';
import {
  faintKeypoints,
  greyRange,
  normalizeContrast,
  type BoostedImage,
} from '../../src/recognition/engine/frame.js';
import { FrameWorkspace } from '../../src/recognition/engine/frame-workspace.js';
import { COMPILE_PARAMS, MATCH_PARAMS } from '../../src/recognition/engine/params.js';
import { detectKeypoints } from '../../src/recognition/features/fast-keypoints.js';
import { homographyToCorners } from '../../src/recognition/engine/warp.js';
import {
  applyHomography,
  invert,
  type Mat3,
  type Point,
} from '../../src/recognition/shared/homography.js';
import {
  buildPyramid,
  samplePatches,
  SAMPLE_GRID,
  type FloatLevel,
  type Keypoint,
} from '../../src/recognition/shared/patches.js';
import type { GrayImage } from '../../src/recognition/shared/preprocess.js';
import type { Rng } from '../../src/recognition/shared/rng.js';
import { placeQuad } from '../../test/bench/recognition/dataset/photo-sim.js';

export interface Side {
  width: number;
  height: number;
  keypoints: Keypoint[];
  pyramid: FloatLevel[];
}

/** A reference as the compiler sees it: its grey range stretched, then detected. */
export function referenceSide(print: GrayImage): Side {
  const image = normalizeContrast(print, greyRange(print));
  return {
    width: image.width,
    height: image.height,
    keypoints: detectKeypoints(image, COMPILE_PARAMS.referenceDetector),
    pyramid: buildPyramid(image),
  };
}

/** A working image as the matcher's first pass sees it, or (boosted) as its second pass does. */
export function frameSide(working: GrayImage, boosted: boolean): Side {
  const second = { ...MATCH_PARAMS, ...MATCH_PARAMS.secondPass };
  // The matcher's own boost; null (the second pass skipped there) leaves the first pass's image.
  const boost = boosted ? (new FrameWorkspace().passImage(working, second) as BoostedImage) : null;
  const image = boost ?? working;
  const minGain = second.frameLocalContrast?.keypointMinGain ?? 0;
  const keypoints = boost
    ? faintKeypoints(boost, second.frameDetector, minGain)
    : detectKeypoints(image, MATCH_PARAMS.frameDetector);
  return { width: image.width, height: image.height, keypoints, pyramid: buildPyramid(image) };
}

/**
 * [reference index, frame index] pairs: `toReference` maps full-size frame pixels to reference
 * pixels, `scale` working pixels to full-size frame pixels.
 */
export function pairKeypoints(
  ref: Side,
  frame: Side,
  scale: number,
  toReference: Mat3,
): [number, number][] {
  const pairs: [number, number][] = [];
  frame.keypoints.forEach((k, fi) => {
    const f = { x: k.x * scale, y: k.y * scale };
    const r = applyHomography(toReference, f);
    if (r.x < 0 || r.y < 0 || r.x >= ref.width || r.y >= ref.height) return;
    // Reference pixels per frame pixel here, from a one-pixel step.
    const r2 = applyHomography(toReference, { x: f.x + 1, y: f.y });
    const local = Math.hypot(r2.x - r.x, r2.y - r.y);
    const tol = 1.5 * Math.max(1, local);
    const expected = k.size * scale * local;
    let best = -1;
    let bestD = tol * tol;
    ref.keypoints.forEach((q, ri) => {
      const d = (q.x - r.x) ** 2 + (q.y - r.y) ** 2;
      const ratio = q.size / expected;
      if (d <= bestD && ratio < 1.3 && ratio > 1 / 1.3) {
        bestD = d;
        best = ri;
      }
    });
    if (best >= 0) pairs.push([best, fi]);
  });
  return pairs;
}

interface Size {
  width: number;
  height: number;
}

/**
 * A bench-like placement of the print in a 640×480 frame (coverage 15 % to `maxCoverage`, log
 * uniform; tilt ≤ 55°; partly out of frame 15 % of the time), with the homography from the
 * reference (the print at `ref`'s size) to the frame and back; null when degenerate.
 */
export function placePrint(
  rng: Rng,
  print: Size,
  ref: Size,
  maxCoverage = 0.95,
): { coverage: number; quad: Point[]; toFrame: Mat3; toReference: Mat3 } | null {
  const coverage = Math.exp(rng.range(Math.log(0.15), Math.log(maxCoverage)));
  const { quad } = placeQuad(rng, print.width, print.height, {
    coverage,
    maxTiltDeg: 55,
    partialProb: 0.15,
  });
  const toFrame = homographyToCorners(ref.width, ref.height, quad);
  const toReference = toFrame && invert(toFrame);
  return toFrame && toReference ? { coverage, quad, toFrame, toReference } : null;
}

const P = SAMPLE_GRID * SAMPLE_GRID;

function toBytes(grid: Float32Array, out: Uint8Array, at: number): void {
  for (let i = 0; i < P; i++) out[at + i] = Math.max(0, Math.min(255, Math.round(grid[i]!)));
}

/** Patch pairs collected up to a target count, written as <out>-a.u8 / <out>-b.u8 (N × 32 × 32). */
export class PairStore {
  readonly a: Uint8Array;
  readonly b: Uint8Array;
  count = 0;
  private readonly started = Date.now();

  /** `target` pairs in all, at most `perImage` from one photo (whole numbers from 1). */
  constructor(
    readonly target: number,
    private readonly perImage: number,
  ) {
    for (const [name, n] of [
      ['--pairs', target],
      ['--perImage', perImage],
    ] as const) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number from 1`);
    }
    this.a = new Uint8Array(target * P);
    this.b = new Uint8Array(target * P);
  }

  get full(): boolean {
    return this.count >= this.target;
  }

  /** Up to `perImage` of the pairs, drawn at random, sampled from both sides; returns how many. */
  add(rng: Rng, ref: Side, frame: Side, pairs: [number, number][]): number {
    for (let i = pairs.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
    }
    const take = pairs.slice(0, Math.min(this.perImage, this.target - this.count));
    if (take.length === 0) return 0;
    const ga = samplePatches(
      ref.pyramid,
      take.map(([ri]) => ref.keypoints[ri]!),
    );
    const gb = samplePatches(
      frame.pyramid,
      take.map(([, fi]) => frame.keypoints[fi]!),
    );
    take.forEach((_, i) => {
      toBytes(ga.subarray(i * P, (i + 1) * P), this.a, (this.count + i) * P);
      toBytes(gb.subarray(i * P, (i + 1) * P), this.b, (this.count + i) * P);
    });
    this.count += take.length;
    return take.length;
  }

  private seconds(): string {
    return ((Date.now() - this.started) / 1000).toFixed(0);
  }

  /** Progress on stderr every 100 images. */
  report(images: number): void {
    if (images % 100 === 0)
      process.stderr.write(`${images} images, ${this.count} pairs, ${this.seconds()} s\n`);
  }

  /** Writes the pairs collected and says how they were made. */
  write(out: string, images: number): void {
    writeFileSync(`${out}-a.u8`, this.a.subarray(0, this.count * P));
    writeFileSync(`${out}-b.u8`, this.b.subarray(0, this.count * P));
    console.log(
      `${this.count} pairs from ${images} images in ${this.seconds()} s → ${out}-{a,b}.u8`,
    );
  }
}
