// Pose check of a correspondence under a fitted homography: a true match's frame keypoint has the
// orientation and size the homography gives the reference keypoint's (each keypoint's angle and
// size are measured independently on its own image), a chance match only the position.
import type { Mat3 } from '../shared/homography.js';
import type { Keypoint } from '../shared/patches.js';
import type { CompiledReference } from './artifact.js';

export interface PoseTolerance {
  /** Largest orientation difference, degrees. */
  angleDeg: number;
  /** Largest size ratio either way (e.g. 1.6). */
  sizeRatio: number;
}

/**
 * Orientation difference (degrees, −180…180) and log size ratio of the frame keypoint against the
 * reference keypoint carried through `h`: the check's definition, which `poseTest` computes faster
 * (the tests hold the two to the same decisions).
 */
export function poseResidual(
  h: Mat3,
  ref: Keypoint,
  frame: Keypoint,
): { angle: number; logSize: number } {
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h;
  const map = (x: number, y: number) => {
    const w = h6 * x + h7 * y + h8;
    return [(h0 * x + h1 * y + h2) / w, (h3 * x + h4 * y + h5) / w] as const;
  };
  const t = (ref.angle * Math.PI) / 180;
  const r = ref.size / 2;
  const [px, py] = map(ref.x, ref.y);
  const [qx, qy] = map(ref.x + r * Math.cos(t), ref.y + r * Math.sin(t));
  const mapped = (Math.atan2(qy - py, qx - px) * 180) / Math.PI;
  let angle = frame.angle - mapped;
  angle -= 360 * Math.round(angle / 360);
  const logSize = Math.log(frame.size / (2 * Math.hypot(qx - px, qy - py)));
  return { angle, logSize };
}

/**
 * The test of `poseResidual` within `tol` for correspondences `src[i]` → `dst[i]`, without
 * trigonometry or logarithms per call (it runs for every position inlier of every RANSAC
 * hypothesis): each reference keypoint's radius tip and each frame keypoint's direction are
 * computed once; the angle is checked by the dot product of the mapped radius with that
 * direction, the size by squared lengths.
 */
export function poseTest(
  src: readonly Keypoint[],
  dst: readonly Keypoint[],
  tol: PoseTolerance,
): (h: Mat3, i: number) => boolean {
  const cosMax = Math.cos((Math.min(tol.angleDeg, 180) * Math.PI) / 180);
  const ratio2 = tol.sizeRatio * tol.sizeRatio;
  const n = src.length;
  // Per correspondence: reference tip (x, y), frame direction (x, y), frame radius².
  const pre = new Float64Array(n * 5);
  for (let i = 0; i < n; i++) {
    const a = src[i]!;
    const b = dst[i]!;
    const t = (a.angle * Math.PI) / 180;
    const f = (b.angle * Math.PI) / 180;
    pre[5 * i] = a.x + (a.size / 2) * Math.cos(t);
    pre[5 * i + 1] = a.y + (a.size / 2) * Math.sin(t);
    pre[5 * i + 2] = Math.cos(f);
    pre[5 * i + 3] = Math.sin(f);
    pre[5 * i + 4] = (b.size / 2) ** 2;
  }
  return (h, i) => {
    const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h;
    const { x: x0, y: y0 } = src[i]!;
    const x1 = pre[5 * i]!;
    const y1 = pre[5 * i + 1]!;
    const w0 = h6 * x0 + h7 * y0 + h8;
    const w1 = h6 * x1 + h7 * y1 + h8;
    const vx = (h0 * x1 + h1 * y1 + h2) / w1 - (h0 * x0 + h1 * y0 + h2) / w0;
    const vy = (h3 * x1 + h4 * y1 + h5) / w1 - (h3 * x0 + h4 * y0 + h5) / w0;
    const len2 = vx * vx + vy * vy;
    const dot = vx * pre[5 * i + 2]! + vy * pre[5 * i + 3]!;
    const frame2 = pre[5 * i + 4]!;
    return dot >= cosMax * Math.sqrt(len2) && frame2 <= len2 * ratio2 && frame2 * ratio2 >= len2;
  };
}

/** Feature `f` of a compiled reference as a keypoint (reference pixels). */
export function referenceKeypoint(ref: CompiledReference, f: number): Keypoint {
  return {
    x: ref.points[2 * f]!,
    y: ref.points[2 * f + 1]!,
    angle: ref.angles[f]!,
    size: ref.sizes[f]!,
  };
}
