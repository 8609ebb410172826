// CLI benchmark: runs `npx stamp-rally match --patterns <venue>/patterns --json <venue>/queries` on
// every venue of the recognition benchmark, as the held-out benchmark will, and prints the
// wall time per query with start-up and pattern compilation amortised, plus the CLI's accuracy.
//   npm run bench:cli                     # every venue, default threads (one per core)
//   STAMP_RALLY_THREADS=1 npx tsx test/bench/recognition/cli-bench.ts --venue clipart-8
import { spawn } from 'node:child_process';
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

function runCli(args: string[]): Promise<{ stdout: string; code: number | null; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/recognition/cli/bin.mjs', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
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
let totalMs = 0;
let totalQueries = 0;
let correct = 0;
let errors = 0;
for (const venue of venues) {
  const queries = join(venue.dir, 'queries');
  const run = await runCli(['match', '--patterns', join(venue.dir, 'patterns'), '--json', queries]);
  if (run.code !== 0) throw new Error(`stamp-rally exited ${run.code} on ${venue.name}`);
  const got = new Map(
    run.stdout
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
  totalMs += run.ms;
  totalQueries += venue.queries.length;
  correct += ok;
  errors += wrong;
  console.log(
    `${venue.name.padEnd(16)} ${String(venue.patterns.length).padStart(2)} patterns ${String(venue.queries.length).padStart(4)} queries  ${(run.ms / 1000).toFixed(1).padStart(6)} s  ${(run.ms / venue.queries.length).toFixed(1).padStart(6)} ms/query  correct ${ok}, wrong or false accept ${wrong}`,
  );
}
console.log(
  `all venues: ${totalQueries} queries in ${(totalMs / 1000).toFixed(1)} s = ${(totalMs / totalQueries).toFixed(1)} ms/query (start-up and compile included; goal ≤ 50), ${((100 * correct) / totalQueries).toFixed(1)} % of all queries answered right, ${errors} wrong or false accepts`,
);
