// Quick A/B of matcher parameter variants on a fixed subset of the benchmark (every Nth query of
// every venue). Compiled sets are cached per venue, model and compile parameters (ab-cache.ts);
// variants are MatchParams overrides.
//   npx tsx test/bench/recognition/ab.ts --every 5 --variants '{"base":{},"r85":{"ratio":0.85}}'
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Matcher } from '../../../src/recognition/engine/matcher.js';
import { MATCH_PARAMS, type MatchParams } from '../../../src/recognition/engine/params.js';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';
import { decodeImageFile } from '../../../src/recognition/node/decode-image.js';
import { readDataset } from './bench-data.js';
import { ensureDataset } from './generate-dataset.js';
import { cachedCompiledSet } from './ab-cache.js';

const { values } = parseArgs({
  options: {
    every: { type: 'string', default: '5' },
    variants: { type: 'string', default: '{"base":{}}' },
    cache: { type: 'string', default: '.cache/recognition-bench/ab' },
    recompile: { type: 'boolean', default: false },
    venue: { type: 'string' },
    dump: { type: 'string' },
    compile: { type: 'string', default: '{}' },
    tag: { type: 'string', default: '' },
    // Another descriptor model (ONNX file) instead of the shipped one, to compare end to end.
    model: { type: 'string' },
    // With RECOGNITION_BENCH_SCALE=3: only the queries the scale-1 set does not have (the first
    // third of each venue is the scale-1 set, drawn from the same seeds), i.e. never tuned on.
    'held-out': { type: 'boolean', default: false },
  },
});
const every = Number(values.every);
const variants = JSON.parse(values.variants) as Record<string, Partial<MatchParams>>;
const engine = await createNodeEngine(values.model);
const venues = (await readDataset(await ensureDataset('.cache/recognition-bench'))).filter(
  (v) => !values.venue || values.venue.split(',').includes(v.name),
);
type Row = {
  venue: string;
  tags: string[];
  kind: string;
  label: string | null;
  got: string | null;
  reason: string | null;
  inliers: number;
  candidate: string | null;
  runnerUp: number;
  ms: number;
  file: string;
};
const rows: Record<string, Row[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (const venue of venues) {
  const bytes = await cachedCompiledSet(values.cache, venue, engine.net, {
    overrides: JSON.parse(values.compile),
    tag: values.tag,
    fresh: values.recompile,
  });
  const matchers = Object.entries(variants).map(
    ([k, v]) => [k, Matcher.fromArtifact(bytes, engine.net, { ...MATCH_PARAMS, ...v })] as const,
  );
  const first = values['held-out'] ? Math.round(venue.queries.length / 3) : 0;
  const queries = venue.queries.slice(first).filter((_, i) => i % every === 0);
  for (const q of queries) {
    const frame = await decodeImageFile(join(venue.dir, 'queries', q.file));
    for (const [k, m] of matchers) {
      const t = performance.now();
      const r = await m.match(frame);
      rows[k]!.push({
        venue: venue.name,
        tags: q.tags,
        kind: q.kind,
        label: q.pattern,
        got: r.pattern,
        reason: r.evidence.rejected,
        inliers: r.evidence.inliers,
        candidate: r.evidence.candidate ?? null,
        runnerUp: r.evidence.runnerUp ?? 0,
        ms: performance.now() - t,
        file: q.file,
      });
    }
  }
}
const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
for (const [k, rs] of Object.entries(rows)) {
  const pos = rs.filter((r) => r.label !== null);
  const neg = rs.filter((r) => r.label === null);
  const ok = pos.filter((r) => r.got === r.label).length;
  const wrong = pos.filter((r) => r.got !== null && r.got !== r.label).length;
  const fa = neg.filter((r) => r.got !== null).length;
  const ms = rs.reduce((s, r) => s + r.ms, 0) / rs.length;
  const byVenue = [...new Set(rs.map((r) => r.venue))].map((v) => {
    const p = pos.filter((r) => r.venue === v);
    return `${v.split('-')[0]} ${pct(p.filter((r) => r.got === r.label).length, p.length)}`;
  });
  const reasons: Record<string, number> = {};
  for (const r of pos)
    if (r.got !== r.label) reasons[r.reason ?? 'wrong'] = (reasons[r.reason ?? 'wrong'] ?? 0) + 1;
  console.log(
    `${k.padEnd(14)} acc ${pct(ok, pos.length)}% (${ok}/${pos.length}) wrong ${wrong} FA ${fa}/${neg.length} ${ms.toFixed(1)} ms | ${byVenue.join(', ')} | ${JSON.stringify(reasons)}`,
  );
}
if (values.dump) writeFileSync(values.dump, JSON.stringify(rows));
