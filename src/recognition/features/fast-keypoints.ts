// ORB-style keypoint detection (no OpenCV at run time): FAST-9 corners on a scale pyramid, the
// strongest per grid cell, ranked by Harris response, oriented by intensity centroid. The pixel work
// runs in the WebAssembly kernels (shared/pixel-kernels.ts); integer/float64 arithmetic only, so
// Node and browsers agree exactly.
import type { Keypoint } from '../shared/patches.js';
import type { GrayImage } from '../shared/preprocess.js';
import {
  discMomentPairs,
  downscaleBilinearBytes,
  fastCornerCells,
  harrisResponses,
} from '../shared/pixel-kernels.js';

export interface DetectorOptions {
  /** Keypoints kept over all levels. */
  maxKeypoints: number;
  levels: number;
  scaleFactor: number;
  /** FAST intensity threshold. */
  threshold: number;
  /** Support diameter at level 0 (ORB's patchSize). */
  patchSize: number;
}

export const DEFAULT_DETECTOR: DetectorOptions = {
  maxKeypoints: 500,
  levels: 5,
  scaleFactor: 1.3,
  threshold: 18,
  patchSize: 31,
};

export const BORDER = 16;

/** Orientation in degrees (image coordinates, [0, 360)) from intensity moments. */
function angleOf(m10: number, m01: number): number {
  const deg = (Math.atan2(m01, m10) * 180) / Math.PI;
  return deg < 0 ? deg + 360 : deg;
}

/** Bilinear downscale for pyramid levels (scale steps ≤ 1.5 alias little for FAST). */
export function downscale(
  src: GrayImage,
  width: number,
  height: number,
  into?: Uint8Array,
): GrayImage {
  const data = downscaleBilinearBytes(src.data, src.width, src.height, width, height, into);
  return { width, height, data };
}

/**
 * Pyramid levels' bytes, reused from one detection to the next (detection is synchronous, so no
 * two share them, and no level outlives its detection): fresh arrays cost Chromium page faults.
 * Levels of images larger than a frame are not kept.
 */
const levelBuffers: Uint8Array[] = [];
const KEEP_LEVEL_BYTES = 1 << 20;

function levelBuffer(l: number, size: number): Uint8Array | undefined {
  if (size > KEEP_LEVEL_BYTES) return undefined;
  if ((levelBuffers[l]?.length ?? 0) < size) levelBuffers[l] = new Uint8Array(size);
  return levelBuffers[l]!.subarray(0, size);
}

/** Detects oriented keypoints, returned in level-0 coordinates, strongest first per level. */
export function detectKeypoints(
  img: GrayImage,
  options: DetectorOptions = DEFAULT_DETECTOR,
): Keypoint[] {
  const weights = Array.from({ length: options.levels }, (_, l) => options.scaleFactor ** (-2 * l));
  const total = weights.reduce((s, v) => s + v, 0);
  const keypoints: Keypoint[] = [];
  let level = img;
  for (let l = 0; l < options.levels; l++) {
    const scale = options.scaleFactor ** l;
    const w = Math.round(img.width / scale);
    const h = Math.round(img.height / scale);
    if (w < 2 * BORDER + 8 || h < 2 * BORDER + 8) break;
    if (l > 0) level = downscale(level, w, h, levelBuffer(l, w * h));
    const budget = Math.round((options.maxKeypoints * weights[l]!) / total);
    // About twice as many cells as the budget: coverage first, then Harris ranking.
    const cell = Math.max(6, Math.round(Math.sqrt((w * h) / (2 * Math.max(budget, 1)))));
    // FAST-9 corners, the strongest per cell, ranked by Harris response (stable: ties keep cell
    // order), oriented by the intensity centroid of a disc of radius 15 — all in the kernels.
    const best = fastCornerCells(level.data, w, h, options.threshold, cell).filter((i) => i >= 0);
    const harris = harrisResponses(level.data, w, best);
    const order = Array.from(best.keys()).sort((p, q) => harris[q]! - harris[p]!);
    const kept = Int32Array.from(order.slice(0, budget), (n) => best[n]!);
    const moments = discMomentPairs(level.data, w, kept);
    kept.forEach((i, n) => {
      keypoints.push({
        x: ((i % w) + 0.5) * (img.width / w) - 0.5,
        y: (Math.floor(i / w) + 0.5) * (img.height / h) - 0.5,
        angle: angleOf(moments[2 * n]!, moments[2 * n + 1]!),
        size: options.patchSize * scale,
      });
    });
  }
  return keypoints;
}
