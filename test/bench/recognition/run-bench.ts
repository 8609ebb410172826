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
// Results are also written to .cache/recognition-bench/results/<engine>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { decodeImageFile } from '../../../src/recognition/node/decode-image.js';
import { readDataset } from './bench-data.js';
import type { BenchEngine, PatternImages } from './engine.js';
import { OrbBaseline } from './engines/orb-baseline.js';
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'orb-baseline' },
      venue: { type: 'string' },
      limit: { type: 'string' },
      root: { type: 'string', default: '.cache/recognition-bench' },
    },
  });
  const dir = await ensureDataset(values.root);
  const venues = readDataset(dir).filter(
    (v) => !values.venue || values.venue.split(',').includes(v.name),
  );
  const limit = values.limit ? Number(values.limit) : Infinity;
  for (const name of values.engine.split(',')) {
    const make = ENGINES[name];
    if (!make) throw new Error(`unknown engine ${name}; known: ${Object.keys(ENGINES).join(', ')}`);
    const engine = await make();
    const rows: Outcome[] = [];
    let compileMs = 0;
    let refCount = 0;
    for (const venue of venues) {
      const patterns: PatternImages[] = [];
      for (const p of venue.patterns)
        patterns.push({ id: p.id, images: await Promise.all(p.files.map(decodeImageFile)) });
      const t0 = performance.now();
      await engine.compile(patterns);
      compileMs += performance.now() - t0;
      refCount += patterns.reduce((s, p) => s + p.images.length, 0);
      for (const q of venue.queries.slice(0, limit)) {
        const frame = await decodeImageFile(join(venue.dir, 'queries', q.file));
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
    engine.dispose?.();
    printReport(engine.name, rows, compileMs, refCount);
    mkdirSync(join(values.root, 'results'), { recursive: true });
    writeFileSync(join(values.root, 'results', `${engine.name}.json`), JSON.stringify(rows));
  }
}

await main();
