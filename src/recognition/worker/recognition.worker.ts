// The recognition worker: holds the ONNX session and the loaded pattern set, matches frames off the
// main thread. Unknown message types are answered with an error, never ignored.
import * as ort from 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { Matcher } from '../engine/matcher.js';
import { createOrtDescriptorNet } from '../engine/ort-descriptor-net.js';
import type { WorkerReply, WorkerRequest } from '../shared/worker-messages.js';

declare const self: DedicatedWorkerGlobalScope;

ort.env.wasm.wasmPaths = { wasm: wasmUrl };
let matcher: Matcher | null = null;

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.type) {
    case 'load': {
      const response = await fetch(request.modelUrl);
      if (!response.ok) throw new Error(`recognition model unavailable (${response.status})`);
      const model = new Uint8Array(await response.arrayBuffer());
      const net = await createOrtDescriptorNet(ort, model, await sha256Hex(model));
      matcher = Matcher.fromArtifact(request.artifact, net);
      return {
        type: 'loaded',
        id: request.id,
        patterns: [...matcher.patternIds],
        modelSha256: net.sha256,
      };
    }
    case 'match': {
      if (!matcher) throw new Error('no pattern set loaded');
      const started = performance.now();
      const result = await matcher.match(request.frame);
      return { type: 'matched', id: request.id, result, ms: performance.now() - started };
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
