// Pixel kernels of the recognition engine in AssemblyScript, compiled to one small WebAssembly
// module (src/tools/build-kernels.mjs → src/recognition/shared/pixel-kernels-wasm.ts) that Node and
// the browser run alike. Each kernel computes exactly what the plain TypeScript it replaced computed
// — same integer and float64 operations in the same order, float32 where that code stored float32 —
// so keypoints, working images and patches keep their bits (test/unit/recognition/pixel-kernels.test.ts
// checks them against reference implementations). Memory is managed by the caller: every pointer
// is an offset into the exported memory (src/recognition/shared/pixel-kernels.ts).

/** Where the caller's memory begins (after this module's static data). */
export function heapBase(): usize {
  return __heap_base;
}

let arc9: usize = 0;

/** Fills ARC9 at `table` (65,536 bytes): 1 when a 16-bit circle mask holds 9 contiguous set bits. */
export function initArc9(table: usize): void {
  arc9 = table;
  for (let m: i32 = 0; m < 65536; m++) {
    const doubled = m | (m << 16);
    let run = 0;
    for (let k = 0; k < 25 && run < 9; k++) run = (doubled >> k) & 1 ? run + 1 : 0;
    store<u8>(table + <usize>m, run >= 9 ? 1 : 0);
  }
}

function px(p: usize): i32 {
  return <i32>load<u8>(p);
}

/**
 * FAST-9 corners of a grey image (threshold t, 16-px border), the strongest per cell × cell block:
 * `bestIndex` (i32 per cell) receives the pixel index or −1, `bestScore` (f32 per cell) its summed
 * contrast beyond t. The opposite-pair pre-test runs on 16 pixels at once (SIMD).
 */
