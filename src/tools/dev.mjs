#!/usr/bin/env node
// `npm run dev`: the API rebuilt and restarted on change (port 8080) plus Vite's dev server for the
// PWA (port 5173, proxying /api). The service worker only runs in `npm start` (built) mode.
import { spawn, spawnSync } from 'node:child_process';

spawnSync('npx', ['tsc', '-b', 'tsconfig.server.json'], { stdio: 'inherit' });
const children = [
  spawn('npx', ['tsc', '-b', 'tsconfig.server.json', '--watch', '--preserveWatchOutput'], {
    stdio: 'inherit',
  }),
  spawn('node', ['--watch', 'dist/node/server/server.js'], {
    stdio: 'inherit',
    env: { ...process.env, STATIC_DIR: 'dist/client' },
  }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
