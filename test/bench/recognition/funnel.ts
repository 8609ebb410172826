// Where a frame's evidence for the right pattern gets lost, against the benchmark's ground truth
// (the artwork's outline in each positive query): frame keypoints on the artwork → those with a
// reference feature of the right pattern at the same place (repeatable) → whose descriptor is
// within the match distance (matchable) → which is also the nearest in that pattern → whose vote
// survives the cross-pattern test (what RANSAC gets). First pass only, the frame's whole keypoint
// budget, the artwork's own image (reference 1) only. Printed per venue for hits and misses.
//   npx tsx test/bench/recognition/funnel.ts [--venue mixed-15,lowcontrast-10] [--radius 4] [--model F]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeArtifact } from '../../../src/recognition/engine/artifact.js';
import { ReferenceIndex, type Votes } from '../../../src/recognition/engine/correspondences.js';
import { describeKeypoints } from '../../../src/recognition/engine/describe.js';
import { workingImage } from '../../../src/recognition/engine/frame.js';
import { Matcher } from '../../../src/recognition/engine/matcher.js';
import { MATCH_PARAMS } from '../../../src/recognition/engine/params.js';
import { detectKeypoints } from '../../../src/recognition/features/fast-keypoints.js';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';
import { decodeImageFile } from '../../../src/recognition/node/decode-image.js';
import { hamming } from '../../../src/recognition/engine/hamming-index.js';
import { applyHomography, type Point } from '../../../src/recognition/shared/homography.js';
import { homographyToCorners } from '../../../src/recognition/engine/warp.js';
import { readDataset } from './bench-data.js';
import { cachedCompiledSet } from './ab-cache.js';
import { ensureDataset } from './generate-dataset.js';

const STAGES = ['onArtwork', 'repeatable', 'matchable', 'nearest', 'voted'] as const;
type Funnel = Record<(typeof STAGES)[number], number>;

const { values } = parseArgs({
  options: {
    venue: { type: 'string' },
    radius: { type: 'string', default: '4' },
    cache: { type: 'string', default: '.cache/recognition-bench/ab' },
    // Another descriptor model (ONNX file, the engine's trimmed form) instead of the shipped one.
    model: { type: 'string' },
  },
});
const radius = Number(values.radius);
const p = MATCH_PARAMS;
const engine = await createNodeEngine(values.model);
const venues = (await readDataset(await ensureDataset('.cache/recognition-bench'))).filter(
  (v) => !values.venue || values.venue.split(',').includes(v.name),
);

/** Whether p lies inside the convex quad (corners in order). */
function insideQuad(quad: readonly Point[], pt: Point): boolean {
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    sum += (b.x - a.x) * (pt.y - a.y) - (b.y - a.y) * (pt.x - a.x) > 0 ? 1 : -1;
  }
  return Math.abs(sum) === 4;
}

const rows: { venue: string; hit: boolean; funnel: Funnel }[] = [];
for (const venue of venues) {
  const bytes = await cachedCompiledSet(values.cache, venue, engine.net);
  const set = decodeArtifact(bytes);
  const index = new ReferenceIndex(set);
  const matcher = Matcher.fromArtifact(bytes, engine.net);
  const nb = set.descriptorBytes;
  for (const q of venue.queries) {
    if (!q.pattern) continue;
    if (!q.quad) {
      throw new Error(
        `${venue.dir}: labels hold no ground-truth outlines (a cache made before they were recorded); delete the folder and run again`,
      );
    }
    const frame = await decodeImageFile(join(venue.dir, 'queries', q.file));
    const hit = (await matcher.match(frame)).pattern === q.pattern;
    const working = workingImage(frame, p.frameMaxSide);
    const keypoints = detectKeypoints(working.image, p.frameDetector);
    const descriptors = await describeKeypoints(working.image, keypoints, engine.net);
    const votes: Votes = [];
    index.vote(descriptors, keypoints.keys(), p.maxDistance, p.ratio, votes);
    const pattern = set.patterns.findIndex((x) => x.id === q.pattern);
    const refSlot = index.refs.findIndex((r) => r.pattern === pattern && r.reference === 0);
    const ref = set.patterns[pattern]!.references[0]!;
    // Ground truth: the reference's corners land on the labelled quad (working-image pixels).
    const quad = q.quad.map((c) => ({ x: c.x / working.scale, y: c.y / working.scale }));
    const truth = homographyToCorners(ref.width, ref.height, quad)!;
    const projected: Point[] = [];
    for (let j = 0; j < ref.points.length / 2; j++)
      projected.push(applyHomography(truth, { x: ref.points[2 * j]!, y: ref.points[2 * j + 1]! }));
    const funnel: Funnel = { onArtwork: 0, repeatable: 0, matchable: 0, nearest: 0, voted: 0 };
    keypoints.forEach((k, i) => {
      if (!insideQuad(quad, k)) return;
      funnel.onArtwork++;
      const near = projected.flatMap((c, j) =>
        (c.x - k.x) ** 2 + (c.y - k.y) ** 2 <= radius * radius ? [j] : [],
      );
      if (near.length === 0) return;
      funnel.repeatable++;
      const distanceTo = (j: number) => hamming(descriptors, i * nb, ref.descriptors, j * nb, nb);
      const closest = Math.min(...near.map(distanceTo));
      if (closest > p.maxDistance) return;
      funnel.matchable++;
      let nearest = Infinity;
      for (let j = 0; j < projected.length; j++) nearest = Math.min(nearest, distanceTo(j));
      if (closest <= nearest) funnel.nearest++;
      if ((votes[i] ?? []).some((v) => v.ref === refSlot && near.includes(v.feature)))
        funnel.voted++;
    });
    rows.push({ venue: venue.name, hit, funnel });
  }
  process.stderr.write(`[funnel] ${venue.name} done\n`);
}

function line(label: string, sel: typeof rows): string {
  if (sel.length === 0) return `${label.padEnd(26)} —`;
  const mean = (s: (typeof STAGES)[number]) =>
    (sel.reduce((acc, r) => acc + r.funnel[s], 0) / sel.length).toFixed(1).padStart(6);
  return `${label.padEnd(26)} n ${String(sel.length).padStart(4)} ${STAGES.map((s) => `${s} ${mean(s)}`).join('  ')}`;
}
console.log(`mean keypoints per positive frame, first pass (repeatable: within ${radius} px)`);
console.log(
  line(
    'all hits',
    rows.filter((r) => r.hit),
  ),
);
console.log(
  line(
    'all misses',
    rows.filter((r) => !r.hit),
  ),
);
for (const v of venues) {
  console.log(
    line(
      `${v.name} hits`,
      rows.filter((r) => r.venue === v.name && r.hit),
    ),
  );
  console.log(
    line(
      `${v.name} misses`,
      rows.filter((r) => r.venue === v.name && !r.hit),
    ),
  );
}