export function fastCells(
  img: usize,
  w: i32,
  h: i32,
  t: i32,
  cell: i32,
  bestScore: usize,
  bestIndex: usize,
): void {
  const cols = (w + cell - 1) / cell;
  const cells = cols * ((h + cell - 1) / cell);
  for (let k = 0; k < cells; k++) {
    store<f32>(bestScore + ((<usize>k) << 2), 0);
    store<i32>(bestIndex + ((<usize>k) << 2), -1);
  }
  const o0: isize = -3 * w;
  const o1: isize = -3 * w + 1;
  const o2: isize = -2 * w + 2;
  const o3: isize = -w + 3;
  const o4: isize = 3;
  const o5: isize = w + 3;
  const o6: isize = 2 * w + 2;
  const o7: isize = 3 * w + 1;
  const o8: isize = 3 * w;
  const o9: isize = 3 * w - 1;
  const o10: isize = 2 * w - 2;
  const o11: isize = w - 3;
  const o12: isize = -3;
  const o13: isize = -w - 3;
  const o14: isize = -2 * w - 2;
  const o15: isize = -3 * w - 1;
  const tv = i8x16.splat(<i8>t);
  const xEnd = w - 16;
  for (let y = 16; y < h - 16; y++) {
    const rowCell = (y / cell) * cols;
    for (let x0 = 16; x0 < xEnd; x0 += 16) {
      const p0: usize = img + <usize>(y * w + x0);
      const cv = v128.load(p0);
      const hv = i8x16.add_sat_u(cv, tv);
      const lv = i8x16.sub_sat_u(cv, tv);
      let bv = i8x16.splat(-1);
      let dv = i8x16.splat(-1);
      {
        const va = v128.load(p0 + o0);
        const vb = v128.load(p0 + o8);
        bv = v128.and(bv, v128.or(i8x16.gt_u(va, hv), i8x16.gt_u(vb, hv)));
        dv = v128.and(dv, v128.or(i8x16.lt_u(va, lv), i8x16.lt_u(vb, lv)));
      }
      if (!v128.any_true(v128.or(bv, dv))) continue;
      {
        const va = v128.load(p0 + o4);
        const vb = v128.load(p0 + o12);
        bv = v128.and(bv, v128.or(i8x16.gt_u(va, hv), i8x16.gt_u(vb, hv)));
        dv = v128.and(dv, v128.or(i8x16.lt_u(va, lv), i8x16.lt_u(vb, lv)));
      }
      if (!v128.any_true(v128.or(bv, dv))) continue;
      {
        const va = v128.load(p0 + o2);
        const vb = v128.load(p0 + o10);
        bv = v128.and(bv, v128.or(i8x16.gt_u(va, hv), i8x16.gt_u(vb, hv)));
        dv = v128.and(dv, v128.or(i8x16.lt_u(va, lv), i8x16.lt_u(vb, lv)));
      }
      {
        const va = v128.load(p0 + o6);
        const vb = v128.load(p0 + o14);
        bv = v128.and(bv, v128.or(i8x16.gt_u(va, hv), i8x16.gt_u(vb, hv)));
        dv = v128.and(dv, v128.or(i8x16.lt_u(va, lv), i8x16.lt_u(vb, lv)));
      }
      {
        const va = v128.load(p0 + o1);
        const vb = v128.load(p0 + o9);
        bv = v128.and(bv, v128.or(i8x16.gt_u(va, hv), i8x16.gt_u(vb, hv)));
        dv = v128.and(dv, v128.or(i8x16.lt_u(va, lv), i8x16.lt_u(vb, lv)));
      }
      {
        const va = v128.load(p0 + o3);
        const vb = v128.load(p0 + o11);
        bv = v128.and(bv, v128.or(i8x16.gt_u(va, hv), i8x16.gt_u(vb, hv)));
        dv = v128.and(dv, v128.or(i8x16.lt_u(va, lv), i8x16.lt_u(vb, lv)));
      }
      {
        const va = v128.load(p0 + o5);
        const vb = v128.load(p0 + o13);
        bv = v128.and(bv, v128.or(i8x16.gt_u(va, hv), i8x16.gt_u(vb, hv)));
        dv = v128.and(dv, v128.or(i8x16.lt_u(va, lv), i8x16.lt_u(vb, lv)));
      }
      {
        const va = v128.load(p0 + o7);
        const vb = v128.load(p0 + o15);
        bv = v128.and(bv, v128.or(i8x16.gt_u(va, hv), i8x16.gt_u(vb, hv)));
        dv = v128.and(dv, v128.or(i8x16.lt_u(va, lv), i8x16.lt_u(vb, lv)));
      }
      let mask = i8x16.bitmask(v128.or(bv, dv));
      if (xEnd - x0 < 16) mask &= (1 << (xEnd - x0)) - 1;
      while (mask != 0) {
        const lane = ctz(mask);
        mask &= mask - 1;
        const p: usize = p0 + <usize>lane;
        const c = px(p);
        const hi = c + t;
        const lo = c - t;
        let bright = 0;
        let dark = 0;
        let score = 0;
        const a0 = px(p + o0);
        if (a0 > hi) {
          bright |= 1;
          score += a0 - hi;
        } else if (a0 < lo) {
          dark |= 1;
          score += lo - a0;
        }
        const a1 = px(p + o1);
        if (a1 > hi) {
          bright |= 2;
          score += a1 - hi;
        } else if (a1 < lo) {
          dark |= 2;
          score += lo - a1;
        }
        const a2 = px(p + o2);
        if (a2 > hi) {
          bright |= 4;
          score += a2 - hi;
        } else if (a2 < lo) {
          dark |= 4;
          score += lo - a2;
        }
        const a3 = px(p + o3);
        if (a3 > hi) {
          bright |= 8;
          score += a3 - hi;
        } else if (a3 < lo) {
          dark |= 8;
          score += lo - a3;
        }
        const a4 = px(p + o4);
        if (a4 > hi) {
          bright |= 16;
          score += a4 - hi;
        } else if (a4 < lo) {
          dark |= 16;
          score += lo - a4;
        }
        const a5 = px(p + o5);
        if (a5 > hi) {
          bright |= 32;
          score += a5 - hi;
        } else if (a5 < lo) {
          dark |= 32;
          score += lo - a5;
        }
        const a6 = px(p + o6);
        if (a6 > hi) {
          bright |= 64;
          score += a6 - hi;
        } else if (a6 < lo) {
          dark |= 64;
          score += lo - a6;
        }
        const a7 = px(p + o7);
        if (a7 > hi) {
          bright |= 128;
          score += a7 - hi;
        } else if (a7 < lo) {
          dark |= 128;
          score += lo - a7;
        }
        const a8 = px(p + o8);
        if (a8 > hi) {
          bright |= 256;
          score += a8 - hi;
        } else if (a8 < lo) {
          dark |= 256;
          score += lo - a8;
        }
        const a9 = px(p + o9);
        if (a9 > hi) {
          bright |= 512;
          score += a9 - hi;
        } else if (a9 < lo) {
          dark |= 512;
          score += lo - a9;
        }
        const a10 = px(p + o10);
        if (a10 > hi) {
          bright |= 1024;
          score += a10 - hi;
        } else if (a10 < lo) {
          dark |= 1024;
          score += lo - a10;
        }
        const a11 = px(p + o11);
        if (a11 > hi) {
          bright |= 2048;
          score += a11 - hi;
        } else if (a11 < lo) {
          dark |= 2048;
          score += lo - a11;
        }
        const a12 = px(p + o12);
        if (a12 > hi) {
          bright |= 4096;
          score += a12 - hi;
        } else if (a12 < lo) {
          dark |= 4096;
          score += lo - a12;
        }
        const a13 = px(p + o13);
        if (a13 > hi) {
          bright |= 8192;
          score += a13 - hi;
        } else if (a13 < lo) {
          dark |= 8192;
          score += lo - a13;
        }
        const a14 = px(p + o14);
        if (a14 > hi) {
          bright |= 16384;
          score += a14 - hi;
        } else if (a14 < lo) {
          dark |= 16384;
          score += lo - a14;
        }
        const a15 = px(p + o15);
        if (a15 > hi) {
          bright |= 32768;
          score += a15 - hi;
        } else if (a15 < lo) {
          dark |= 32768;
          score += lo - a15;
        }
        if (load<u8>(arc9 + <usize>bright) == 0 && load<u8>(arc9 + <usize>dark) == 0) continue;
        const at = bestScore + ((<usize>(rowCell + (x0 + lane) / cell)) << 2);
        if (<f32>score > load<f32>(at)) {
          store<f32>(at, <f32>score);
          store<i32>(at - bestScore + bestIndex, y * w + x0 + lane);
        }
      }
    }
  }
}

