// Bundles the CLI (main.ts) and its worker process (pool-worker.ts) into plain ES modules, packages
// left external, in a folder named by the bundle's content hash: unchanged sources reuse it, and
// concurrent runs never see a half-written bundle (each writes a private folder, then renames it).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');

/** The folder (as a file: URL ending in /) holding main.mjs and pool-worker.mjs. */
export async function bundleCli() {
  const result = await build({
    entryPoints: { main: join(here, 'main.ts'), 'pool-worker': join(here, 'pool-worker.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    outdir: 'out',
    write: false,
    logLevel: 'error',
  });
  const hash = createHash('sha256');
  for (const f of result.outputFiles) hash.update(f.path).update(f.contents);
  const cache = join(root, 'node_modules', '.cache', 'stamp-rally-cli');
  const dir = join(cache, hash.digest('hex').slice(0, 16));
  if (!existsSync(dir)) {
    try {
      writeBundle(cache, dir, result.outputFiles);
    } catch (err) {
      throw new Error(`cannot write the CLI bundle under ${cache}: ${err.message}`, { cause: err });
    }
  }
  return pathToFileURL(dir + '/');
}

function writeBundle(cache, dir, files) {
  mkdirSync(cache, { recursive: true });
  const tmp = mkdtempSync(join(cache, 'tmp-'));
  for (const f of files) writeFileSync(join(tmp, f.path.split(/[\\/]/).pop()), f.contents);
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another run renamed the same bundle first
  }
}
