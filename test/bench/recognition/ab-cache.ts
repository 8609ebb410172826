// Where ab.ts, funnel.ts, profile.ts and speed-ab.ts keep compiled pattern sets: one file per venue,
// model and compile parameters (hashed), so a cached set never silently outlives a change of
// COMPILE_PARAMS; compiled on first use.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePatternSet } from '../../../src/recognition/engine/compiler.js';
import { ARTIFACT_VERSION } from '../../../src/recognition/engine/artifact.js';
import type { DescriptorNet } from '../../../src/recognition/engine/describe.js';
import { COMPILE_PARAMS, type CompileParams } from '../../../src/recognition/engine/params.js';
import { decodePatterns, type Venue } from './bench-data.js';

export function compiledSetPath(
  cache: string,
  venue: string,
  modelSha256: string,
  overrides: Partial<CompileParams>,
  tag = '',
): string {
  const params = createHash('sha256')
    .update(JSON.stringify({ v: ARTIFACT_VERSION, ...COMPILE_PARAMS, ...overrides }))
    .digest('hex')
    .slice(0, 8);
  return join(cache, `${venue}-${modelSha256.slice(0, 8)}-${params}${tag}.bin`);
}

/** The venue's compiled artifact from the cache, compiled (and cached) when missing or `fresh`. */
export async function cachedCompiledSet(
  cache: string,
  venue: Venue,
  net: DescriptorNet,
  options: { overrides?: Partial<CompileParams>; tag?: string; fresh?: boolean } = {},
): Promise<Uint8Array> {
  const overrides = options.overrides ?? {};
  const file = compiledSetPath(cache, venue.name, net.sha256, overrides, options.tag);
  if (options.fresh || !existsSync(file)) {
    const patterns = await decodePatterns(venue.patterns);
    const t = performance.now();
    const { artifact } = await compilePatternSet(patterns, net, {
      ...COMPILE_PARAMS,
      ...overrides,
    });
    process.stderr.write(
      `[bench] compiled ${venue.name} in ${(performance.now() - t).toFixed(0)} ms, ${artifact.length} B\n`,
    );
    mkdirSync(cache, { recursive: true });
    writeFileSync(file, artifact);
  }
  return new Uint8Array(readFileSync(file));
}