/**
 * Bilinear downscale of a grey image (pyramid levels of the detector). `cols` is scratch for the
 * column taps: w × i32 then w × f64.
 */
export function downscaleBilinear(
  src: usize,
  sw: i32,
  sh: i32,
  dst: usize,
  w: i32,
  h: i32,
  cols: usize,
): void {
  const sx = <f64>sw / <f64>w;
  const sy = <f64>sh / <f64>h;
  const weights = cols + ((<usize>w) << 2);
  for (let x = 0; x < w; x++) {
    const fx = min(max((<f64>x + 0.5) * sx - 0.5, 0), <f64>sw - 1.001);
    const x0 = floor(fx);
    store<i32>(cols + ((<usize>x) << 2), <i32>x0);
    store<f64>(weights + ((<usize>x) << 3), fx - x0);
  }
  for (let y = 0; y < h; y++) {
    const fy = min(max((<f64>y + 0.5) * sy - 0.5, 0), <f64>sh - 1.001);
    const y0 = floor(fy);
    const wy = fy - y0;
    const row = src + <usize>(<i32>y0 * sw);
    const out = dst + <usize>(y * w);
    for (let x = 0; x < w; x++) {
      const wx = load<f64>(weights + ((<usize>x) << 3));
      const i = row + <usize>load<i32>(cols + ((<usize>x) << 2));
      const a = px(i);
      const b = px(i + <usize>sw);
      const top = <f64>a + <f64>(px(i + 1) - a) * wx;
      const bottom = <f64>b + <f64>(px(i + <usize>sw + 1) - b) * wx;
      store<u8>(out + <usize>x, <i32>(top + (bottom - top) * wy + 0.5));
    }
  }
}

/** BT.601 luma (integer) of `n` pixels with `channels` bytes each. */
export function luma(src: usize, n: i32, channels: i32, dst: usize): void {
  for (let i = 0; i < n; i++) {
    const p = src + <usize>(i * channels);
    store<u8>(dst + <usize>i, (77 * px(p) + 150 * px(p + 1) + 29 * px(p + 2) + 128) >> 8);
  }
}

/**
 * Separable box shrink with precomputed taps (start i32[m+1], index i32, weight f32 per axis):
 * columns into float32 `tmp` (src height × w), then rows accumulated in float64 `acc` (w).
 */
