// Instances of the WebAssembly kernels (src/recognition/kernels/assembly/): the module is compiled
// once per realm; each instance owns its memory, split into a persistent part (tables that live as
// long as the instance) and scratch that every call reuses from the start. Instantiation is
// synchronous so that callers stay plain functions; the module is a few KB.
import { KERNELS_WASM } from './kernels-wasm.js';

// The shared world's lib has no WebAssembly or atob declarations; both exist in Node and browsers.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};
declare function atob(data: string): string;

/** Every kernel takes memory offsets and sizes (see the AssemblyScript source for each). */
type Kernel = (...offsetsAndSizes: number[]) => void;

export interface KernelExports {
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
  buildChunkIndex: Kernel;
  nearestPerPattern: Kernel;
}

let compiled: object | null = null;

function align(n: number): number {
  return (n + 15) & ~15;
}

export class KernelInstance {
  readonly k: KernelExports;
  private scratch: number;

  constructor() {
    compiled ??= new WebAssembly.Module(
      Uint8Array.from(atob(KERNELS_WASM), (c) => c.charCodeAt(0)),
    );
    this.k = new WebAssembly.Instance(compiled, {
      env: {
        abort() {
          throw new Error('recognition kernel aborted');
        },
      },
    }).exports as unknown as KernelExports;
    this.scratch = align(this.k.heapBase());
  }

  /** Offsets of blocks that stay reserved for the instance's lifetime (call before any arena). */
  persist(sizes: number[]): number[] {
    const at = this.place(this.scratch, sizes);
    this.scratch = at.pop()!;
    return at;
  }

  /** Offsets of scratch blocks for one call; the next call reuses them. */
  arena(sizes: number[]): number[] {
    const at = this.place(this.scratch, sizes);
    at.pop();
    return at;
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.k.memory.buffer);
  }

  /** 16-byte-aligned offsets for `sizes` from `start`, then the end; grows memory to fit. */
  private place(start: number, sizes: number[]): number[] {
    const at: number[] = [];
    let end = start;
    for (const size of sizes) {
      at.push(end);
      end = align(end + size);
    }
    const have = this.k.memory.buffer.byteLength;
    if (end <= have) return [...at, end];
    try {
      this.k.memory.grow(Math.ceil((end - have) / 65536));
    } catch {
      throw new Error(
        `recognition kernels cannot get ${Math.ceil(end / 2 ** 20)} MB of memory: image too large`,
      );
    }
    return [...at, end];
  }
}
