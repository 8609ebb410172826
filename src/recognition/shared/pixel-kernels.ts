// Loads the WebAssembly pixel kernels (src/recognition/kernels/assembly/index.ts) once per realm
// and wraps each in a typed function that copies its inputs into the module's memory and its
// result out. Copies are a memcpy; the kernels themselves are 2–4× faster than the TypeScript they
// replaced (FAST's pre-test runs on 16 pixels at once). Instantiation is synchronous so that the
// detector and the resizers stay plain functions; the module is a few KB.
import { PIXEL_KERNELS_WASM } from './pixel-kernels-wasm.js';

// The shared world's lib has no WebAssembly or atob declarations; both exist in Node and browsers.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};
declare function atob(data: string): string;

/** Every kernel takes memory offsets and sizes (see the AssemblyScript source for each). */
type Kernel = (...offsetsAndSizes: number[]) => void;

interface KernelExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  initArc9: Kernel;
  fastCells: Kernel;
  downscaleBilinear: Kernel;
  luma: Kernel;
  resizeBox: Kernel;
  histogram: Kernel;
  applyLut: Kernel;
  harrisAt: Kernel;
  discMoments: Kernel;
}

let instance: { k: KernelExports; scratch: number } | null = null;

function kernels(): { k: KernelExports; scratch: number } {
  if (instance) return instance;
  const bytes = Uint8Array.from(atob(PIXEL_KERNELS_WASM), (c) => c.charCodeAt(0));
  const k = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: {
      abort() {
        throw new Error('pixel kernel aborted');
      },
    },
  }).exports as unknown as KernelExports;
  const table = align(k.heapBase());
  reserve(k, table + 65536);
  k.initArc9(table);
  instance = { k, scratch: table + 65536 };
  return instance;
}

function align(n: number): number {
  return (n + 15) & ~15;
}

function reserve(k: KernelExports, end: number): void {
  const have = k.memory.buffer.byteLength;
  if (end > have) k.memory.grow(Math.ceil((end - have) / 65536));
}

/**
 * Scratch memory for one kernel call: `take(bytes)` hands out 16-byte-aligned offsets after the
 * module's tables; every call starts afresh (calls are synchronous, never nested).
 */
function arena(sizes: number[]): { k: KernelExports; at: number[] } {
  const { k, scratch } = kernels();
  const at: number[] = [];
  let end = scratch;
  for (const size of sizes) {
    at.push(end);
    end = align(end + size);
  }
  reserve(k, end);
  return { k, at };
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

/** Bilinear downscale of grey bytes (the detector's pyramid). */
export function downscaleBilinearBytes(
  data: Uint8Array,
  sw: number,
  sh: number,
  w: number,
  h: number,
): Uint8Array {
  const { k, at } = arena([data.length, w * h, 12 * w]);
  u8(k).set(data, at[0]);
  k.downscaleBilinear(at[0]!, sw, sh, at[1]!, w, h, at[2]!);
  return u8(k).slice(at[1], at[1]! + w * h);
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

/** Separable box shrink of grey bytes with precomputed taps per axis. */
export function resizeBoxBytes(
  data: Uint8Array,
  sw: number,
  sh: number,
  w: number,
  h: number,
  cols: BoxTaps,
  rows: BoxTaps,
): Uint8Array {
  const taps = [cols.start, cols.index, cols.weight, rows.start, rows.index, rows.weight];
  const { k, at } = arena([
    data.length,
    w * h,
    ...taps.map((t) => t.byteLength),
    4 * sh * w,
    8 * w,
  ]);
  const bytes = u8(k);
  bytes.set(data, at[0]);
  taps.forEach((t, i) =>
    bytes.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), at[i + 2]),
  );
  k.resizeBox(at[0]!, sw, sh, at[1]!, w, h, ...at.slice(2));
  return bytes.slice(at[1], at[1]! + w * h);
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

/** Harris response (7×7 window) at pixel indices of a grey image. */
export function harrisResponses(data: Uint8Array, width: number, at: Int32Array): Float64Array {
  const { k, at: p } = arena([data.length, at.byteLength, 8 * at.length]);
  const bytes = u8(k);
  bytes.set(data, p[0]);
  bytes.set(new Uint8Array(at.buffer, at.byteOffset, at.byteLength), p[1]);
  k.harrisAt(p[0]!, width, p[1]!, at.length, p[2]!);
  return new Float64Array(k.memory.buffer, p[2], at.length).slice();
}

/** Intensity moments (m10, m01 pairs) over a disc of radius 15 at pixel indices of a grey image. */
export function discMomentPairs(data: Uint8Array, width: number, at: Int32Array): Int32Array {
  const { k, at: p } = arena([data.length, at.byteLength, 8 * at.length]);
  const bytes = u8(k);
  bytes.set(data, p[0]);
  bytes.set(new Uint8Array(at.buffer, at.byteOffset, at.byteLength), p[1]);
  k.discMoments(p[0]!, width, p[1]!, at.length, p[2]!);
  return new Int32Array(k.memory.buffer, p[2], 2 * at.length).slice();
}
