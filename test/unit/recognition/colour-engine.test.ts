// The colour check end to end in Node: a demo poster that shares a booth's layout is refused for
// its colours, the booth's own poster in colour (with a colour cast) still stamps, and further
// photos of a booth are cropped to where its artwork lies in them, within the per-booth size
// budget.
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeArtifact } from '../../../src/recognition/engine/artifact.js';
import type { RgbaImage } from '../../../src/recognition/engine/frame.js';
import { insideQuad } from '../../../src/recognition/engine/colour-check.js';
import { cropToArtwork } from '../../../src/recognition/engine/further-photos.js';
import { Matcher } from '../../../src/recognition/engine/matcher.js';
import { MATCH_PARAMS } from '../../../src/recognition/engine/params.js';
import { createNodeEngine, type NodeEngine } from '../../../src/recognition/node/node-engine.js';
import { colourCameraView, demoPoster } from '../../fixtures/demo-posters.js';

const corners = [
  { x: 230, y: 40 },
  { x: 470, y: 80 },
  { x: 455, y: 400 },
  { x: 200, y: 440 },
];

/** `image` under a warm colour cast and less contrast. */
function cast(image: RgbaImage): RgbaImage {
  const data = Uint8Array.from(image.data, (v, i) =>
    i % 4 === 3 ? v : Math.round(v * [0.8, 0.7, 0.55][i % 4]! + 30),
  );
  return { ...image, data };
}

describe('colour check (Node engine)', () => {
  let engine: NodeEngine;

  beforeAll(async () => {
    engine = await createNodeEngine();
  }, 60_000);

  const compile = async (patterns: Array<{ id: string; images: RgbaImage[] }>) =>
    (await engine.compile(patterns)).set;

  it('refuses a poster in a booth’s layout for its colours, and stamps the booth’s own', async () => {
    const ids = ['santa-workshop', 'snowman-village'];
    const set = await compile(
      await Promise.all(ids.map(async (id) => ({ id, images: [await demoPoster(id)] }))),
    );
    const lookAlike = await demoPoster('toy-train-station');
    const noColour = { ...MATCH_PARAMS, colourCheck: null };
    const control = await new Matcher(set, engine.net, noColour).match(lookAlike);
    expect(control.pattern).toBe('snowman-village');
    const result = await new Matcher(set, engine.net).match(lookAlike);
    expect(result.pattern).toBeNull();
    expect(result.evidence.rejected).toBe('colours-differ');
    expect(result.evidence.candidate).toBe('snowman-village');
    // The booth's own poster, tilted and under a colour cast, with the check at any inlier count.
    const own = colourCameraView(cast(await demoPoster('snowman-village')), corners);
    const always = { ...MATCH_PARAMS.colourCheck!, exemptInliers: Infinity };
    const stamped = await new Matcher(set, engine.net, {
      ...MATCH_PARAMS,
      colourCheck: always,
    }).match(own);
    expect(stamped.pattern).toBe('snowman-village');
  });

  it('crops a booth’s further photos to its artwork, and gives an empty outline where it is not found', async () => {
    const poster = await demoPoster('snowman-village');
    // A second photo: the poster on a wall of another poster, in a 1000 × 750 scene.
    const placed = [
      { x: 380, y: 120 },
      { x: 720, y: 150 },
      { x: 700, y: 640 },
      { x: 360, y: 610 },
    ];
    const wall = colourCameraView(
      await demoPoster('toy-train-station'),
      [
        { x: 0, y: 0 },
        { x: 1000, y: 0 },
        { x: 1000, y: 750 },
        { x: 0, y: 750 },
      ],
      undefined,
      1000,
      750,
    );
    const scene = colourCameraView(poster, placed, wall, 1000, 750);
    const unrelated = await demoPoster('hot-cocoa-cafe');
    const { set, report } = await engine.compile([
      { id: 'snowman', images: [poster, scene, unrelated] },
    ]);
    const [first, second, third] = set.patterns[0]!.references;
    expect(first!.colours.artwork).toBeUndefined();
    // The second photo is cropped to the artwork found there (the poster's own box: 360–720 ×
    // 120–640 of 1000 × 750, plus a margin), its outline given in the crop, its features on it.
    const truth = cropToArtwork(
      scene,
      placed.flatMap((c) => [c.x / 1000, c.y / 750]),
    );
    expect(second!.width / second!.height).toBeCloseTo(truth.image.width / truth.image.height, 1);
    const outline = second!.colours.artwork!;
    expect(outline).toHaveLength(8);
    outline.forEach((c, i) => expect(Math.abs(c - truth.outline[i]!)).toBeLessThan(0.05));
    for (let f = 0; f < second!.angles.length; f++) {
      const [x, y] = [
        second!.points[2 * f]! / second!.width,
        second!.points[2 * f + 1]! / second!.height,
      ];
      expect(insideQuad(outline, x, y)).toBe(true);
    }
    expect(second!.angles.length).toBeGreaterThan(300);
    expect(third!.colours.artwork).toEqual([]);
    // The organizer hears of the photo that does not show the booth's artwork.
    expect(report.patterns[0]!.unmatchedPhotos).toBe(1);
    expect(report.patterns[0]!.reasons).toContain('photos-differ');
    // Thumbnails take their room from the keypoint budget: still ≤ 100 KB for three photos.
    expect(encodeArtifact(set).byteLength).toBeLessThanOrEqual(100 * 1024);
  }, 60_000);
});
