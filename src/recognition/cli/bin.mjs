#!/usr/bin/env node
// Entry of `npx stamp-rally`: bundles the TypeScript CLI and its worker process with esbuild (about
// 0.1 s, cached by content hash under node_modules/.cache) and runs the bundle in plain Node, so it
// works right after `npm ci` and no process pays for transpiling TypeScript on the fly. Compiled
// pattern sets are cached beside the bundles, keyed by the bundle's hash (see set-cache.ts).
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCli } from './bundle-cli.mjs';

let runCli;
let bundle;
try {
  bundle = await bundleCli();
  ({ runCli } = await import(new URL('main.mjs', bundle).href));
} catch (err) {
  process.stderr.write(`stamp-rally: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
await runCli(process.argv.slice(2), {
  cacheDir: fileURLToPath(new URL('../sets/', bundle)),
  codeId: basename(fileURLToPath(bundle)),
});
