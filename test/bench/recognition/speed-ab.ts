// Speed of two engine versions on the same frames, interleaved query by query so that load from
// other jobs on the machine hits both alike. The other version is a source tree extracted beside
// the checkout (it must sit under the repository so it resolves node_modules), e.g.
//   mkdir -p .cache/old && git archive HEAD src/recognition models | tar -x -C .cache/old
//   npx tsx test/bench/recognition/speed-ab.ts --old .cache/old --every 3
// Both load the artifacts ab.ts cached (same format), and decisions are compared as well.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';
import { decodeImageFile } from '../../../src/recognition/node/decode-image.js';
import { readDataset } from './bench-data.js';
import { ensureDataset } from './generate-dataset.js';
import { compiledSetPath } from './ab-cache.js';

const { values } = parseArgs({
  options: {
    old: { type: 'string' },
    every: { type: 'string', default: '3' },
    cache: { type: 'string', default: '.cache/recognition-bench/ab' },
    tag: { type: 'string', default: '' },
  },
});
if (!values.old) throw new Error('--old <extracted source tree> is required');
type Engine = {
  net: { sha256: string };
  loadMatcher(a: Uint8Array): { match(f: unknown): Promise<{ pattern: string | null }> };
};
const oldEngine = (await (
  (await import(resolve(values.old, 'src/recognition/node/node-engine.ts'))) as {
    createNodeEngine(): Promise<Engine>;
  }
).createNodeEngine()) as Engine;
const newEngine = await createNodeEngine();
const venues = await readDataset(await ensureDataset('.cache/recognition-bench'));
const ms = { old: [] as number[], new: [] as number[] };
const byKind = { old: { pos: 0, neg: 0 }, new: { pos: 0, neg: 0 } };
let positives = 0;
let same = 0;
let frames = 0;
for (const venue of venues) {
  const file = compiledSetPath(values.cache, venue.name, newEngine.net.sha256, {}, values.tag);
  const bytes = new Uint8Array(readFileSync(file));
  const matchers = { old: oldEngine.loadMatcher(bytes), new: newEngine.loadMatcher(bytes) };
  for (const q of venue.queries.filter((_, i) => i % Number(values.every) === 0)) {
    const frame = await decodeImageFile(join(venue.dir, 'queries', q.file));
    const got: Record<string, string | null> = {};
    // Alternate which version goes first, so neither always runs on a warmer cache.
    const order = frames % 2 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    for (const k of order) {
      const t = performance.now();
      got[k] = (await matchers[k].match(frame)).pattern;
      const dt = performance.now() - t;
      ms[k].push(dt);
      byKind[k][q.pattern === null ? 'neg' : 'pos'] += dt;
    }
    frames++;
    if (q.pattern !== null) positives++;
    if (got.old === got.new) same++;
  }
}
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length * 0.95)]!;
for (const k of ['old', 'new'] as const) {
  console.log(
    `${k}: ${mean(ms[k]).toFixed(1)} ms/frame (p95 ${p95(ms[k]).toFixed(0)}), positives ${(byKind[k].pos / positives).toFixed(1)}, negatives ${(byKind[k].neg / (frames - positives)).toFixed(1)}`,
  );
}
console.log(`${frames} frames, same decision on ${same}`);
