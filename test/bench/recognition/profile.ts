// Where a frame's time goes, stage by stage, on a fixed subset of the benchmark (every Nth query
// of every venue): working image, contrast boost, detection, patch sampling, the ONNX net, and the
// rest of a pass (index search, RANSAC) as full match time minus the measured stages. Stages are
// timed by calling the engine's own building blocks on the same frames the matcher sees.
//   npx tsx test/bench/recognition/profile.ts --every 6
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { binarize, buildPyramid, extractPatches } from '../../../src/recognition/shared/patches.js';
import { detectKeypoints } from '../../../src/recognition/features/fast-keypoints.js';
import { boostLocalContrast, workingImage } from '../../../src/recognition/engine/frame.js';
import { Matcher } from '../../../src/recognition/engine/matcher.js';
import { MATCH_PARAMS, type MatchParams } from '../../../src/recognition/engine/params.js';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';
import { decodeImageFile } from '../../../src/recognition/node/decode-image.js';
import type { GrayImage } from '../../../src/recognition/shared/preprocess.js';
import { readDataset } from './bench-data.js';
import { ensureDataset } from './generate-dataset.js';
import { cachedCompiledSet } from './ab-cache.js';

const { values } = parseArgs({
  options: {
    every: { type: 'string', default: '6' },
    cache: { type: 'string', default: '.cache/recognition-bench/ab' },
    tag: { type: 'string', default: '' },
    params: { type: 'string', default: '{}' },
  },
});
const params: MatchParams = { ...MATCH_PARAMS, ...JSON.parse(values.params) };
const engine = await createNodeEngine();
const venues = await readDataset(await ensureDataset('.cache/recognition-bench'));
const totals: Record<string, number> = {};
const add = (k: string, ms: number) => (totals[k] = (totals[k] ?? 0) + ms);
let frames = 0;
let secondPasses = 0;

/** One pass's stages, timed one by one. */
async function pass(image: GrayImage, p: MatchParams, second: boolean): Promise<void> {
  let t = performance.now();
  const kps = detectKeypoints(image, p.frameDetector);
  add('detect', performance.now() - t);
  t = performance.now();
  const pyramid = buildPyramid(image);
  const patches = extractPatches(pyramid, kps);
  add('patches', performance.now() - t);
  t = performance.now();
  const floats = await engine.net.run(patches, kps.length);
  add('net', performance.now() - t);
  t = performance.now();
  binarize(floats, engine.net.dims);
  add('binarize', performance.now() - t);
  add(second ? 'described, 2nd pass' : 'described, 1st pass', kps.length);
}

for (const venue of venues) {
  const bytes = await cachedCompiledSet(values.cache, venue, engine.net, { tag: values.tag });
  const matcher = Matcher.fromArtifact(bytes, engine.net, params);
  const queries = venue.queries.filter((_, i) => i % Number(values.every) === 0);
  for (const q of queries) {
    const frame = await decodeImageFile(join(venue.dir, 'queries', q.file));
    let t = performance.now();
    const r = await matcher.match(frame);
    const full = performance.now() - t;
    add('match (total)', full);
    frames++;
    t = performance.now();
    const working = workingImage(frame, params.frameMaxSide);
    const wi = performance.now() - t;
    add('working image', wi);
    const before = { ...totals };
    await pass(working.image, params, false);
    const lc = params.secondPass?.frameLocalContrast;
    if (r.pattern === null && lc) {
      t = performance.now();
      const boosted = boostLocalContrast(
        working.image,
        lc.block,
        lc.target,
        lc.maxGain,
        lc.minPeakGain,
      );
      add('boost', performance.now() - t);
      if (boosted) {
        secondPasses++;
        await pass(boosted, { ...params, ...params.secondPass }, true);
      }
    }
    const stages = Object.keys(totals).filter(
      (k) => k !== 'match (total)' && k !== 'working image' && !k.startsWith('described'),
    );
    const measured = stages.reduce((s, k) => s + totals[k]! - (before[k] ?? 0), 0);
    add('index + RANSAC (rest)', full - measured - wi);
  }
}
console.log(`${frames} frames, ${secondPasses} second passes, params ${values.params}`);
for (const [k, v] of Object.entries(totals))
  console.log(
    `${k.padEnd(24)} ${(v / frames).toFixed(2)} ${k.startsWith('described') ? 'patches' : 'ms'}/frame`,
  );
