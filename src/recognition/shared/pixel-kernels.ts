// The pixel kernels (src/recognition/kernels/assembly/) as typed functions over plain arrays, on one
// kernel instance per realm: each copies its inputs into the instance's scratch memory and its
// result out. Copies are a memcpy; the kernels are 2–4× faster than the TypeScript they replaced
// (FAST's pre-test runs on 16 pixels at once) and give the same bits.
import { KernelInstance, type KernelExports } from './kernel-instance.js';

let shared: KernelInstance | null = null;

/**
 * Memory a WebAssembly instance never gives back; after a large image (a 12-megapixel reference
 * needs ≈ 80 MB of scratch) the next call starts a fresh instance, so the realm does not keep it.
 */
const RETAIN_BYTES = 32 * 1024 * 1024;

/** The realm's pixel-kernel instance, with FAST's ARC9 table built once per instance. */
function instance(): KernelInstance {
  if (shared && shared.k.memory.buffer.byteLength <= RETAIN_BYTES) return shared;
  shared = new KernelInstance();
  const [table] = shared.persist([65536]);
  shared.k.initArc9(table!);
  return shared;
}

/** Scratch blocks of `sizes` bytes for one call. */
function arena(sizes: number[]): { k: KernelExports; at: number[] } {
  const inst = instance();
  return { k: inst.k, at: inst.arena(sizes) };
}

const u8 = (k: KernelExports) => new Uint8Array(k.memory.buffer);

/** Pixel index (y × width + x) of the strongest FAST-9 corner per cell, −1 for an empty cell. */
export function fastCornerCells(
  data: Uint8Array,
  width: number,
  height: number,
  threshold: number,
  cell: number,
): Int32Array {
  const cells = Math.ceil(width / cell) * Math.ceil(height / cell);
  const { k, at } = arena([data.length, 4 * cells, 4 * cells, 64]);
  u8(k).set(data, at[0]);
  k.fastCells(at[0]!, width, height, threshold, cell, at[1]!, at[2]!, at[3]!);
  return new Int32Array(k.memory.buffer, at[2], cells).slice();
}

/**
 * Bilinear downscale of grey bytes (the detector's pyramid), into `out` (w × h bytes) when given:
 * a reused buffer spares the page faults of a fresh one, which Chromium pays dearly for.
 */
export function downscaleBilinearBytes(
  data: Uint8Array,
  sw: number,
  sh: number,
  w: number,
  h: number,
  out?: Uint8Array,
): Uint8Array {
  const { k, at } = arena([data.length, w * h, 28 * w + 16]);
  u8(k).set(data, at[0]);
  k.downscaleBilinear(at[0]!, sw, sh, at[1]!, w, h, at[2]!);
  const result = u8(k).subarray(at[1], at[1]! + w * h);
  if (out?.length !== w * h) return result.slice();
  out.set(result);
  return out;
}

/** Integer BT.601 luma of RGB or RGBA bytes. */
export function lumaBytes(data: Uint8Array | Uint8ClampedArray, channels: 3 | 4): Uint8Array {
  const n = Math.floor(data.length / channels);
  const { k, at } = arena([data.length, n]);
  u8(k).set(data, at[0]);
  k.luma(at[0]!, n, channels, at[1]!);
  return u8(k).slice(at[1], at[1]! + n);
}

export interface BoxTaps {
  start: Int32Array;
  index: Int32Array;
  weight: Float32Array;
}

/** A box shrink to `w` × `h` with its taps per axis. */
export interface BoxShrink {
  w: number;
  h: number;
  cols: BoxTaps;
  rows: BoxTaps;
}

/** The scratch blocks `runShrink` takes: six tap arrays, the column pass, the row accumulator. */
function shrinkBlocks(shrink: BoxShrink, sh: number): number[] {
  return [...tapArrays(shrink).map((t) => t.byteLength), 4 * sh * shrink.w, 8 * shrink.w];
}

function tapArrays({ cols, rows }: BoxShrink) {
  return [cols.start, cols.index, cols.weight, rows.start, rows.index, rows.weight];
}

/** The kernel's box shrink of the sw × sh bytes at `src` into `dst`, in blocks at `at`. */
function runShrink(
  k: KernelExports,
  src: number,
  sw: number,
  sh: number,
  dst: number,
  shrink: BoxShrink,
  at: number[],
) {
  const bytes = u8(k);
  tapArrays(shrink).forEach((t, i) =>
    bytes.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), at[i]),
  );
  k.resizeBox(src, sw, sh, dst, shrink.w, shrink.h, ...at.slice(0, 8));
}

