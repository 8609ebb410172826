// Look-alike check on artwork no training saw (dataset/demo-lookalikes.ts: every pair of the eight
// demo posters as a pattern set, the six others as unseen queries, 168 in all, all to be rejected).
// `npm run bench:recognition` reports the shipped settings; this sweeps the ratio test, for one or
// more descriptor models.
//   npx tsx test/bench/recognition/demo-lookalikes.ts [model.onnx ...]
import { join } from 'node:path';
import { Matcher } from '../../../src/recognition/engine/matcher.js';
import { MATCH_PARAMS } from '../../../src/recognition/engine/params.js';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';
import { decodeImageFile } from '../../../src/recognition/node/decode-image.js';
import { decodePatterns } from './bench-data.js';
import { demoLookalikeVenues } from './dataset/demo-lookalikes.js';

const venues = demoLookalikeVenues();
const models = process.argv.slice(2);
for (const model of models.length > 0 ? models : [undefined]) {
  const engine = await createNodeEngine(model);
  for (const ratio of new Set([MATCH_PARAMS.ratio, 0.95, 0.9])) {
    let accepted = 0;
    let queries = 0;
    let most = 0;
    for (const venue of venues) {
      const { set } = await engine.compile(await decodePatterns(venue.patterns));
      const matcher = new Matcher(set, engine.net, { ...MATCH_PARAMS, ratio });
      for (const q of venue.queries) {
        const r = await matcher.match(await decodeImageFile(join(venue.queryDir!, q.file)));
        queries++;
        most = Math.max(most, r.evidence.inliers);
        if (r.pattern !== null) accepted++;
      }
    }
    console.log(
      `${model ?? 'shipped model'} ratio ${ratio}: ${accepted} of ${queries} unseen look-alikes accepted, most inliers ${most}`,
    );
  }
}
