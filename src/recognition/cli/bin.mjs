#!/usr/bin/env node
// Entry of `npx stamp-rally`: bundles the TypeScript CLI and its worker thread with esbuild (about
// 0.1 s, cached by content hash under node_modules/.cache) and runs the bundle in plain Node, so it
// works right after `npm ci` and no thread pays for transpiling TypeScript on the fly.
import { bundleCli } from './bundle-cli.mjs';

const dir = await bundleCli();
const { runCli } = await import(new URL('main.mjs', dir).href);
await runCli(process.argv.slice(2));
