// The recognition worker: holds the descriptor network and the loaded pattern set, matches frames
// off the main thread. The network starts on WASM; where the load asks for it ('auto', the default,
// or 'webgpu'), WebGPU is tried and, if chosen, takes over between two frames ('auto' remembers a
// trial that kept WASM: backend-memory.ts). Unknown message types are answered with an error.
import type { DescriptorNet } from '../engine/describe.js';
import {
  SwitchableNet,
  type BackendChoice,
  type BackendReport,
} from '../engine/descriptor-backend.js';
import { Matcher } from '../engine/matcher.js';
import type { WorkerReply, WorkerRequest } from '../shared/worker-messages.js';
import { rememberedRejection, rememberTrial, trialKey } from './backend-memory.js';
import { loadWasmNet, tryWebGpu } from './descriptor-nets.js';

declare const self: DedicatedWorkerGlobalScope;

interface Nets {
  sha256: string;
  wanted: BackendChoice;
  net: SwitchableNet;
  /** Settles once the backend is chosen; never rejects. */
  choice: Promise<BackendReport>;
  /** A chosen WebGPU network waiting for a moment with no frame in flight. */
  pending: DescriptorNet | null;
}

let nets: Nets | null = null;
let matcher: Matcher | null = null;
let framesInFlight = 0;

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function swapInPending(state: Nets): Promise<void> {
  const next = state.pending;
  if (!next || framesInFlight > 0) return;
  state.pending = null;
  await state.net.use(next, 'webgpu');
}

/** 'auto' skips WebGPU where an earlier trial on this browser kept WASM, and remembers new ones. */
async function chooseWebGpu(
  model: Uint8Array,
  sha256: string,
  wasmNet: DescriptorNet,
  wanted: 'auto' | 'webgpu',
) {
  if (wanted === 'webgpu') return tryWebGpu(model, sha256, wasmNet, true);
  const key = trialKey(sha256);
  const earlier = await rememberedRejection(key);
  if (earlier) {
    const note = `${earlier.note ?? 'WebGPU not used'} (an earlier trial on this browser)`;
    return { net: null, report: { ...earlier, note } };
  }
  const outcome = await tryWebGpu(model, sha256, wasmNet, false);
  await rememberTrial(key, outcome.report);
  return outcome;
}

async function prepareNets(
  model: Uint8Array,
  sha256: string,
  wanted: BackendChoice,
): Promise<Nets> {
  const wasmNet = await loadWasmNet(model, sha256);
  const net = new SwitchableNet(wasmNet, 'wasm');
  net.fallBackWith(() => loadWasmNet(model, sha256));
  const state: Nets = {
    sha256,
    wanted,
    net,
    choice: Promise.resolve({ backend: 'wasm', trial: null, note: 'WASM asked for' }),
    pending: null,
  };
  if (wanted === 'wasm') return state;
  state.choice = chooseWebGpu(model, sha256, wasmNet, wanted).then(({ net, report }) => {
    state.pending = net;
    return report;
  });
  if (wanted === 'webgpu') {
    const report = await state.choice;
    if (report.backend !== 'webgpu') {
      await net.release();
      throw new Error(report.note ?? 'WebGPU not used');
    }
    await swapInPending(state);
  }
  return state;
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.type) {
    case 'load': {
      const response = await fetch(request.modelUrl);
      if (!response.ok) throw new Error(`recognition model unavailable (${response.status})`);
      const model = new Uint8Array(await response.arrayBuffer());
      const sha256 = await sha256Hex(model);
      const wanted = request.backend ?? 'auto';
      if (!nets || nets.sha256 !== sha256 || nets.wanted !== wanted) {
        const previous = nets;
        nets = null;
        matcher = null;
        if (previous) {
          await previous.choice;
          await previous.pending?.release?.();
          await previous.net.release();
        }
        nets = await prepareNets(model, sha256, wanted);
      }
      matcher = Matcher.fromArtifact(request.artifact, nets.net);
      return {
        type: 'loaded',
        id: request.id,
        patterns: [...matcher.patternIds],
        modelSha256: sha256,
        backend: nets.net.backend,
      };
    }
    case 'match': {
      const [current, state] = [matcher, nets];
      if (!current || !state) throw new Error('no pattern set loaded');
      await swapInPending(state);
      const started = performance.now();
      framesInFlight++;
      try {
        const result = await current.match(request.frame);
        const ms = performance.now() - started;
        // After the frame: a WebGPU failure during it has switched to WASM for good.
        return { type: 'matched', id: request.id, result, ms, backend: state.net.backend };
      } finally {
        framesInFlight--;
      }
    }
    case 'backend': {
      const state = nets;
      if (!state) throw new Error('no pattern set loaded');
      const report = await state.choice;
      const failure = state.net.failure;
      return {
        type: 'backend',
        id: request.id,
        report: failure
          ? { ...report, backend: 'wasm', note: `WebGPU failed, back on WASM: ${failure}` }
          : report,
      };
    }
    default:
      throw new Error(`unknown request type ${String((request as { type?: unknown }).type)}`);
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).then(
    (reply) => self.postMessage(reply),
    (err: unknown) =>
      self.postMessage({
        type: 'error',
        id: request.id,
        message: err instanceof Error ? err.message : String(err),
      } satisfies WorkerReply),
  );
};
