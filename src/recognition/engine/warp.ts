// Synthetic camera views of a reference (perspective warp onto a grey canvas or a scene) for the
// compile-time recognisability check.
import type { Mat3, Point } from '../shared/homography.js';
import { estimateHomography, invert } from '../shared/homography.js';
import type { GrayImage } from '../shared/preprocess.js';
import { imageCorners } from '../shared/quad-check.js';

/** Homography placing the reference's corners at `corners` of the output. */
export function homographyToCorners(
  width: number,
  height: number,
  corners: readonly Point[],
): Mat3 | null {
  return estimateHomography(imageCorners(width, height), corners);
}

/**
 * Warps `src` by `h` (src → out) into an out-sized image, bilinear, over `background` (an image of
 * the output's size) or grey 128.
 */
export function warpGray(
  src: GrayImage,
  h: Mat3,
  width: number,
  height: number,
  background?: GrayImage,
): GrayImage | null {
  const inv = invert(h);
  if (!inv) return null;
  const out = background ? background.data.slice() : new Uint8Array(width * height).fill(128);
  const d = src.data;
  const sw = src.width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = inv[6] * x + inv[7] * y + inv[8];
      const sx = (inv[0] * x + inv[1] * y + inv[2]) / w;
      const sy = (inv[3] * x + inv[4] * y + inv[5]) / w;
      if (!(sx >= 0 && sy >= 0 && sx < src.width - 1 && sy < src.height - 1)) continue;
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * sw + x0;
      const top = d[i]! + (d[i + 1]! - d[i]!) * fx;
      const bottom = d[i + sw]! + (d[i + sw + 1]! - d[i + sw]!) * fx;
      out[y * width + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width, height, data: out };
}

/** Grey → RGBA (the matcher's input format). */
export function grayToRgba(g: GrayImage): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(g.width * g.height * 4);
  for (let i = 0; i < g.data.length; i++) {
    const v = g.data[i]!;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { width: g.width, height: g.height, data };
}
