#!/usr/bin/env node
// Browser and end-to-end tests drive Debian's Chromium (no browser downloads here). Installs it (and
// ffmpeg, which makes the fake-camera videos) with apt when missing and running as root.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!existsSync('/usr/bin/ffmpeg')) missing.push('ffmpeg');
if (missing.length === 0) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error(
    `Tests need ${missing.join(' and ')}: sudo apt-get install -y ${missing.join(' ')}`,
  );
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} from Debian for the browser tests…`);
execSync('apt-get update -qq', { stdio: 'inherit' });
execSync(`apt-get install -y -qq ${missing.join(' ')}`, {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
