// Oriented keypoint patches for the learned descriptor: the sampling rule must match the training
// script (models/training/train_patch_descriptor.py) exactly — side 1.25 × keypoint size, rotated by
// the keypoint angle, bilinear from a 2×2-mean pyramid level chosen by the sampling step.
import type { GrayImage } from './preprocess.js';

export const PATCH_SIZE = 32;
const SIDE_PER_SIZE = 1.25;
const MAX_LEVEL = 3;

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

/** Level 0 is the image itself; each next level averages 2×2 blocks (odd edges dropped). */
export function buildPyramid(img: GrayImage, levels = MAX_LEVEL + 1): FloatLevel[] {
  const out: FloatLevel[] = [
    { width: img.width, height: img.height, data: Float32Array.from(img.data) },
  ];
  for (let l = 1; l < levels; l++) {
    const p = out[l - 1]!;
    const w = p.width >> 1;
    const h = p.height >> 1;
    const d = new Float32Array(w * h);
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

/** Writes one PATCH_SIZE² patch per keypoint into a new Float32Array (N × 32 × 32, raw grey levels). */
export function extractPatches(
  pyramid: readonly FloatLevel[],
  keypoints: readonly Keypoint[],
): Float32Array {
  const n = PATCH_SIZE * PATCH_SIZE;
  const out = new Float32Array(keypoints.length * n);
  const half = (PATCH_SIZE - 1) / 2;
  for (let idx = 0; idx < keypoints.length; idx++) {
    const k = keypoints[idx]!;
    const step = (SIDE_PER_SIZE * k.size) / PATCH_SIZE;
    const level = Math.min(
      MAX_LEVEL,
      pyramid.length - 1,
      Math.max(0, Math.floor(Math.log2(Math.max(step, 1e-6)))),
    );
    const im = pyramid[level]!;
    const sc = 2 ** level;
    const t = (k.angle * Math.PI) / 180;
    // Sampling grid in level coordinates: origin at (j, i) = (0, 0), steps along j and i.
    const dux = (Math.cos(t) * step) / sc;
    const duy = (Math.sin(t) * step) / sc;
    const dvx = -duy;
    const dvy = dux;
    const ox = (k.x + 0.5) / sc - 0.5 - half * (dux + dvx);
    const oy = (k.y + 0.5) / sc - 0.5 - half * (duy + dvy);
    const maxX = im.width - 1.001;
    const maxY = im.height - 1.001;
    const d = im.data;
    const iw = im.width;
    let o = idx * n;
    for (let i = 0; i < PATCH_SIZE; i++) {
      let lx = ox + i * dvx;
      let ly = oy + i * dvy;
      for (let j = 0; j < PATCH_SIZE; j++, lx += dux, ly += duy) {
        const cx = lx < 0 ? 0 : lx > maxX ? maxX : lx;
        const cy = ly < 0 ? 0 : ly > maxY ? maxY : ly;
        const x0 = cx | 0;
        const y0 = cy | 0;
        const fx = cx - x0;
        const fy = cy - y0;
        const r0 = y0 * iw + x0;
        const r1 = r0 + iw;
        out[o++] =
          (d[r0]! * (1 - fx) + d[r0 + 1]! * fx) * (1 - fy) +
          (d[r1]! * (1 - fx) + d[r1 + 1]! * fx) * fy;
      }
    }
  }
  return out;
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
