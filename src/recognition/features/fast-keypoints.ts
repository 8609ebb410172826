// ORB-style keypoint detection in plain TypeScript (no OpenCV at run time): FAST-9 corners on a
// scale pyramid, the strongest per grid cell, ranked by Harris response, oriented by intensity
// centroid. Integer/float arithmetic only, so Node and browsers agree exactly.
import type { Keypoint } from '../shared/patches.js';
import type { GrayImage } from '../shared/preprocess.js';

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
// Bresenham circle of radius 3, clockwise from the top.
const CIRCLE: ReadonlyArray<readonly [number, number]> = [
  [0, -3],
  [1, -3],
  [2, -2],
  [3, -1],
  [3, 0],
  [3, 1],
  [2, 2],
  [1, 3],
  [0, 3],
  [-1, 3],
  [-2, 2],
  [-3, 1],
  [-3, 0],
  [-3, -1],
  [-2, -2],
  [-1, -3],
];

export interface Corner {
  x: number;
  y: number;
  score: number;
}

/** ARC9[mask] = 1 when the 16-bit circle mask has 9 contiguous set bits (cyclically). */
const ARC9 = (() => {
  const table = new Uint8Array(1 << 16);
  for (let m = 0; m < 1 << 16; m++) {
    const doubled = m | (m << 16);
    let run = 0;
    for (let k = 0; k < 25 && run < 9; k++) run = (doubled >> k) & 1 ? run + 1 : 0;
    table[m] = run >= 9 ? 1 : 0;
  }
  return table;
})();

/**
 * FAST-9 corners (9 contiguous circle pixels all brighter, or all darker, than the centre by `t`),
 * keeping the strongest per grid cell. Score: summed contrast of the circle beyond `t`.
 */
export function fastCornersPerCell(img: GrayImage, t: number, cell: number): Corner[] {
  const { width: w, height: h, data } = img;
  const off = Int32Array.from(CIRCLE, ([dx, dy]) => dy * w + dx);
  // OpenCV's FAST pre-test: tab[v − c + 255] is 1 when v is darker than c − t, 2 when brighter
  // than c + t. Every 9-arc of the circle holds one pixel of each opposite pair (k, k + 8), so a
  // corner needs a common bit across all eight pairs; most pixels fail after one or two pairs.
  const tab = new Uint8Array(511);
  for (let d = -255; d <= 255; d++) tab[d + 255] = d < -t ? 1 : d > t ? 2 : 0;
  const cols = Math.ceil(w / cell);
  const bestScore = new Float32Array(cols * Math.ceil(h / cell));
  const bestIndex = new Int32Array(bestScore.length).fill(-1);
  const [o0, o1, o2, o3, o4, o5, o6, o7] = [
    off[0]!,
    off[1]!,
    off[2]!,
    off[3]!,
    off[4]!,
    off[5]!,
    off[6]!,
    off[7]!,
  ];
  const [o8, o9, o10, o11, o12, o13, o14, o15] = [
    off[8]!,
    off[9]!,
    off[10]!,
    off[11]!,
    off[12]!,
    off[13]!,
    off[14]!,
    off[15]!,
  ];
  for (let y = BORDER; y < h - BORDER; y++) {
    const rowCell = Math.floor(y / cell) * cols;
    for (let x = BORDER; x < w - BORDER; x++) {
      const i = y * w + x;
      const c = data[i]!;
      const base = 255 - c;
      let d = tab[base + data[i + o0]!]! | tab[base + data[i + o8]!]!;
      if (d === 0) continue;
      d &= tab[base + data[i + o4]!]! | tab[base + data[i + o12]!]!;
      if (d === 0) continue;
      d &= tab[base + data[i + o2]!]! | tab[base + data[i + o10]!]!;
      d &= tab[base + data[i + o6]!]! | tab[base + data[i + o14]!]!;
      if (d === 0) continue;
      d &= tab[base + data[i + o1]!]! | tab[base + data[i + o9]!]!;
      d &= tab[base + data[i + o3]!]! | tab[base + data[i + o11]!]!;
      d &= tab[base + data[i + o5]!]! | tab[base + data[i + o13]!]!;
      d &= tab[base + data[i + o7]!]! | tab[base + data[i + o15]!]!;
      if (d === 0) continue;
      const hi = c + t;
      const lo = c - t;
      let brightMask = 0;
      let darkMask = 0;
      let score = 0;
      for (let k = 0; k < 16; k++) {
        const v = data[i + off[k]!]!;
        if (v > hi) {
          brightMask |= 1 << k;
          score += v - hi;
        } else if (v < lo) {
          darkMask |= 1 << k;
          score += lo - v;
        }
      }
      if (!ARC9[brightMask] && !ARC9[darkMask]) continue;
      const cellIndex = rowCell + Math.floor(x / cell);
      if (score > bestScore[cellIndex]!) {
        bestScore[cellIndex] = score;
        bestIndex[cellIndex] = i;
      }
    }
  }
  const corners: Corner[] = [];
  for (const i of bestIndex) if (i >= 0) corners.push({ x: i % w, y: Math.floor(i / w), score: 0 });
  return corners;
}

