// Prototype: ORB keypoints with descriptors from the learned patch network (models/patch-desc-v0.onnx
// via onnxruntime-web WASM, 1 thread), sign-binarised so matching and verification stay identical
// to the ORB baseline — an apples-to-apples test of the descriptor alone.
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import type { GrayImage } from '../../../../src/recognition/shared/preprocess.js';
import {
  SAMPLE_GRID,
  binarize,
  buildPyramid,
  samplePatches,
} from '../../../../src/recognition/shared/patches.js';
import type { Keypoint } from '../../../../src/recognition/shared/patches.js';
import type { BenchEngine } from '../engine.js';
import { OrbBaseline } from './orb-baseline.js';
import type { Cv } from './opencv.js';

const MODEL = process.env.RECOGNITION_PATCH_MODEL ?? 'models/patch-desc-v0.onnx';

class OrbNet extends OrbBaseline {
  constructor(private readonly session: ort.InferenceSession) {
    super({}, 'orb-net');
  }

  protected override async describe(
    g: GrayImage,
    keypoints: Keypoint[],
    orbDescriptors: Cv,
  ): Promise<Cv> {
    orbDescriptors.delete();
    // v0 takes raw 32×32 grids (its graph standardises them itself).
    const patches = samplePatches(buildPyramid(g), keypoints);
    const input = new ort.Tensor('float32', patches, [
      keypoints.length,
      1,
      SAMPLE_GRID,
      SAMPLE_GRID,
    ]);
    const out = await this.session.run({ patches: input });
    const desc = out.descriptors!.data as Float32Array;
    const dim = desc.length / keypoints.length;
    const bits = binarize(desc, dim);
    const mat = new this.cv.Mat(keypoints.length, dim / 8, this.cv.CV_8UC1);
    mat.data.set(bits);
    return mat;
  }
}

export async function createOrbNet(): Promise<BenchEngine> {
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(readFileSync(MODEL), {
    executionProviders: ['wasm'],
  });
  return new OrbNet(session);
}
