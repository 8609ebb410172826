// The worker's descriptor networks: onnxruntime-web's WASM build (precached, always there) and, on
// browsers with a WebGPU adapter, its WebGPU build — loaded on demand (its runtime is fetched only
// then, and cached by the service worker for offline use), tried against WASM, and kept only when
// its descriptor bits agree and it is clearly faster (engine/descriptor-backend.ts).
import * as ort from 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import webgpuWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { DescriptorNet } from '../engine/describe.js';
import {
  compareNets,
  rejectCandidate,
  type BackendReport,
  type BackendTrial,
} from '../engine/descriptor-backend.js';
import { createOrtDescriptorNet } from '../engine/ort-descriptor-net.js';

ort.env.wasm.wasmPaths = { wasm: wasmUrl };

/** The part of WebGPU this module touches (TypeScript's worker lib has no WebGPU types). */
interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<object | null> };
}

export function loadWasmNet(model: Uint8Array, sha256: string): Promise<DescriptorNet> {
  return createOrtDescriptorNet(ort, model, sha256, 'wasm');
}

async function loadWebGpuNet(model: Uint8Array, sha256: string): Promise<DescriptorNet> {
  const gpu = (self.navigator as GpuNavigator).gpu;
  if (!gpu) throw new Error('this browser has no WebGPU');
  if (!(await gpu.requestAdapter()))
    throw new Error('no WebGPU adapter (no GPU, or it is blocked)');
  const webgpu = await import('onnxruntime-web/webgpu');
  webgpu.env.wasm.wasmPaths = { wasm: webgpuWasmUrl };
  return createOrtDescriptorNet(webgpu, model, sha256, 'webgpu');
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Loads the WebGPU network and tries it against `wasmNet`. Never throws: a failure is the report's
 * note. `forced`: kept whenever its bits agree, however fast it is.
 */
export async function tryWebGpu(
  model: Uint8Array,
  sha256: string,
  wasmNet: DescriptorNet,
  forced: boolean,
): Promise<{ net: DescriptorNet | null; report: BackendReport }> {
  const wasm = (trial: BackendTrial | null, note: string) => ({
    net: null,
    report: { backend: 'wasm' as const, trial, note },
  });
  let gpuNet: DescriptorNet;
  try {
    gpuNet = await loadWebGpuNet(model, sha256);
  } catch (err) {
    return wasm(null, `WebGPU unavailable: ${message(err)}`);
  }
  try {
    const trial = await compareNets(wasmNet, gpuNet, () => performance.now());
    const why = rejectCandidate(trial, forced);
    if (why === null) return { net: gpuNet, report: { backend: 'webgpu', trial, note: null } };
    await gpuNet.release?.();
    return wasm(trial, `WebGPU not used: ${why}`);
  } catch (err) {
    await gpuNet.release?.().catch(() => undefined);
    return wasm(null, `WebGPU trial failed: ${message(err)}`);
  }
}
