// Image resampling and grey-level kernels: luma, box shrink, bilinear downscale, histogram, LUT.
import { px } from './pixel';

/** Horizontal pass of one source row: h[x] = a + (b − a) · wx at each output column's taps. */
function horizontal(row: usize, w: i32, cols: usize, weights: usize, out: usize): void {
  for (let x = 0; x < w; x++) {
    const i = row + <usize>load<i32>(cols + ((<usize>x) << 2));
    const a = px(i);
    store<f64>(
      out + ((<usize>x) << 3),
      <f64>a + <f64>(px(i + 1) - a) * load<f64>(weights + ((<usize>x) << 3)),
    );
  }
}

/**
 * Bilinear downscale of a grey image (pyramid levels of the detector): each source row's
 * horizontal interpolation is computed once and kept while output rows use it; the vertical blend
 * runs two pixels at a time (float64 lanes, the same operations as one by one). `cols` is scratch:
 * w × i32 column taps, w × f64 weights, then two rows of w × f64.
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
  const weights = (cols + ((<usize>w) << 2) + 15) & ~15;
  let upper = weights + ((<usize>w) << 3);
  let lower = upper + ((<usize>w) << 3);
  for (let x = 0; x < w; x++) {
    const fx = min(max((<f64>x + 0.5) * sx - 0.5, 0), <f64>sw - 1.001);
    const x0 = floor(fx);
    store<i32>(cols + ((<usize>x) << 2), <i32>x0);
    store<f64>(weights + ((<usize>x) << 3), fx - x0);
  }
  let upperRow = -1;
  let lowerRow = -1;
  for (let y = 0; y < h; y++) {
    const fy = min(max((<f64>y + 0.5) * sy - 0.5, 0), <f64>sh - 1.001);
    const y0 = <i32>floor(fy);
    const wy = fy - <f64>y0;
    if (upperRow != y0) {
      if (lowerRow == y0) {
        const t = upper;
        upper = lower;
        lower = t;
      } else horizontal(src + <usize>(y0 * sw), w, cols, weights, upper);
      upperRow = y0;
      lowerRow = -1;
    }
    if (lowerRow != y0 + 1) {
      horizontal(src + <usize>((y0 + 1) * sw), w, cols, weights, lower);
      lowerRow = y0 + 1;
    }
    const out = dst + <usize>(y * w);
    const wy2 = f64x2.splat(wy);
    const half = f64x2.splat(0.5);
    let x = 0;
    for (; x + 2 <= w; x += 2) {
      const top = v128.load(upper + ((<usize>x) << 3));
      const bottom = v128.load(lower + ((<usize>x) << 3));
      const v = f64x2.add(f64x2.add(top, f64x2.mul(f64x2.sub(bottom, top), wy2)), half);
      const n = i32x4.trunc_sat_f64x2_s_zero(v);
      store<u8>(out + <usize>x, i32x4.extract_lane(n, 0));
      store<u8>(out + <usize>x + 1, i32x4.extract_lane(n, 1));
    }
    for (; x < w; x++) {
      const top = load<f64>(upper + ((<usize>x) << 3));
      const bottom = load<f64>(lower + ((<usize>x) << 3));
      store<u8>(out + <usize>x, <i32>(top + (bottom - top) * wy + 0.5));
    }
  }
}

/** Luma of 4 RGBA pixels (one v128) as i32 lanes. */
function luma4(v: v128): v128 {
  const mask = i32x4.splat(0xff);
  const r = v128.and(v, mask);
  const g = v128.and(i32x4.shr_u(v, 8), mask);
  const b = v128.and(i32x4.shr_u(v, 16), mask);
  const sum = i32x4.add(
    i32x4.add(i32x4.mul(r, i32x4.splat(77)), i32x4.mul(g, i32x4.splat(150))),
    i32x4.add(i32x4.mul(b, i32x4.splat(29)), i32x4.splat(128)),
  );
  return i32x4.shr_u(sum, 8);
}

/** BT.601 luma (integer) of `n` pixels with `channels` bytes each; RGBA 16 pixels at a time. */
export function luma(src: usize, n: i32, channels: i32, dst: usize): void {
  let i = 0;
  if (channels == 4) {
    for (; i + 16 <= n; i += 16) {
      const p = src + ((<usize>i) << 2);
      const low = i16x8.narrow_i32x4_u(luma4(v128.load(p)), luma4(v128.load(p, 16)));
      const high = i16x8.narrow_i32x4_u(luma4(v128.load(p, 32)), luma4(v128.load(p, 48)));
      v128.store(dst + <usize>i, i8x16.narrow_i16x8_u(low, high));
    }
  }
  for (; i < n; i++) {
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
      // Two columns per step in float64 lanes: the same multiply and add per column.
      const wk2 = f64x2.splat(wk);
      let x = 0;
      for (; x + 2 <= w; x += 2) {
        const a = acc + ((<usize>x) << 3);
        const t = f64x2.promote_low_f32x4(v128.load64_zero(base + ((<usize>x) << 2)));
        v128.store(a, f64x2.add(v128.load(a), f64x2.mul(wk2, t)));
      }
      for (; x < w; x++) {
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
