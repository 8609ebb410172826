// CLI benchmark: runs `npx stamp-rally match --patterns <venue>/patterns --json <venue>/queries` on
// every venue of the recognition benchmark, as the held-out benchmark will, and prints the
// wall time per query with start-up and pattern compilation amortised, plus the CLI's accuracy.
// Each venue runs twice: cold (an empty pattern-set cache: everything compiled, as on a fresh
// clone) and warm (the set from the cold run; same answers required).
//   npm run bench:cli                     # every venue, default workers (one per core)
//   STAMP_RALLY_WORKERS=1 npx tsx test/bench/recognition/cli-bench.ts --venue clipart-8
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataset } from './bench-data.js';
import { ensureDataset } from './generate-dataset.js';

const { values } = parseArgs({
  options: {
    venue: { type: 'string' },
    root: { type: 'string', default: '.cache/recognition-bench' },
  },
});

const cache = mkdtempSync(join(tmpdir(), 'sr-cli-bench-'));
process.on('exit', () => rmSync(cache, { recursive: true, force: true }));

function runCli(args: string[]): Promise<{ stdout: string; code: number | null; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/recognition/cli/bin.mjs', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, STAMP_RALLY_CACHE: cache },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, code, ms: performance.now() - started }));
  });
}

const venues = (await readDataset(await ensureDataset(values.root))).filter(
  (v) => !values.venue || values.venue.split(',').includes(v.name),
);
const totalMs = { cold: 0, warm: 0 };
let totalQueries = 0;
let correct = 0;
let errors = 0;
const perQuery = (ms: number, n: number) => `${(ms / n).toFixed(1).padStart(5)} ms/query`;
for (const venue of venues) {
  const queries = join(venue.dir, 'queries');
  const args = ['match', '--patterns', join(venue.dir, 'patterns'), '--json', queries];
  const cold = await runCli(args);
  const warm = await runCli(args);
  for (const run of [cold, warm])
    if (run.code !== 0) throw new Error(`stamp-rally exited ${run.code} on ${venue.name}`);
  if (warm.stdout !== cold.stdout)
    throw new Error(`${venue.name}: the cached set answered otherwise`);
  const got = new Map(
    cold.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; pattern: string | null })
      .map((r) => [r.file.slice(queries.length + 1), r.pattern] as const),
  );
  if (got.size !== venue.queries.length)
    throw new Error(`${venue.name}: ${got.size} answers for ${venue.queries.length} queries`);
  let ok = 0;
  let wrong = 0;
  for (const q of venue.queries) {
    const answer = got.get(q.file);
    if (answer === q.pattern) ok++;
    else if (answer !== null) wrong++;
  }
  const n = venue.queries.length;
  totalMs.cold += cold.ms;
  totalMs.warm += warm.ms;
  totalQueries += n;
  correct += ok;
  errors += wrong;
  console.log(
    `${venue.name.padEnd(16)} ${String(venue.patterns.length).padStart(2)} patterns ${String(n).padStart(4)} queries  cold ${(cold.ms / 1000).toFixed(1).padStart(5)} s ${perQuery(cold.ms, n)}, warm ${(warm.ms / 1000).toFixed(1).padStart(5)} s ${perQuery(warm.ms, n)}  correct ${ok}, wrong or false accept ${wrong}`,
  );
}
console.log(
  `all venues: ${totalQueries} queries, cold ${(totalMs.cold / 1000).toFixed(1)} s = ${perQuery(totalMs.cold, totalQueries)} (start-up and compile included; goal ≤ 50), warm (pattern sets cached) ${perQuery(totalMs.warm, totalQueries)}; ${((100 * correct) / totalQueries).toFixed(1)} % of all queries answered right, ${errors} wrong or false accepts`,
);
