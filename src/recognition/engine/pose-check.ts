// Keypoint poses under a homography: a keypoint carried through one with its orientation and size
// (mapKeypoint), and the pose check of a correspondence: a true match's frame keypoint has the
// orientation and size the homography gives the reference keypoint (each measured on its own
// image), a chance match only the position.
import { applyHomography, type Mat3 } from '../shared/homography.js';
import type { Keypoint } from '../shared/patches.js';
import type { CompiledReference } from './artifact.js';

export interface PoseTolerance {
  /** Largest orientation difference, degrees. */
  angleDeg: number;
  /** Largest size ratio either way (e.g. 1.6). */
  sizeRatio: number;
}

/** A keypoint carried through `h`, its orientation and size with it (its radius vector mapped). */
export function mapKeypoint(h: Mat3, k: Keypoint): Keypoint {
  const p = applyHomography(h, k);
  const t = (k.angle * Math.PI) / 180;
  const r = k.size / 2;
  const q = applyHomography(h, { x: k.x + r * Math.cos(t), y: k.y + r * Math.sin(t) });
  const [dx, dy] = [q.x - p.x, q.y - p.y];
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
  return { x: p.x, y: p.y, angle: angle < 0 ? angle + 360 : angle, size: 2 * Math.hypot(dx, dy) };
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
  const mapped = mapKeypoint(h, ref);
  const angle = frame.angle - mapped.angle;
  return {
    angle: angle - 360 * Math.round(angle / 360),
    logSize: Math.log(frame.size / mapped.size),
  };
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
