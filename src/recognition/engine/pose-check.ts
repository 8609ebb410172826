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

/** Orientation difference (degrees, −180…180) and log size ratio of frame vs mapped reference. */
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

export function poseConsistent(
  h: Mat3,
  ref: Keypoint,
  frame: Keypoint,
  tol: PoseTolerance,
): boolean {
  const { angle, logSize } = poseResidual(h, ref, frame);
  return Math.abs(angle) <= tol.angleDeg && Math.abs(logSize) <= Math.log(tol.sizeRatio);
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
