// A booth's further photos: cropped to the artwork located in them, only the features on it kept,
// and those features counted for the first photo too (carried into its pixels), so a frame's
// matches split between two photos of one print add up.
import { describe, expect, it } from 'vitest';
import type {
  CompiledPatternSet,
  CompiledReference,
} from '../../../src/recognition/engine/artifact.js';
import { ReferenceIndex, type Votes } from '../../../src/recognition/engine/correspondences.js';
import {
  cropToArtwork,
  keepArtworkFeatures,
} from '../../../src/recognition/engine/further-photos.js';
import { Matcher } from '../../../src/recognition/engine/matcher.js';
import { MATCH_PARAMS } from '../../../src/recognition/engine/params.js';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';
import type { Keypoint } from '../../../src/recognition/shared/patches.js';
import { colourCameraView, demoPoster } from '../../fixtures/demo-posters.js';

const BYTES = 32;
/** The first photo's outline in a 200 × 200 further photo: its middle square. */
const MIDDLE = [0.25, 0.25, 0.75, 0.25, 0.75, 0.75, 0.25, 0.75];

function reference(
  width: number,
  height: number,
  features: Keypoint[],
  artwork?: number[],
): CompiledReference {
  return {
    width,
    height,
    points: Float32Array.from(features.flatMap((k) => [k.x, k.y])),
    angles: Float32Array.from(features, (k) => k.angle),
    sizes: Float32Array.from(features, (k) => k.size),
    descriptors: Uint8Array.from({ length: features.length * BYTES }, (_, i) => i % 251),
    colours: { width: 1, height: 1, rgb: new Uint8Array(3), ...(artwork && { artwork }) },
  };
}

describe('further photos of a booth', () => {
  it('crops a photo to its artwork and gives the outline in the crop', () => {
    const data = Uint8ClampedArray.from({ length: 100 * 50 * 4 }, (_, i) => {
      const p = Math.floor(i / 4);
      return i % 4 === 0 ? p % 100 : i % 4 === 1 ? Math.floor(p / 100) : 0;
    });
    const photo = { width: 100, height: 50, data };
    const outline = [0.25, 0.125, 0.75, 0.25, 0.6875, 0.875, 0.3125, 0.75];
    const { image, outline: inCrop } = cropToArtwork(photo, outline, 0.0625);
    // Bounding box 0.1875–0.8125 × 0.0625–0.9375 of 100 × 50: columns 18–81, rows 3–46.
    expect([image.width, image.height]).toEqual([64, 44]);
    expect([image.data[0], image.data[1]]).toEqual([18, 3]);
    const last = (image.width * image.height - 1) * 4;
    expect([image.data[last], image.data[last + 1]]).toEqual([81, 46]);
    inCrop.forEach((c, i) => {
      const [origin, size, side] = i % 2 === 0 ? [18, 64, 100] : [3, 44, 50];
      expect(c).toBeCloseTo((outline[i]! * side - origin) / size, 9);
    });
  });

  it('keeps only the features on the artwork', () => {
    const inside = { x: 100, y: 100, angle: 10, size: 20 };
    const outside = { x: 10, y: 190, angle: 20, size: 30 };
    const r = reference(200, 200, [outside, inside, outside], MIDDLE);
    const kept = keepArtworkFeatures(r, BYTES);
    expect([...kept.points]).toEqual([100, 100]);
    expect([...kept.angles, ...kept.sizes]).toEqual([10, 20]);
    expect(kept.descriptors).toEqual(r.descriptors.slice(BYTES, 2 * BYTES));
    expect(kept.colours).toBe(r.colours);
    // No outline located: every feature stays.
    const whole = reference(200, 200, [outside, inside]);
    expect(keepArtworkFeatures(whole, BYTES)).toBe(whole);
  });

  it('counts a further photo’s features on the artwork for the first photo too', () => {
    const first = reference(50, 50, [{ x: 5, y: 5, angle: 0, size: 8 }]);
    const further = reference(
      200,
      200,
      [
        { x: 100, y: 80, angle: 90, size: 20 },
        { x: 10, y: 10, angle: 0, size: 20 },
      ],
      MIDDLE,
    );
    const set: CompiledPatternSet = {
      v: 3,
      modelSha256: 'test',
      descriptorBytes: BYTES,
      patterns: [{ id: 'booth', references: [first, further] }],
    };
    const frame: Keypoint[] = [
      { x: 300, y: 200, angle: 80, size: 12 },
      { x: 40, y: 30, angle: 0, size: 12 },
    ];
    const votes: Votes = [[{ ref: 1, feature: 0, d: 5 }], [{ ref: 1, feature: 1, d: 6 }]];
    const pooled = new ReferenceIndex(set, true).groups(frame, votes, [0, 1]);
    expect(pooled.get(1)!.dst).toEqual(frame);
    // (100, 80) in the further photo's middle square is (25, 15) in the 50 × 50 first photo, at
    // half the size; the feature off the artwork (10, 10) is not carried.
    const carried = pooled.get(0)!;
    expect(carried.dst).toEqual([frame[0]]);
    expect(carried.d).toEqual([5]);
    const [k] = carried.src;
    expect([k!.x, k!.y, k!.angle, k!.size].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([
      25, 15, 90, 10,
    ]);
    const apart = new ReferenceIndex(set, false).groups(frame, votes, [0, 1]);
    expect(apart.has(0)).toBe(false);
  });
});

describe('further photos of a booth (Node engine)', () => {
  it('lets a camera frame’s matches to both photos of a print add up', async () => {
    const engine = await createNodeEngine();
    const poster = await demoPoster('snowman-village');
    const scene = colourCameraView(poster, [
      { x: 150, y: 60 },
      { x: 470, y: 80 },
      { x: 480, y: 420 },
      { x: 140, y: 440 },
    ]);
    const { set } = await engine.compile([{ id: 'snowman', images: [poster, scene] }]);
    const frame = colourCameraView(poster, [
      { x: 250, y: 150 },
      { x: 420, y: 175 },
      { x: 410, y: 400 },
      { x: 240, y: 380 },
    ]);
    const inliers = async (poolReferences: boolean) =>
      (await new Matcher(set, engine.net, { ...MATCH_PARAMS, poolReferences }).match(frame))
        .evidence.inliers;
    const [apart, pooled] = [await inliers(false), await inliers(true)];
    expect(pooled).toBeGreaterThan(apart);
  }, 60_000);
});
