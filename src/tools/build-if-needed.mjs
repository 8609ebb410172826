#!/usr/bin/env node
// Builds server and PWA only when a source file is newer than the last build (or there is none).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.build-stamp';
// Run from the repository root (npm scripts do).
const INPUTS = ['src', 'public', 'models', 'vite.config.ts', 'package-lock.json', 'package.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const stampTime = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const sourceTime = Math.max(
  ...INPUTS.concat(readdirSync('.').filter((f) => f.startsWith('tsconfig'))).map(newestMtime),
);
if (
  stampTime > sourceTime &&
  existsSync('dist/client/index.html') &&
  existsSync('dist/node/server/server.js')
) {
  process.exit(0);
}
console.log('Building stamp-rally (server + PWA)…');
const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(STAMP, new Date().toISOString());
