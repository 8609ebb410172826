// Frame preprocessing shared by compile and match: colour → luma, resizing to the working scale.
import { lumaBytes, resizeBoxBytes, type BoxShrink, type BoxTaps } from './pixel-kernels.js';

export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Luma (BT.601, integer arithmetic so Node and browser agree bit for bit) from RGB or RGBA. */
export function toGray(
  data: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  channels: 3 | 4,
): GrayImage {
  const n = width * height;
  if (data.length < n * channels)
    throw new Error(
      `image data holds ${data.length} bytes, expected ${n * channels} for ${width}×${height}`,
    );
  const pixels = data.length === n * channels ? data : data.subarray(0, n * channels);
  return { width, height, data: lumaBytes(pixels, channels) };
}

/** Box-filter taps (source index, normalised weight) of each output sample when shrinking n → m. */
function boxTaps(n: number, m: number): BoxTaps {
  const step = n / m;
  const start = new Int32Array(m + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let o = 0; o < m; o++) {
    const a = o * step;
    const b = Math.min(a + step, n);
    start[o] = index.length;
    for (let i = Math.floor(a); i < Math.min(Math.ceil(b), n); i++) {
      index.push(i);
      weight.push((Math.min(i + 1, b) - Math.max(i, a)) / (b - a));
    }
  }
  start[m] = index.length;
  return { start, index: Int32Array.from(index), weight: Float32Array.from(weight) };
}

/** The last shrink's taps: a camera's frames all share one size, so each frame reuses them. */
let lastShrink: { key: string; shrink: BoxShrink } | null = null;

/** The taps of a box shrink from sw × sh to w × h (each no larger than its source side). */
export function shrinkTaps(sw: number, sh: number, w: number, h: number): BoxShrink {
  const key = `${sw} ${sh} ${w} ${h}`;
  if (lastShrink?.key !== key)
    lastShrink = { key, shrink: { w, h, cols: boxTaps(sw, w), rows: boxTaps(sh, h) } };
  return lastShrink.shrink;
}

/**
 * Resize by box averaging when shrinking (no aliasing) and bilinear interpolation when enlarging.
 * Deterministic integer output.
 */
export function resizeGray(src: GrayImage, width: number, height: number): GrayImage {
  const sx = src.width / width;
  const sy = src.height / height;
  if (sx >= 1 && sy >= 1) {
    // Separable: columns into a float buffer, then whole rows accumulated (WebAssembly kernel).
    const shrink = shrinkTaps(src.width, src.height, width, height);
    const data = resizeBoxBytes(src.data, src.width, src.height, shrink);
    return { width, height, data };
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), src.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, src.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), src.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, src.width - 1);
      const wx = fx - x0;
      const top = src.data[y0 * src.width + x0]! * (1 - wx) + src.data[y0 * src.width + x1]! * wx;
      const bot = src.data[y1 * src.width + x0]! * (1 - wx) + src.data[y1 * src.width + x1]! * wx;
      out[y * width + x] = Math.round(top * (1 - wy) + bot * wy);
    }
  }
  return { width, height, data: out };
}

/** Scale that fits an image inside maxSide × maxSide without enlarging it. */
export function fitScale(width: number, height: number, maxSide: number): number {
  return Math.min(1, maxSide / Math.max(width, height));
}
