// The recognition engine's WebAssembly kernels in AssemblyScript, compiled to one small module
// (src/tools/build-kernels.mjs → src/recognition/shared/kernels-wasm.ts) that Node and the browser
// run alike: the pixel work of frames and references, and the matcher's descriptor search. Each
// kernel computes exactly what the plain TypeScript it replaced computed — same integer and float64
// operations in the same order, float32 where that code stored float32, same visit order — so
// keypoints, working images and votes keep their bits (pixel-kernels.test.ts, descriptor-search.test.ts
// and fast-keypoints.test.ts check them against reference implementations). Memory is managed by the
// caller: every pointer is an offset into the instance's memory (shared/kernel-instance.ts).
export * from './detector';
export * from './resample';
export * from './nearest';

/** Where the caller's memory begins (after this module's static data). */
export function heapBase(): usize {
  return __heap_base;
}
