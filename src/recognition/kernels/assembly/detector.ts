// FAST-9 corners per cell (SIMD pre-test), Harris responses and disc moments: the detector's pixel
// work (src/recognition/features/fast-keypoints.ts ranks, budgets and orients).
import { px } from './pixel';

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

// Bresenham circle of radius 3 (dx, dy), clockwise from the top. Every 9-arc of it holds one pixel
// of each opposite pair (k, k + 8), which the pre-test uses.
const CIRCLE = memory.data<i8>([
  0, -3, 1, -3, 2, -2, 3, -1, 3, 0, 3, 1, 2, 2, 1, 3, 0, 3, -1, 3, -2, 2, -3, 1, -3, 0, -3, -1, -2,
  -2, -1, -3,
]);

/** Circle pixel k's offset from the centre (from the table fastCells fills). */
function offset(offsets: usize, k: i32): usize {
  return <usize>load<i32>(offsets + ((<usize>k) << 2));
}

/** Lanes whose circle pixel k or k + 8 is brighter than `hv`, and-ed into `acc`. */
function pairBright(acc: v128, p0: usize, offsets: usize, k: i32, hv: v128): v128 {
  const a = v128.load(p0 + offset(offsets, k));
  const b = v128.load(p0 + offset(offsets, k + 8));
  return v128.and(acc, v128.or(i8x16.gt_u(a, hv), i8x16.gt_u(b, hv)));
}

/** Lanes whose circle pixel k or k + 8 is darker than `lv`, and-ed into `acc`. */
function pairDark(acc: v128, p0: usize, offsets: usize, k: i32, lv: v128): v128 {
  const a = v128.load(p0 + offset(offsets, k));
  const b = v128.load(p0 + offset(offsets, k + 8));
  return v128.and(acc, v128.or(i8x16.lt_u(a, lv), i8x16.lt_u(b, lv)));
}

/**
 * FAST-9 corners of a grey image (threshold t, 16-px border), the strongest per cell × cell block:
 * `bestIndex` (i32 per cell) receives the pixel index or −1, `bestScore` (f32 per cell) its summed
 * contrast beyond t. The opposite-pair pre-test runs on 16 pixels at once (SIMD); `offsets` is
 * scratch for the circle's 16 pixel offsets (i32).
 */
export function fastCells(
  img: usize,
  w: i32,
  h: i32,
  t: i32,
  cell: i32,
  bestScore: usize,
  bestIndex: usize,
  offsets: usize,
): void {
  const cols = (w + cell - 1) / cell;
  const cells = cols * ((h + cell - 1) / cell);
  for (let k = 0; k < cells; k++) {
    store<f32>(bestScore + ((<usize>k) << 2), 0);
    store<i32>(bestIndex + ((<usize>k) << 2), -1);
  }
  for (let k = 0; k < 16; k++) {
    const at = CIRCLE + <usize>(2 * k);
    store<i32>(offsets + ((<usize>k) << 2), <i32>load<i8>(at, 1) * w + <i32>load<i8>(at));
  }
  const tv = i8x16.splat(<i8>t);
  const xEnd = w - 16;
  for (let y = 16; y < h - 16; y++) {
    const rowCell = (y / cell) * cols;
    for (let x0 = 16; x0 < xEnd; x0 += 16) {
      const p0: usize = img + <usize>(y * w + x0);
      const cv = v128.load(p0);
      const hv = i8x16.add_sat_u(cv, tv);
      const lv = i8x16.sub_sat_u(cv, tv);
      // Pairs (0, 8) and (4, 12) first: most pixels fail there.
      let bv = pairBright(i8x16.splat(-1), p0, offsets, 0, hv);
      let dv = pairDark(i8x16.splat(-1), p0, offsets, 0, lv);
      bv = pairBright(bv, p0, offsets, 4, hv);
      dv = pairDark(dv, p0, offsets, 4, lv);
      if (!v128.any_true(v128.or(bv, dv))) continue;
      for (let k = 1; k < 8; k += k == 3 ? 2 : 1) {
        bv = pairBright(bv, p0, offsets, k, hv);
        dv = pairDark(dv, p0, offsets, k, lv);
      }
      let mask = i8x16.bitmask(v128.or(bv, dv));
      if (xEnd - x0 < 16) mask &= (1 << (xEnd - x0)) - 1;
      while (mask != 0) {
        const lane = ctz(mask);
        mask &= mask - 1;
        const p: usize = p0 + <usize>lane;
        const hi = px(p) + t;
        const lo = px(p) - t;
        let bright = 0;
        let dark = 0;
        let score = 0;
        for (let k = 0; k < 16; k++) {
          const a = px(p + offset(offsets, k));
          if (a > hi) {
            bright |= 1 << k;
            score += a - hi;
          } else if (a < lo) {
            dark |= 1 << k;
            score += lo - a;
          }
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
