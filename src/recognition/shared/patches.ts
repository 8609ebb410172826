// Oriented keypoint patches for the learned descriptor: the grid is the training script's
// (models/training/train_patch_descriptor.py) — 32×32 points over a side of 1.25 × keypoint size,
// rotated by the keypoint angle, bilinear from a 2×2-mean pyramid level chosen by the sampling
// step. The network's first steps (standardise each patch, average 2×2 blocks) run here too, on
// half the grid's points, so the shipped network takes 16×16 standardised patches
// (models/training/trim_descriptor_input.py).
import type { GrayImage } from './preprocess.js';

/** Samples per side of a patch's grid (the trained network's input side). */
export const SAMPLE_GRID = 32;
/** Side of the patches the shipped network takes: 2×2 means of the grid. */
export const PATCH_SIZE = SAMPLE_GRID / 2;
const SIDE_PER_SIZE = 1.25;
const MAX_LEVEL = 3;
/** The trained network's standardisation: (x − mean) / (sqrt(variance + 0.001) + 4). */
const VARIANCE_EPSILON = 0.001;
const DEVIATION_OFFSET = 4;

export interface Keypoint {
  x: number;
  y: number;
  /** Orientation in degrees, image coordinates (as OpenCV reports it). */
  angle: number;
  /** Diameter of the keypoint's support region in pixels (as OpenCV reports it). */
  size: number;
}

export interface FloatLevel {
  width: number;
  height: number;
  data: Float32Array;
}

/**
 * Level 0 is the image itself; each next level averages 2×2 blocks (odd edges dropped). Levels of
 * `reuse` (a pyramid no longer needed) whose size fits are overwritten instead of allocated.
 */
export function buildPyramid(
  img: GrayImage,
  levels = MAX_LEVEL + 1,
  reuse: readonly FloatLevel[] = [],
): FloatLevel[] {
  const buffer = (l: number, w: number, h: number) => {
    const old = reuse[l];
    return old && old.width === w && old.height === h ? old.data : new Float32Array(w * h);
  };
  const base = buffer(0, img.width, img.height);
  base.set(img.data);
  const out: FloatLevel[] = [{ width: img.width, height: img.height, data: base }];
  for (let l = 1; l < levels; l++) {
    const p = out[l - 1]!;
    const w = p.width >> 1;
    const h = p.height >> 1;
    const d = buffer(l, w, h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = 2 * y * p.width + 2 * x;
        d[y * w + x] =
          (p.data[i]! + p.data[i + 1]! + p.data[i + p.width]! + p.data[i + p.width + 1]!) / 4;
      }
    }
    out.push({ width: w, height: h, data: d });
  }
  return out;
}

/** Where a keypoint's grid lies on its pyramid level: origin and steps along a row (u) and down (v). */
interface GridPlacement {
  level: FloatLevel;
  ox: number;
  oy: number;
  dux: number;
  duy: number;
  dvx: number;
  dvy: number;
}

function placeGrid(pyramid: readonly FloatLevel[], k: Keypoint): GridPlacement {
  const half = (SAMPLE_GRID - 1) / 2;
  const step = (SIDE_PER_SIZE * k.size) / SAMPLE_GRID;
  const index = Math.min(
    MAX_LEVEL,
    pyramid.length - 1,
    Math.max(0, Math.floor(Math.log2(Math.max(step, 1e-6)))),
  );
  const sc = 2 ** index;
  const t = (k.angle * Math.PI) / 180;
  // Sampling grid in level coordinates: origin at (j, i) = (0, 0), steps along j and i.
  const dux = (Math.cos(t) * step) / sc;
  const duy = (Math.sin(t) * step) / sc;
  const dvx = -duy;
  const dvy = dux;
  return {
    level: pyramid[index]!,
    ox: (k.x + 0.5) / sc - 0.5 - half * (dux + dvx),
    oy: (k.y + 0.5) / sc - 0.5 - half * (duy + dvy),
    dux,
    duy,
    dvx,
    dvy,
  };
}

/**
 * Bilinear sample at (x, y) of a level's `data` (row width `w`), clamped to [0, maxX] × [0, maxY],
 * rounded to float32 as the trained network's input was.
 */
function sampleAt(d: Float32Array, w: number, maxX: number, maxY: number, x: number, y: number) {
  const cx = x < 0 ? 0 : x > maxX ? maxX : x;
  const cy = y < 0 ? 0 : y > maxY ? maxY : y;
  const x0 = cx | 0;
  const y0 = cy | 0;
  const fx = cx - x0;
  const fy = cy - y0;
  const r0 = y0 * w + x0;
  const r1 = r0 + w;
  return Math.fround(
    (d[r0]! * (1 - fx) + d[r0 + 1]! * fx) * (1 - fy) + (d[r1]! * (1 - fx) + d[r1 + 1]! * fx) * fy,
  );
}

