#!/usr/bin/env node
// Entry of `npx stamp-rally`: bundles the TypeScript CLI and its worker thread with esbuild (about
// 0.1 s, cached by content hash under node_modules/.cache) and runs the bundle in plain Node, so it
// works right after `npm ci` and no thread pays for transpiling TypeScript on the fly.
import { bundleCli } from './bundle-cli.mjs';

let runCli;
try {
  ({ runCli } = await import(new URL('main.mjs', await bundleCli()).href));
} catch (err) {
  process.stderr.write(`stamp-rally: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
await runCli(process.argv.slice(2));
