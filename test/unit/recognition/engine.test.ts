// The engine end to end in Node with the shipped model: compile three demo posters, then recognise a
// perspective view of one, and refuse a poster outside the set, a textureless frame, a print too far
// away and a look-alike that fits only as a poster mostly beyond the frame (but not a close-up).
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeArtifact } from '../../../src/recognition/engine/artifact.js';
import type { RgbaImage } from '../../../src/recognition/engine/frame.js';
import { Matcher } from '../../../src/recognition/engine/matcher.js';
import { COMPILE_PARAMS, MATCH_PARAMS } from '../../../src/recognition/engine/params.js';
import { createNodeEngine, type NodeEngine } from '../../../src/recognition/node/node-engine.js';
import { cameraView, demoPoster } from '../../fixtures/demo-posters.js';

/** A 640×480 camera-like frame: the poster tilted and rotated on a grey background. */
const view = (image: RgbaImage) =>
  cameraView(image, [
    { x: 230, y: 40 },
    { x: 470, y: 80 },
    { x: 455, y: 400 },
    { x: 200, y: 440 },
  ]);

describe('recognition engine (Node)', () => {
  let engine: NodeEngine;
  let matcher: Matcher;
  let artifact: Uint8Array;

  beforeAll(async () => {
    engine = await createNodeEngine();
    const ids = ['santa-workshop', 'snowman-village', 'hot-cocoa-cafe'];
    const patterns = await Promise.all(
      ids.map(async (id) => ({ id, images: [await demoPoster(id)] })),
    );
    const compiled = await engine.compile(patterns);
    artifact = compiled.artifact;
    matcher = engine.loadMatcher(artifact);
    expect(compiled.report.patterns.map((p) => p.id)).toEqual(ids);
  }, 120_000);

  it('writes an artifact under 100 KB per pattern that records the model', () => {
    const set = decodeArtifact(artifact);
    expect(set.modelSha256).toBe(engine.net.sha256);
    expect(artifact.byteLength / 3).toBeLessThan(100 * 1024);
  });

  it('recognises a tilted, rotated view of a pattern with geometric evidence', async () => {
    const result = await matcher.match(view(await demoPoster('snowman-village')));
    expect(result.pattern).toBe('snowman-village');
    expect(result.evidence.inliers).toBeGreaterThanOrEqual(MATCH_PARAMS.minInliers);
    expect(result.evidence.corners).toHaveLength(4);
    expect(result.score).toBeGreaterThan(0.4);
  });

  it('returns null for a poster outside the set and for a blank frame', async () => {
    const outsider = await matcher.match(view(await demoPoster('toy-train-station')));
    expect(outsider.pattern).toBeNull();
    const blank = { width: 640, height: 480, data: new Uint8Array(640 * 480 * 4).fill(128) };
    const none = await matcher.match(blank);
    expect(none.pattern).toBeNull();
    expect(none.evidence.rejected).toBe('too-little-texture');
  });

  it('decides on the strongest keypoints first only when they already match clearly', async () => {
    const set = decodeArtifact(artifact);
    const look = { shares: [0.4], minInliers: 24 };
    const withLook = new Matcher(set, engine.net, { ...MATCH_PARAMS, earlyLook: look });
    const without = new Matcher(set, engine.net, { ...MATCH_PARAMS, earlyLook: null });
    // A clear view: the first look accepts it, with fewer inliers than all keypoints give.
    const clear = view(await demoPoster('santa-workshop'));
    const [quick, full] = [await withLook.match(clear), await without.match(clear)];
    expect(quick.pattern).toBe('santa-workshop');
    expect(quick.evidence.inliers).toBeGreaterThanOrEqual(look.minInliers);
    expect(quick.evidence.inliers).toBeLessThan(full.evidence.inliers);
    expect(quick.evidence.keypoints).toBe(full.evidence.keypoints);
    // No clear match: the frame is decided on all keypoints, exactly as without the first look.
    const outsider = view(await demoPoster('toy-train-station'));
    expect(await withLook.match(outsider)).toEqual(await without.match(outsider));
  });

  it('decides overlapping matches on one matcher as it decides them one by one', async () => {
    const frames = [
      view(await demoPoster('snowman-village')),
      view(await demoPoster('toy-train-station')),
      view(await demoPoster('santa-workshop')),
    ];
    const alone = [];
    for (const frame of frames) alone.push(await matcher.match(frame));
    // Passes interleave at every network call, each match in its own workspace (frame-workspace.ts).
    const together = await Promise.all([...frames, ...frames].map((f) => matcher.match(f)));
    expect(together).toEqual([...alone, ...alone]);
    expect(alone.map((r) => r.pattern)).toEqual(['snowman-village', null, 'santa-workshop']);
  });

  it('refuses a poster too far away to stamp, which it would otherwise recognise', async () => {
    // About 6.4 % of the frame: under the accept floor, over the RANSAC hypotheses' floor.
    const far = cameraView(await demoPoster('snowman-village'), [
      { x: 260, y: 150 },
      { x: 375, y: 155 },
      { x: 372, y: 321 },
      { x: 258, y: 318 },
    ]);
    const set = decodeArtifact(artifact);
    const nearEnough = { ...MATCH_PARAMS, acceptAreaFraction: MATCH_PARAMS.minAreaFraction };
    const control = await new Matcher(set, engine.net, nearEnough).match(far);
    expect(control.pattern).toBe('snowman-village');
    const result = await matcher.match(far);
    expect(result.pattern).toBeNull();
    expect(result.evidence.rejected).toBe('outline-too-small');
    expect(result.evidence.candidate).toBe('snowman-village');
  });

  it('refuses a look-alike that fits a booth only as a poster mostly beyond the frame', async () => {
    // Two demo posters as the set; a third, not in it, whose title box (at the bottom) matches
    // the title box of one at the top: the fit puts that poster's remaining three quarters below
    // the frame.
    const ids = ['hot-cocoa-cafe', 'jingle-bell-concert'];
    const { set } = await engine.compile(
      await Promise.all(ids.map(async (id) => ({ id, images: [await demoPoster(id)] }))),
    );
    const lookAlike = await demoPoster('gingerbread-bakery');
    const anyShare = { ...MATCH_PARAMS, minVisibleFraction: 0 };
    const control = await new Matcher(set, engine.net, anyShare).match(lookAlike);
    expect(control.pattern).toBe('jingle-bell-concert');
    const result = await new Matcher(set, engine.net).match(lookAlike);
    expect(result.pattern).toBeNull();
    expect(result.evidence.rejected).toBe('outline-mostly-out-of-frame');
  }, 60_000);

  it('still recognises a poster with a third of it beyond the edge of the frame', async () => {
    const partial = cameraView(await demoPoster('snowman-village'), [
      { x: -150, y: 20 },
      { x: 250, y: 40 },
      { x: 240, y: 470 },
      { x: -160, y: 450 },
    ]);
    expect((await matcher.match(partial)).pattern).toBe('snowman-village');
  });

  it('recognises a close-up with most of the poster beyond the frame on strong evidence', async () => {
    // The bottom third of the snowman poster fills the frame: about 20 % of it inside.
    const closeUp = cameraView(await demoPoster('snowman-village'), [
      { x: -170, y: -900 },
      { x: 805, y: -900 },
      { x: 805, y: 400 },
      { x: -170, y: 400 },
    ]);
    const result = await matcher.match(closeUp);
    expect(result.pattern).toBe('snowman-village');
    expect(result.evidence.inliers).toBeGreaterThanOrEqual(MATCH_PARAMS.outOfFrameMinInliers);
    const strict = { ...MATCH_PARAMS, outOfFrameMinInliers: Infinity };
    const refused = await new Matcher(decodeArtifact(artifact), engine.net, strict).match(closeUp);
    expect(refused.pattern).toBeNull();
    expect(refused.evidence.rejected).toBe('outline-mostly-out-of-frame');
  });

  it('refuses an artifact compiled with another model', () => {
    const other = { ...engine.net, sha256: '00'.repeat(32) };
    expect(() => new Matcher(decodeArtifact(artifact), other)).toThrow(
      /different recognition model/,
    );
  });

  it('keeps a booth with several reference photos within the keypoint budget', async () => {
    const poster = await demoPoster('santa-workshop');
    const photos = [0, 1, 2].map((k) =>
      cameraView(poster, [
        { x: 100 + 10 * k, y: 40 },
        { x: 540, y: 60 + 10 * k },
        { x: 520, y: 440 },
        { x: 90, y: 420 - 10 * k },
      ]),
    );
    const { set } = await engine.compile([{ id: 'santa', images: photos }]);
    const keypoints = set.patterns[0]!.references.reduce((n, r) => n + r.points.length / 2, 0);
    expect(keypoints).toBeGreaterThan(COMPILE_PARAMS.maxKeypointsPerPattern / 2);
    expect(keypoints).toBeLessThanOrEqual(COMPILE_PARAMS.maxKeypointsPerPattern);
  }, 60_000);
});
