// Where ab.ts, profile.ts and speed-ab.ts keep compiled pattern sets: one file per venue, model and
// compile parameters (hashed), so a cached set never silently outlives a change of COMPILE_PARAMS.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { COMPILE_PARAMS, type CompileParams } from '../../../src/recognition/engine/params.js';

export function compiledSetPath(
  cache: string,
  venue: string,
  modelSha256: string,
  overrides: Partial<CompileParams>,
  tag = '',
): string {
  const params = createHash('sha256')
    .update(JSON.stringify({ ...COMPILE_PARAMS, ...overrides }))
    .digest('hex')
    .slice(0, 8);
  return join(cache, `${venue}-${modelSha256.slice(0, 8)}-${params}${tag}.bin`);
}