/** Each keypoint's SAMPLE_GRID² grid of raw grey levels, row by row, into `out` (N × 32 × 32). */
export function samplePatches(
  pyramid: readonly FloatLevel[],
  keypoints: readonly Keypoint[],
  out = new Float32Array(keypoints.length * SAMPLE_GRID * SAMPLE_GRID),
): Float32Array {
  let o = 0;
  for (const k of keypoints) {
    const { level, ox, oy, dux, duy, dvx, dvy } = placeGrid(pyramid, k);
    const [d, w, maxX, maxY] = [level.data, level.width, level.width - 1.001, level.height - 1.001];
    for (let i = 0; i < SAMPLE_GRID; i++) {
      for (let j = 0; j < SAMPLE_GRID; j++) {
        out[o++] = sampleAt(d, w, maxX, maxY, ox + j * dux + i * dvx, oy + j * duy + i * dvy);
      }
    }
  }
  return out;
}

/**
 * The network input for each keypoint, N × PATCH_SIZE² values into `out`: the trained network's
 * first steps (standardise the grid by its own mean and deviation, average its 2×2 blocks) on two
 * samples of each block, its diagonal (grid points (2r, 2c) and (2r + 1, 2c + 1)), weighted as the
 * four: half the bilinear samples of the whole grid. Against the whole grid the network keeps
 * 96.6 % of its descriptor signs (9.8 M bits of bench frames); bench and held-out accuracy hold,
 * with as many false accepts, one of them on another frame (src/recognition/README.md, ninth
 * session).
 */
export function extractPatches(
  pyramid: readonly FloatLevel[],
  keypoints: readonly Keypoint[],
  out = new Float32Array(keypoints.length * PATCH_SIZE * PATCH_SIZE),
): Float32Array {
  for (let idx = 0; idx < keypoints.length; idx++) {
    const { level, ox, oy, dux, duy, dvx, dvy } = placeGrid(pyramid, keypoints[idx]!);
    const [d, w, maxX, maxY] = [level.data, level.width, level.width - 1.001, level.height - 1.001];
    const at = idx * PATCH_SIZE * PATCH_SIZE;
    let sum = 0;
    let squares = 0;
    for (let r = 0, o = at; r < PATCH_SIZE; r++) {
      for (let c = 0; c < PATCH_SIZE; c++) {
        const x = ox + 2 * c * dux + 2 * r * dvx;
        const y = oy + 2 * c * duy + 2 * r * dvy;
        const a = sampleAt(d, w, maxX, maxY, x, y);
        const f = sampleAt(d, w, maxX, maxY, x + dux + dvx, y + duy + dvy);
        const block = 2 * (a + f);
        sum += block;
        squares += 2 * (a * a + f * f);
        out[o++] = block;
      }
    }
    standardizeBlocks(out, at, sum, squares);
  }
  return out;
}

/**
 * The network input of one whole raw grid (SAMPLE_GRID² grey levels, row by row), all four points
 * of each block, as the trained graph computed it: PATCH_SIZE² values at `out[at…]`.
 */
export function gridInput(grid: Float32Array, out: Float32Array, at: number): void {
  let sum = 0;
  let squares = 0;
  out.fill(0, at, at + PATCH_SIZE * PATCH_SIZE);
  grid.forEach((v, i) => {
    sum += v;
    squares += v * v;
    const block = at + ((i / SAMPLE_GRID) >> 1) * PATCH_SIZE + ((i % SAMPLE_GRID) >> 1);
    out[block] = out[block]! + v;
  });
  standardizeBlocks(out, at, sum, squares);
}

/**
 * Turns the PATCH_SIZE² 2×2-block sums of one grid, at `out[at…]`, into the network input: block
 * means standardised by the whole grid's mean and deviation, as (x − mean) / (sqrt(var + 0.001) + 4).
 * `sum` and `squares` are the grid's sum and sum of squares (or estimates of them, scaled to its
 * SAMPLE_GRID² samples).
 */
function standardizeBlocks(out: Float32Array, at: number, sum: number, squares: number) {
  const n = SAMPLE_GRID * SAMPLE_GRID;
  const mean = sum / n;
  const variance = Math.max(0, squares / n - mean * mean);
  const scale = 0.25 / (Math.sqrt(variance + VARIANCE_EPSILON) + DEVIATION_OFFSET);
  const shift = 4 * mean;
  for (let i = at; i < at + PATCH_SIZE * PATCH_SIZE; i++) out[i] = (out[i]! - shift) * scale;
}

/** Packs the signs of float descriptors (N × dim) into N × dim/8 bytes for Hamming matching. */
export function binarize(desc: Float32Array, dim: number): Uint8Array {
  if (dim % 8 !== 0 || desc.length % dim !== 0)
    throw new Error(`cannot pack ${desc.length} values as descriptors of ${dim} bits`);
  // Row r's bit b is bit (r·dim + b) of the output, dim being a multiple of 8. Byte by byte and
  // without branches: the signs are random, so a branch per bit would mispredict half the time.
  const out = new Uint8Array(desc.length >> 3);
  for (let o = 0, i = 0; o < out.length; o++, i += 8) {
    let v = 0;
    for (let b = 0; b < 8; b++) v |= (desc[i + b]! > 0 ? 1 : 0) << b;
    out[o] = v;
  }
  return out;
}
