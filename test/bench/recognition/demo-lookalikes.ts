// Look-alike check on artwork no training saw: the eight demo posters share a header banner and
// lettering, so every pair of them is taken as a pattern set and the six others as unseen queries
// (168, all must be rejected). Prints false accepts per ratio test setting, for one or more models.
//   npx tsx test/bench/recognition/demo-lookalikes.ts [model.onnx ...]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Matcher } from '../../../src/recognition/engine/matcher.js';
import { MATCH_PARAMS } from '../../../src/recognition/engine/params.js';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';
import { decodeImageFile } from '../../../src/recognition/node/decode-image.js';

const dir = join(import.meta.dirname, '../../../src/server/seed/demo-patterns');
const files = readdirSync(dir).filter((f) => f.endsWith('.jpg'));
const images = await Promise.all(files.map((f) => decodeImageFile(join(dir, f))));
const models = process.argv.slice(2);
for (const model of models.length > 0 ? models : [undefined]) {
  const engine = await createNodeEngine(model);
  for (const ratio of new Set([MATCH_PARAMS.ratio, 0.95, 0.9])) {
    let accepted = 0;
    let queries = 0;
    let most = 0;
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const { set } = await engine.compile([
          { id: files[i]!, images: [images[i]!] },
          { id: files[j]!, images: [images[j]!] },
        ]);
        const matcher = new Matcher(set, engine.net, { ...MATCH_PARAMS, ratio });
        for (let k = 0; k < files.length; k++) {
          if (k === i || k === j) continue;
          const r = await matcher.match(images[k]!);
          queries++;
          most = Math.max(most, r.evidence.inliers);
          if (r.pattern !== null) accepted++;
        }
      }
    }
    console.log(
      `${model ?? 'shipped model'} ratio ${ratio}: ${accepted} of ${queries} unseen look-alikes accepted, most inliers ${most}`,
    );
  }
}
