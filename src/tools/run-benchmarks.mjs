#!/usr/bin/env node
// `npm run bench`: runs every `bench:*` script in package.json in turn and fails if any fails.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
const benches = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n=== npm run ${name}`);
  const result = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
console.log(`\n${benches.length} benchmarks run, ${failed} failed`);
process.exit(failed ? 1 : 0);
