// describeKeypoints reuses its network-input buffers between calls: calls that overlap (a frame
// still waiting on the network while another starts) must never see each other's patches.
import { describe, expect, it } from 'vitest';
import { describeKeypoints, type DescriptorNet } from '../../../src/recognition/engine/describe.js';
import { PATCH_SIZE, type Keypoint } from '../../../src/recognition/shared/patches.js';

/** A network whose descriptor signs are its input's, read after a pause (as a real run yields). */
const slowNet: DescriptorNet = {
  sha256: 'test',
  dims: PATCH_SIZE * PATCH_SIZE,
  async run(patches, count) {
    const before = patches.slice();
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (patches.some((v, i) => v !== before[i])) throw new Error('input changed during the run');
    return patches.slice(0, count * PATCH_SIZE * PATCH_SIZE);
  },
};

function image(seed: number) {
  const data = new Uint8Array(96 * 96);
  for (let i = 0; i < data.length; i++) data[i] = (Math.imul(i + seed, 2654435761) >>> 24) & 255;
  return { width: 96, height: 96, data };
}

const keypoints: Keypoint[] = Array.from({ length: 20 }, (_, i) => ({
  x: 30 + (i % 5) * 8,
  y: 30 + Math.floor(i / 5) * 8,
  angle: i * 17,
  size: 14,
}));

describe('describeKeypoints', () => {
  it('gives overlapping calls their own input buffers', async () => {
    const images = [1, 2, 3].map(image);
    const alone = [];
    for (const img of images) alone.push(await describeKeypoints(img, keypoints, slowNet));
    const together = await Promise.all(
      images.map((img) => describeKeypoints(img, keypoints, slowNet)),
    );
    expect(together).toEqual(alone);
    expect(alone[0]).not.toEqual(alone[1]);
  });
});
