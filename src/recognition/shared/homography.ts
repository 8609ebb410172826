// Planar homographies: estimation from point pairs (normalised DLT), application and inversion.

/** Row-major 3×3 matrix. */
export type Mat3 = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

export interface Point {
  x: number;
  y: number;
}

export function applyHomography(h: Mat3, p: Point): Point {
  const w = h[6] * p.x + h[7] * p.y + h[8];
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / w, y: (h[3] * p.x + h[4] * p.y + h[5]) / w };
}

export function multiply(a: Mat3, b: Mat3): Mat3 {
  const r: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      r.push(a[i * 3]! * b[j]! + a[i * 3 + 1]! * b[3 + j]! + a[i * 3 + 2]! * b[6 + j]!);
    }
  }
  return r as unknown as Mat3;
}

export function invert(m: Mat3): Mat3 | null {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
  const s = 1 / det;
  return [
    A * s,
    -(b * i - c * h) * s,
    (b * f - c * e) * s,
    B * s,
    (a * i - c * g) * s,
    -(a * f - c * d) * s,
    C * s,
    -(a * h - b * g) * s,
    (a * e - b * d) * s,
  ];
}

/** Similarity that moves the centroid to 0 and the mean distance to √2 (Hartley normalisation). */
function normaliser(points: readonly Point[]): Mat3 {
  let cx = 0;
  let cy = 0;
  for (const p of points) {
    cx += p.x;
    cy += p.y;
  }
  cx /= points.length;
  cy /= points.length;
  let d = 0;
  for (const p of points) d += Math.hypot(p.x - cx, p.y - cy);
  const s = d > 0 ? (Math.SQRT2 * points.length) / d : 1;
  return [s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1];
}

/** Solves the n×n system in place by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[piv]![col]!)) piv = r;
    if (Math.abs(a[piv]![col]!) < 1e-12) return null;
    [a[col], a[piv]] = [a[piv]!, a[col]!];
    [b[col], b[piv]] = [b[piv]!, b[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = a[r]![col]! / a[col]![col]!;
      if (f === 0) continue;
      for (let k = col; k < n; k++) a[r]![k]! -= f * a[col]![k]!;
      b[r]! -= f * b[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= a[r]![k]! * x[k]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}

/**
 * Homography mapping src[i] → dst[i]: exact for 4 pairs, least squares (h33 = 1) for more.
 * Returns null for degenerate input.
 */
export function estimateHomography(src: readonly Point[], dst: readonly Point[]): Mat3 | null {
  if (src.length !== dst.length || src.length < 4) return null;
  const ns = normaliser(src);
  const nd = normaliser(dst);
  const ata = Array.from({ length: 8 }, () => new Array<number>(8).fill(0));
  const atb = new Array<number>(8).fill(0);
  for (let i = 0; i < src.length; i++) {
    const p = applyHomography(ns, src[i]!);
    const q = applyHomography(nd, dst[i]!);
    const rows: [number[], number][] = [
      [[p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x], q.x],
      [[0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y], q.y],
    ];
    for (const [row, rhs] of rows) {
      for (let r = 0; r < 8; r++) {
        if (row[r] === 0) continue;
        for (let c = 0; c < 8; c++) ata[r]![c]! += row[r]! * row[c]!;
        atb[r]! += row[r]! * rhs;
      }
    }
  }
  const h = solve(ata, atb);
  if (!h || h.some((v) => !Number.isFinite(v))) return null;
  const hn: Mat3 = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
  const ndInv = invert(nd);
  if (!ndInv) return null;
  const full = multiply(ndInv, multiply(hn, ns));
  const s = full[8];
  if (Math.abs(s) < 1e-12) return null;
  return full.map((v) => v / s) as unknown as Mat3;
}
