// Frame preprocessing shared by compile and match: colour → luma, resizing to the working scale.

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
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += channels) {
    out[i] = (77 * data[j]! + 150 * data[j + 1]! + 29 * data[j + 2]! + 128) >> 8;
  }
  return { width, height, data: out };
}

/**
 * Resize by box averaging when shrinking (no aliasing) and bilinear interpolation when enlarging.
 * Deterministic integer output.
 */
export function resizeGray(src: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const sx = src.width / width;
  const sy = src.height / height;
  if (sx >= 1 && sy >= 1) {
    for (let y = 0; y < height; y++) {
      const y0 = y * sy;
      const y1 = y0 + sy;
      for (let x = 0; x < width; x++) {
        const x0 = x * sx;
        const x1 = x0 + sx;
        let sum = 0;
        let wsum = 0;
        for (let yy = Math.floor(y0); yy < Math.min(Math.ceil(y1), src.height); yy++) {
          const wy = Math.min(yy + 1, y1) - Math.max(yy, y0);
          const row = yy * src.width;
          for (let xx = Math.floor(x0); xx < Math.min(Math.ceil(x1), src.width); xx++) {
            const w = wy * (Math.min(xx + 1, x1) - Math.max(xx, x0));
            sum += w * src.data[row + xx]!;
            wsum += w;
          }
        }
        out[y * width + x] = Math.round(sum / wsum);
      }
    }
    return { width, height, data: out };
  }
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
