// The fake-camera videos are known-good before any browser plays them: frames decoded back by ffmpeg
// are recognised by the Node engine (demo posters compiled as the CLI does) as the right booth, and
// the negative video yields nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { readPatternDir } from '../../src/recognition/cli/image-files.js';
import { decodePatterns } from '../bench/recognition/bench-data.js';
import type { Matcher } from '../../src/recognition/engine/matcher.js';
import { createNodeEngine } from '../../src/recognition/node/node-engine.js';
import {
  DEMO_POSTER_DIR,
  makeNegativeVideo,
  makePosterVideo,
} from '../e2e/fake-camera/fake-video.js';
import type { FakeVideo } from '../e2e/fake-camera/fake-video.js';
import { frameCoverage } from '../e2e/fake-camera/scene.js';
import { readFramesWithFfmpeg } from '../e2e/fake-camera/y4m.js';

/** Every 8th frame: 15 samples of an 8 s, 15 fps video, spread over the whole motion. */
const sampled = (video: FakeVideo) =>
  Array.from({ length: Math.ceil(video.frameCount / 8) }, (_, k) => k * 8);

async function recognise(matcher: Matcher, video: FakeVideo) {
  const indices = sampled(video);
  const frames = await readFramesWithFfmpeg(video.path, indices, video);
  const found: (string | null)[] = [];
  for (const data of frames) {
    found.push((await matcher.match({ width: video.width, height: video.height, data })).pattern);
  }
  return found;
}

describe('fake-camera videos', () => {
  let matcher: Matcher;

  beforeAll(async () => {
    const engine = await createNodeEngine();
    const patterns = await decodePatterns(await readPatternDir(DEMO_POSTER_DIR));
    expect(patterns).toHaveLength(8);
    matcher = engine.loadMatcher((await engine.compile(patterns)).artifact);
  }, 300_000);

  it.each(['santa-workshop', 'hot-cocoa-cafe'])(
    'shows %s in perspective, recognised on most frames and never as another booth',
    async (booth) => {
      const video = await makePosterVideo({ poster: booth });
      expect(video.frameCount).toBe(120);
      const coverages = video.quads.map(frameCoverage);
      expect(Math.min(...coverages)).toBeGreaterThan(0.28);
      expect(Math.max(...coverages)).toBeLessThan(0.62);

      const found = await recognise(matcher, video);
      const rate = found.filter((p) => p === booth).length / found.length;
      console.info(
        `fake camera ${booth}: recognised on ${Math.round(rate * 100)}% of ${found.length} frames`,
      );
      expect(found.filter((p) => p !== null && p !== booth)).toEqual([]);
      expect(rate).toBeGreaterThanOrEqual(0.75);
    },
    120_000,
  );

  it.each(['stranger', 'none'] as const)(
    'the negative video (%s) is recognised as nothing',
    async (subject) => {
      const video = await makeNegativeVideo({ subject });
      const found = await recognise(matcher, video);
      console.info(`fake camera negative (${subject}): ${found.length} frames, all checked`);
      expect(found).toEqual(found.map(() => null));
    },
    120_000,
  );
});