export function resizeBox(
  src: usize,
  sw: i32,
  sh: i32,
  dst: usize,
  w: i32,
  h: i32,
  cs: usize,
  ci: usize,
  cw: usize,
  rs: usize,
  ri: usize,
  rw: usize,
  tmp: usize,
  acc: usize,
): void {
  for (let y = 0; y < sh; y++) {
    const row = src + <usize>(y * sw);
    const outRow = tmp + ((<usize>(y * w)) << 2);
    for (let x = 0; x < w; x++) {
      let sum: f64 = 0;
      const end = load<i32>(cs + ((<usize>(x + 1)) << 2));
      for (let k = load<i32>(cs + ((<usize>x) << 2)); k < end; k++) {
        const kk = (<usize>k) << 2;
        sum += <f64>load<f32>(cw + kk) * <f64>px(row + <usize>load<i32>(ci + kk));
      }
      store<f32>(outRow + ((<usize>x) << 2), <f32>sum);
    }
  }
  for (let y = 0; y < h; y++) {
    memory.fill(acc, 0, (<usize>w) << 3);
    const end = load<i32>(rs + ((<usize>(y + 1)) << 2));
    for (let k = load<i32>(rs + ((<usize>y) << 2)); k < end; k++) {
      const kk = (<usize>k) << 2;
      const wk = <f64>load<f32>(rw + kk);
      const base = tmp + ((<usize>(load<i32>(ri + kk) * w)) << 2);
      for (let x = 0; x < w; x++) {
        const a = acc + ((<usize>x) << 3);
        store<f64>(a, load<f64>(a) + wk * <f64>load<f32>(base + ((<usize>x) << 2)));
      }
    }
    const outRow = dst + <usize>(y * w);
    for (let x = 0; x < w; x++)
      store<u8>(outRow + <usize>x, <i32>(load<f64>(acc + ((<usize>x) << 3)) + 0.5));
  }
}

/** Grey-level histogram (u32 × 256) of `n` pixels. */
export function histogram(src: usize, n: i32, hist: usize): void {
  memory.fill(hist, 0, 1024);
  for (let i = 0; i < n; i++) {
    const at = hist + ((<usize>px(src + <usize>i)) << 2);
    store<u32>(at, load<u32>(at) + 1);
  }
}

/** dst[i] = lut[src[i]] for `n` pixels. */
export function applyLut(src: usize, n: i32, lut: usize, dst: usize): void {
  for (let i = 0; i < n; i++) store<u8>(dst + <usize>i, load<u8>(lut + <usize>px(src + <usize>i)));
}

/**
 * Harris response (float64, k = 0.04, 7×7 window, central differences) at `n` pixel indices (i32)
 * of a grey image of width w.
 */
export function harrisAt(img: usize, w: i32, idx: usize, n: i32, out: usize): void {
  const stride = <usize>w;
  for (let q = 0; q < n; q++) {
    const centre = img + <usize>load<i32>(idx + ((<usize>q) << 2));
    let a = 0;
    let b = 0;
    let c = 0;
    for (let dy = -3; dy <= 3; dy++) {
      const row = centre + <usize>(dy * w);
      for (let dx = -3; dx <= 3; dx++) {
        const p = row + <usize>dx;
        const ix = px(p + 1) - px(p - 1);
        const iy = px(p + stride) - px(p - stride);
        a += ix * ix;
        b += iy * iy;
        c += ix * iy;
      }
    }
    const fa = <f64>a;
    const fb = <f64>b;
    const fc = <f64>c;
    store<f64>(out + ((<usize>q) << 3), fa * fb - fc * fc - 0.04 * (fa + fb) * (fa + fb));
  }
}

/** Intensity moments (m10, m01 as i32 pairs) over a disc of radius 15 at `n` pixel indices. */
export function discMoments(img: usize, w: i32, idx: usize, n: i32, out: usize): void {
  for (let q = 0; q < n; q++) {
    const centre = img + <usize>load<i32>(idx + ((<usize>q) << 2));
    let m01 = 0;
    let m10 = 0;
    for (let dy = -15; dy <= 15; dy++) {
      const span = <i32>floor(sqrt(<f64>(225 - dy * dy)));
      const row = centre + <usize>(dy * w);
      let sum = 0;
      for (let dx = -span; dx <= span; dx++) {
        const v = px(row + <usize>dx);
        m10 += dx * v;
        sum += v;
      }
      m01 += dy * sum;
    }
    store<i32>(out + ((<usize>q) << 3), m10);
    store<i32>(out + ((<usize>q) << 3) + 4, m01);
  }
}
