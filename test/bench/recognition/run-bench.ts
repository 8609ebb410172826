// Recognition benchmark runner: generates (or reuses) the synthetic dataset, runs engines over every
// venue and prints accuracy, wrong-id, false-accept, breakdowns by venue/difficulty and ms/query.
//
//   npm run bench:recognition                                       # our engine (Node + browser) and ORB
//   npx tsx test/bench/recognition/run-bench.ts                     # ORB baseline, all venues
//   npx tsx test/bench/recognition/run-bench.ts --engine orb-baseline,orb-net --venue template-12 --limit 50
//   npx tsx test/bench/recognition/run-bench.ts --engine stamp-rally,stamp-rally-browser-webgpu --limit 12
//   RECOGNITION_BENCH_SCALE=3 npx tsx test/bench/recognition/run-bench.ts   # ~2,300 queries
//
// Needs the Debian image packages listed in dataset/sources.ts (SOURCE_PACKAGES) for generation.
// Then the same engines on real photo pairs (dataset/real-pairs.ts; Debian's opencv-doc) and on
// the demo posters as look-alikes of one another (dataset/demo-lookalikes.ts), each reported apart
// (--no-real, --no-lookalikes skip them). Results are also written to .cache/recognition-bench/
// results/<engine>.json, <engine>-real.json and <engine>-lookalikes.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { decodeImageFile } from '../../../src/recognition/node/decode-image.js';
import { decodePatterns, readDataset, type Venue } from './bench-data.js';
import type { BenchEngine, PatternImages } from './engine.js';
import { OrbBaseline } from './engines/orb-baseline.js';
import { ensureRealPairs, REAL_PAIRS_VENUE } from './dataset/real-pairs.js';
import { DEMO_LOOKALIKES_VENUE, demoLookalikeVenues } from './dataset/demo-lookalikes.js';
import { ensureDataset } from './generate-dataset.js';
import { printReport } from './report.js';
import type { Outcome } from './report.js';

sharp.concurrency(1);

const ENGINES: Record<string, () => Promise<BenchEngine>> = {
  'orb-baseline': async () => new OrbBaseline(),
  'orb-tuned': async () =>
    new OrbBaseline({ clahe: true, uniqueOnly: true, minAreaFraction: 0.05 }, 'orb-tuned'),
  'orb-clahe': async () => new OrbBaseline({ clahe: true }, 'orb-clahe'),
  'orb-net': async () => (await import('./engines/orb-net.js')).createOrbNet(),
  'stamp-rally': async () => (await import('./engines/stamp-rally.js')).createStampRallyEngine(),
  'stamp-rally-browser': async () =>
    (await import('./browser/browser-engine.js')).createBrowserEngine(),
  // WebGPU through SwiftShader here: checks decisions on the WebGPU backend, not GPU speed.
  'stamp-rally-browser-webgpu': async () =>
    (await import('./browser/browser-engine.js')).createBrowserEngine('webgpu'),
};

/** Runs `engine` over `venues` (each compiled once, then every query matched). */
async function runVenues(
  engine: BenchEngine,
  venues: readonly Venue[],
  limit: number,
): Promise<{ rows: Outcome[]; compileMs: number; refCount: number }> {
  const rows: Outcome[] = [];
  let compileMs = 0;
  let refCount = 0;
  for (const venue of venues) {
    const patterns: PatternImages[] = await decodePatterns(venue.patterns);
    const t0 = performance.now();
    await engine.compile(patterns);
    compileMs += performance.now() - t0;
    refCount += patterns.reduce((s, p) => s + p.images.length, 0);
    for (const q of venue.queries.slice(0, limit)) {
      const frame = await decodeImageFile(
        join(venue.queryDir ?? join(venue.dir, 'queries'), q.file),
      );
      const t = performance.now();
      const r = await engine.match(frame);
      const ms = r.ms ?? performance.now() - t;
      rows.push({
        venue: venue.name,
        file: q.file,
        kind: q.kind,
        tags: q.tags,
        label: q.pattern,
        pattern: r.pattern,
        score: r.score,
        candidate: r.candidate ?? r.pattern,
        candidateScore: r.candidateScore ?? r.score,
        ms,
      });
    }
    process.stderr.write(`[bench] ${engine.name} ${venue.name} done (${rows.length} queries)\n`);
  }
  return { rows, compileMs, refCount };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'orb-baseline' },
      venue: { type: 'string' },
      limit: { type: 'string' },
      root: { type: 'string', default: '.cache/recognition-bench' },
      // The real photo pairs (dataset/real-pairs.ts) and the demo-poster look-alikes
      // (dataset/demo-lookalikes.ts) are reported apart from the synthetic venues.
      'no-real': { type: 'boolean', default: false },
      'no-lookalikes': { type: 'boolean', default: false },
    },
  });
  const wanted = (name: string): boolean => !values.venue || values.venue.split(',').includes(name);
  const keep = (v: Venue): boolean => wanted(v.name);
  const synthetic = (await readDataset(await ensureDataset(values.root))).filter(keep);
  // Only needs opencv-doc when the real pairs will run.
  const real =
    values['no-real'] || !wanted(REAL_PAIRS_VENUE)
      ? []
      : await readDataset(ensureRealPairs(values.root));
  const lookalikes =
    values['no-lookalikes'] || !wanted(DEMO_LOOKALIKES_VENUE) ? [] : demoLookalikeVenues();
  const limit = values.limit ? Number(values.limit) : Infinity;
  mkdirSync(join(values.root, 'results'), { recursive: true });
  for (const name of values.engine.split(',')) {
    const make = ENGINES[name];
    if (!make) throw new Error(`unknown engine ${name}; known: ${Object.keys(ENGINES).join(', ')}`);
    const engine = await make();
    for (const [venues, title, suffix] of [
      [synthetic, engine.name, ''],
      [real, `${engine.name}, real photo pairs`, '-real'],
      [lookalikes, `${engine.name}, demo-poster look-alikes`, '-lookalikes'],
    ] as const) {
      if (venues.length === 0) continue;
      const { rows, compileMs, refCount } = await runVenues(engine, venues, limit);
      printReport(title, rows, compileMs, refCount);
      writeFileSync(
        join(values.root, 'results', `${engine.name}${suffix}.json`),
        JSON.stringify(rows),
      );
    }
    engine.dispose?.();
  }
}

await main();