/** Harris corner response over a 7×7 window (ORB's ranking score). */
function harris(img: GrayImage, x: number, y: number): number {
  const { width: w, data } = img;
  let a = 0;
  let b = 0;
  let c = 0;
  for (let dy = -3; dy <= 3; dy++) {
    const row = (y + dy) * w;
    for (let dx = -3; dx <= 3; dx++) {
      const i = row + x + dx;
      const ix = data[i + 1]! - data[i - 1]!;
      const iy = data[i + w]! - data[i - w]!;
      a += ix * ix;
      b += iy * iy;
      c += ix * iy;
    }
  }
  return a * b - c * c - 0.04 * (a + b) * (a + b);
}

/** Orientation by the intensity centroid of a disc of radius 15 (degrees, image coordinates). */
function orientation(img: GrayImage, x: number, y: number): number {
  const { width: w, data } = img;
  let m01 = 0;
  let m10 = 0;
  for (let dy = -15; dy <= 15; dy++) {
    const span = Math.floor(Math.sqrt(225 - dy * dy));
    const row = (y + dy) * w + x;
    for (let dx = -span; dx <= span; dx++) {
      const v = data[row + dx]!;
      m10 += dx * v;
      m01 += dy * v;
    }
  }
  const deg = (Math.atan2(m01, m10) * 180) / Math.PI;
  return deg < 0 ? deg + 360 : deg;
}

/** Bilinear downscale for pyramid levels (scale steps ≤ 1.5 alias little for FAST). */
export function downscale(src: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const sx = src.width / width;
  const sy = src.height / height;
  const sw = src.width;
  const d = src.data;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), src.height - 1.001);
    const y0 = Math.floor(fy);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), src.width - 1.001);
      const x0 = Math.floor(fx);
      const wx = fx - x0;
      const i = y0 * sw + x0;
      const top = d[i]! + (d[i + 1]! - d[i]!) * wx;
      const bottom = d[i + sw]! + (d[i + sw + 1]! - d[i + sw]!) * wx;
      out[y * width + x] = (top + (bottom - top) * wy + 0.5) | 0;
    }
  }
  return { width, height, data: out };
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
    if (l > 0) level = downscale(level, w, h);
    const budget = Math.round((options.maxKeypoints * weights[l]!) / total);
    // About twice as many cells as the budget: coverage first, then Harris ranking.
    const cell = Math.max(6, Math.round(Math.sqrt((w * h) / (2 * Math.max(budget, 1)))));
    const corners = fastCornersPerCell(level, options.threshold, cell);
    for (const p of corners) p.score = harris(level, p.x, p.y);
    corners.sort((p, q) => q.score - p.score);
    for (const p of corners.slice(0, budget)) {
      keypoints.push({
        x: (p.x + 0.5) * (img.width / w) - 0.5,
        y: (p.y + 0.5) * (img.height / h) - 0.5,
        angle: orientation(level, p.x, p.y),
        size: options.patchSize * scale,
      });
    }
  }
  return keypoints;
}
