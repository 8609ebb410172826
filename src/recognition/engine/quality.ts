// Measures each reference's texture, sharpness and self-similarity, and the cross-matches between
// patterns, for the quality report.
import type { Keypoint } from '../shared/patches.js';
import type { GrayImage } from '../shared/preprocess.js';
import { ransacHomography } from '../shared/ransac.js';
import type { CompiledPatternSet } from './artifact.js';
import { HammingIndex } from './hamming-index.js';
import { poseTest, referenceKeypoint, type PoseTolerance } from './pose-check.js';

/** Share of a 4×4 grid holding at least 3 keypoints. */
export function coverage(keypoints: readonly Keypoint[], width: number, height: number): number {
  const counts = new Uint16Array(16);
  for (const k of keypoints) {
    const cx = Math.min(3, Math.floor((k.x / width) * 4));
    const cy = Math.min(3, Math.floor((k.y / height) * 4));
    counts[cy * 4 + cx]!++;
  }
  return counts.filter((c) => c >= 3).length / 16;
}

/** Variance of the 4-neighbour Laplacian. */
export function sharpness(img: GrayImage): number {
  const { width: w, height: h, data } = img;
  let sum = 0;
  let sum2 = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const l = data[i - 1]! + data[i + 1]! + data[i - w]! + data[i + w]! - 4 * data[i]!;
      sum += l;
      sum2 += l * l;
      n++;
    }
  }
  return n ? sum2 / n - (sum / n) ** 2 : 0;
}

/** Share of descriptors with a near twin (Hamming ≤ 40) at another place (≥ 12 px away). */
export function repetition(
  descriptors: Uint8Array,
  bytes: number,
  keypoints: readonly Keypoint[],
): number {
  const n = keypoints.length;
  if (n < 2) return 0;
  const index = new HammingIndex(descriptors, bytes);
  let twins = 0;
  for (let i = 0; i < n; i++) {
    let found = false;
    index.near(descriptors, i, 40, (r) => {
      if (found || r === i) return;
      const dx = keypoints[r]!.x - keypoints[i]!.x;
      const dy = keypoints[r]!.y - keypoints[i]!.y;
      if (dx * dx + dy * dy >= 144) found = true;
    });
    if (found) twins++;
  }
  return twins / n;
}

/**
 * For every pair of patterns, the RANSAC inliers among nearest descriptors of their references,
 * counted as the matcher counts them (agreeing in orientation and size too, when `pose` is given).
 */
export function crossMatchInliers(
  set: CompiledPatternSet,
  pose: PoseTolerance | null,
): Map<string, number> {
  const bytes = set.descriptorBytes;
  const result = new Map<string, number>();
  const refs = set.patterns.flatMap((p, pi) =>
    p.references.map((r) => ({ pi, r, index: new HammingIndex(r.descriptors, bytes) })),
  );
  for (let a = 0; a < refs.length; a++) {
    for (let b = a + 1; b < refs.length; b++) {
      const A = refs[a]!;
      const B = refs[b]!;
      if (A.pi === B.pi) continue;
      const index = B.index;
      const src: Keypoint[] = [];
      const dst: Keypoint[] = [];
      const countA = A.r.descriptors.length / bytes;
      for (let i = 0; i < countA; i++) {
        let best = -1;
        let bestD = 49;
        index.near(A.r.descriptors, i, 48, (r, d) => {
          if (d < bestD) {
            bestD = d;
            best = r;
          }
        });
        if (best < 0) continue;
        src.push(referenceKeypoint(A.r, i));
        dst.push(referenceKeypoint(B.r, best));
      }
      const consistent = pose ? poseTest(src, dst, pose) : undefined;
      const fit =
        src.length >= 8
          ? ransacHomography(src, dst, { threshold: 4, maxIterations: 300, consistent })
          : null;
      const key = `${A.pi}:${B.pi}`;
      result.set(key, Math.max(result.get(key) ?? 0, fit?.inlierCount ?? 0));
    }
  }
  return result;
}
