// Binary descriptors of keypoints: oriented 32×32 patches → the ONNX descriptor network → signs.
// The network runs behind an interface so this module stays free of any runtime (Node or browser).
import {
  binarize,
  buildPyramid,
  extractPatches,
  PATCH_SIZE,
  type FloatLevel,
  type Keypoint,
} from '../shared/patches.js';
import type { GrayImage } from '../shared/preprocess.js';

export interface DescriptorNet {
  /** sha256 of the model file: artifacts record it so compile and match never mix models. */
  readonly sha256: string;
  /** Float outputs per patch (a multiple of 8); the binary descriptor has dims / 8 bytes. */
  readonly dims: number;
  /** `count` patches of PATCH_SIZE² raw grey levels → count × dims floats. */
  run(patches: Float32Array, count: number): Promise<Float32Array>;
  /** Frees the runtime's session (optional: only owners that swap networks call it). */
  release?(): Promise<void>;
}

/** Largest batch sent to the network at once (bounds the input tensor's memory). */
const MAX_BATCH = 1024;

/**
 * Input buffers (MAX_BATCH patches each) of finished batches, reused: a fresh Float32Array of up to
 * 0.5 MB per batch is paid in page faults, 3.4 ms a frame in Chromium and 0.9 in Node (interleaved
 * on the same frames; README, "Fourteenth session"). A batch holds one for the length of its
 * network run, so overlapping calls never share one.
 */
const spareInputs: Float32Array<ArrayBuffer>[] = [];

/** `pyramid` (from buildPyramid(image)) may be passed in when one image is described in parts. */
export async function describeKeypoints(
  image: GrayImage,
  keypoints: readonly Keypoint[],
  net: DescriptorNet,
  pyramid: readonly FloatLevel[] = keypoints.length > 0 ? buildPyramid(image) : [],
): Promise<Uint8Array> {
  const bytes = net.dims / 8;
  const out = new Uint8Array(keypoints.length * bytes);
  if (keypoints.length === 0) return out;
  for (let start = 0; start < keypoints.length; start += MAX_BATCH) {
    const batch = keypoints.slice(start, start + MAX_BATCH);
    const input = spareInputs.pop() ?? new Float32Array(MAX_BATCH * PATCH_SIZE * PATCH_SIZE);
    let floats: Float32Array;
    try {
      const patches = extractPatches(
        pyramid,
        batch,
        input.subarray(0, batch.length * PATCH_SIZE * PATCH_SIZE),
      );
      floats = await net.run(patches, batch.length);
    } finally {
      spareInputs.push(input);
    }
    if (floats.length !== batch.length * net.dims) {
      throw new Error(
        `descriptor network returned ${floats.length} values for ${batch.length} patches`,
      );
    }
    out.set(binarize(floats, net.dims), start * bytes);
  }
  return out;
}
