// The descriptor network on onnxruntime-web, given the runtime module by the caller — Node and the
// recognition worker pass the same package, so both compute the same bits on WASM (one thread).
// The worker may also pass the WebGPU build of the package (see worker/descriptor-nets.ts).
import type * as Ort from 'onnxruntime-web/wasm';
import { PATCH_SIZE } from '../shared/patches.js';
import type { Backend } from './descriptor-backend.js';
import type { DescriptorNet } from './describe.js';
import { DESCRIPTOR_MODEL } from './model.js';

export async function createOrtDescriptorNet(
  ort: typeof Ort,
  modelBytes: Uint8Array,
  sha256: string,
  provider: Backend = 'wasm',
): Promise<DescriptorNet> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(modelBytes, {
    executionProviders: [provider],
  });
  const tensor = (data: Float32Array, count: number) =>
    new ort.Tensor('float32', data, [count, 1, PATCH_SIZE, PATCH_SIZE]);
  const probe = await session.run({
    [DESCRIPTOR_MODEL.input]: tensor(new Float32Array(PATCH_SIZE * PATCH_SIZE), 1),
  });
  const dims = (probe[DESCRIPTOR_MODEL.output]!.data as Float32Array).length;
  if (dims % 8 !== 0)
    throw new Error(`descriptor model outputs ${dims} values; expected a multiple of 8`);
  return {
    sha256,
    dims,
    async run(patches, count) {
      const out = await session.run({ [DESCRIPTOR_MODEL.input]: tensor(patches, count) });
      return out[DESCRIPTOR_MODEL.output]!.data as Float32Array;
    },
    release: () => session.release(),
  };
}