/** Separable box shrink of grey bytes with precomputed taps per axis. */
export function resizeBoxBytes(
  data: Uint8Array,
  sw: number,
  sh: number,
  shrink: BoxShrink,
): Uint8Array {
  const { w, h } = shrink;
  const { k, at } = arena([data.length, w * h, ...shrinkBlocks(shrink, sh)]);
  u8(k).set(data, at[0]);
  runShrink(k, at[0]!, sw, sh, at[1]!, shrink, at.slice(2));
  return u8(k).slice(at[1], at[1]! + w * h);
}

/**
 * Luma of RGBA bytes, box-shrunk when `shrink` is given, then mapped through the table `lutFor`
 * makes of its grey-level histogram (none: left as is) — lumaBytes, resizeBoxBytes, histogramBytes
 * and lookupBytes in one pass through the kernels' memory, so only the result leaves it (into
 * `into` when that holds exactly the result's bytes).
 */
export function lumaShrinkMapBytes(
  rgba: Uint8Array | Uint8ClampedArray,
  sw: number,
  sh: number,
  shrink: BoxShrink | null,
  lutFor: (histogram: Uint32Array) => Uint8Array | null,
  into?: Uint8Array,
): Uint8Array {
  const n = sw * sh;
  const { w, h } = shrink ?? { w: sw, h: sh };
  const { k, at } = arena([
    1024,
    256,
    4 * n,
    n,
    w * h,
    ...(shrink ? shrinkBlocks(shrink, sh) : []),
  ]);
  const [histogramAt, lutAt, rgbaAt, lumaAt, shrunkAt] = at as [
    number,
    number,
    number,
    number,
    number,
  ];
  const bytes = u8(k);
  bytes.set(rgba.subarray(0, 4 * n), rgbaAt);
  k.luma(rgbaAt, n, 4, lumaAt);
  const image = shrink ? shrunkAt : lumaAt;
  if (shrink) runShrink(k, lumaAt, sw, sh, shrunkAt, shrink, at.slice(5));
  k.histogram(image, w * h, histogramAt);
  const lut = lutFor(new Uint32Array(k.memory.buffer, histogramAt, 256));
  if (lut) {
    bytes.set(lut, lutAt);
    k.applyLut(image, w * h, lutAt, image);
  }
  const result = bytes.subarray(image, image + w * h);
  if (into?.length !== w * h) return result.slice();
  into.set(result);
  return into;
}

/** Grey-level histogram of bytes. */
export function histogramBytes(data: Uint8Array): Uint32Array {
  const { k, at } = arena([data.length, 1024]);
  u8(k).set(data, at[0]);
  k.histogram(at[0]!, data.length, at[1]!);
  return new Uint32Array(k.memory.buffer, at[1], 256).slice();
}

/** Bytes mapped through a 256-entry table. */
export function lookupBytes(data: Uint8Array, lut: Uint8Array): Uint8Array {
  const { k, at } = arena([data.length, 256, data.length]);
  const bytes = u8(k);
  bytes.set(data, at[0]);
  bytes.set(lut, at[1]);
  k.applyLut(at[0]!, data.length, at[1]!, at[2]!);
  return bytes.slice(at[2], at[2]! + data.length);
}

/** Runs a per-pixel kernel (harrisAt, discMoments) at pixel indices; `bytesEach` of output each. */
function atPixels(
  kernel: 'harrisAt' | 'discMoments',
  data: Uint8Array,
  width: number,
  at: Int32Array,
  bytesEach: number,
): ArrayBuffer {
  const { k, at: p } = arena([data.length, at.byteLength, bytesEach * at.length]);
  const bytes = u8(k);
  bytes.set(data, p[0]);
  bytes.set(new Uint8Array(at.buffer, at.byteOffset, at.byteLength), p[1]);
  k[kernel](p[0]!, width, p[1]!, at.length, p[2]!);
  return k.memory.buffer.slice(p[2]!, p[2]! + bytesEach * at.length);
}

/** Harris response (7×7 window) at pixel indices of a grey image. */
export function harrisResponses(data: Uint8Array, width: number, at: Int32Array): Float64Array {
  return new Float64Array(atPixels('harrisAt', data, width, at, 8));
}

/** Intensity moments (m10, m01 pairs) over a disc of radius 15 at pixel indices of a grey image. */
export function discMomentPairs(data: Uint8Array, width: number, at: Int32Array): Int32Array {
  return new Int32Array(atPixels('discMoments', data, width, at, 8));
}

/** Bytes of memory the realm's pixel-kernel instance holds now (for tests and diagnostics). */
export function pixelKernelMemoryBytes(): number {
  return shared ? shared.k.memory.buffer.byteLength : 0;
}
