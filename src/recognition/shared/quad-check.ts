// Sanity checks on where a homography puts the reference's outline: rejects geometrically
// impossible "matches" (twisted, mirrored, degenerate or absurdly sized quads) and, when asked,
// outlines that leave most of the reference beyond the frame.
import { applyHomography, estimateHomography } from './homography.js';
import type { Mat3, Point } from './homography.js';

export interface QuadLimits {
  /** Smallest allowed quad area as a fraction of the frame area. */
  minAreaFraction: number;
  /** Largest allowed quad area as a multiple of the frame area (quads may extend beyond it). */
  maxAreaFraction: number;
  /** Largest ratio between opposite sides (perspective foreshortening bound). */
  maxOppositeSideRatio: number;
  /** Smallest interior angle in degrees. */
  minAngleDeg: number;
  /** Smallest share of the reference that lies inside the frame (see visibleFraction). */
  minVisibleFraction: number;
}

export const DEFAULT_QUAD_LIMITS: QuadLimits = {
  minAreaFraction: 0.01,
  maxAreaFraction: 4,
  maxOppositeSideRatio: 4,
  minAngleDeg: 25,
  minVisibleFraction: 0,
};

export type QuadVerdict = { ok: true; area: number } | { ok: false; reason: string };

/** Corners of a width × height image, clockwise from the top-left (y down). */
export function imageCorners(width: number, height: number): Point[] {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}

/** The image's corners carried through `h`. */
export function projectCorners(h: Mat3, width: number, height: number): Point[] {
  return imageCorners(width, height).map((p) => applyHomography(h, p));
}

/** Signed area by the shoelace formula (positive for clockwise in image coordinates, y down). */
export function signedArea(quad: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % quad.length]!;
    s += a.x * b.y - b.x * a.y;
  }
  return s / 2;
}

export function isConvex(quad: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < quad.length; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % quad.length]!;
    const c = quad[(i + 2) % quad.length]!;
    const z = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (Math.abs(z) < 1e-9) return false;
    const s = Math.sign(z);
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

export function checkQuad(
  quad: readonly Point[],
  frameWidth: number,
  frameHeight: number,
  limits: QuadLimits = DEFAULT_QUAD_LIMITS,
): QuadVerdict {
  if (quad.length !== 4 || quad.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) {
    return { ok: false, reason: 'non-finite' };
  }
  if (!isConvex(quad)) return { ok: false, reason: 'not-convex' };
  const area = signedArea(quad);
  // The reference corners are listed clockwise (y down); a mirrored view would flip the sign.
  if (area <= 0) return { ok: false, reason: 'mirrored' };
  const frameArea = frameWidth * frameHeight;
  if (area < limits.minAreaFraction * frameArea) return { ok: false, reason: 'too-small' };
  if (area > limits.maxAreaFraction * frameArea) return { ok: false, reason: 'too-large' };
  const side = (i: number): number => {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    return Math.hypot(b.x - a.x, b.y - a.y);
  };
  for (const [i, j] of [
    [0, 2],
    [1, 3],
  ] as const) {
    const r = side(i) / side(j);
    if (r > limits.maxOppositeSideRatio || r < 1 / limits.maxOppositeSideRatio) {
      return { ok: false, reason: 'foreshortened' };
    }
  }
  for (let i = 0; i < 4; i++) {
    const a = quad[(i + 3) % 4]!;
    const b = quad[i]!;
    const c = quad[(i + 1) % 4]!;
    const v1 = { x: a.x - b.x, y: a.y - b.y };
    const v2 = { x: c.x - b.x, y: c.y - b.y };
    const cos = (v1.x * v2.x + v1.y * v2.y) / (Math.hypot(v1.x, v1.y) * Math.hypot(v2.x, v2.y));
    const deg = (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
    if (deg < limits.minAngleDeg) return { ok: false, reason: 'sharp-angle' };
  }
  if (
    limits.minVisibleFraction > 0 &&
    visibleFraction(quad, frameWidth, frameHeight) < limits.minVisibleFraction
  )
    return { ok: false, reason: 'mostly-out-of-frame' };
  return { ok: true, area };
}

/** Clips a convex polygon to the rectangle [0, width] × [0, height] (Sutherland–Hodgman). */
export function clipToRect(polygon: readonly Point[], width: number, height: number): Point[] {
  // Signed distance inside each side of the rectangle.
  const sides: ((p: Point) => number)[] = [
    (p) => p.x,
    (p) => width - p.x,
    (p) => p.y,
    (p) => height - p.y,
  ];
  let out = [...polygon];
  for (const inside of sides) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[i]!;
      const b = input[(i + 1) % input.length]!;
      const da = inside(a);
      const db = inside(b);
      if (da >= 0) out.push(a);
      if (da >= 0 !== db >= 0) {
        const t = da / (da - db);
        out.push({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
      }
    }
    if (out.length === 0) break;
  }
  return out;
}

/**
 * Share of the reference (0–1) that lies inside the frame, for the reference's outline `quad` in
 * frame pixels: the quad clipped to the frame and carried back onto the reference plane (a
 * homography keeps straight lines, so the clipped polygon's corners are enough).
 */
export function visibleFraction(
  quad: readonly Point[],
  frameWidth: number,
  frameHeight: number,
): number {
  const clipped = clipToRect(quad, frameWidth, frameHeight);
  if (clipped.length < 3) return 0;
  const back = estimateHomography(quad, imageCorners(1, 1));
  if (!back) return 0;
  return Math.min(1, Math.abs(signedArea(clipped.map((p) => applyHomography(back, p)))));
}
