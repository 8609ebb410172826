// Pixel kernels of the recognition engine in AssemblyScript, compiled to one small WebAssembly
// module (src/tools/build-kernels.mjs → src/recognition/shared/kernels-wasm.ts) that Node and
// the browser run alike. Each kernel computes exactly what the plain TypeScript it replaced computed
// — same integer and float64 operations in the same order, float32 where that code stored float32 —
// so keypoints and working images keep their bits (test/unit/recognition/pixel-kernels.test.ts
// checks them against reference implementations). Memory is managed by the caller: every pointer
// is an offset into the exported memory (src/recognition/shared/pixel-kernels.ts).
export * from './detector';
export * from './resample';
export * from './nearest';

/** Where the caller's memory begins (after this module's static data). */
export function heapBase(): usize {
  return __heap_base;
}
