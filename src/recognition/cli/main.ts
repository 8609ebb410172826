// `npx stamp-rally <command>`: match query photos against a folder of patterns, or compile a folder
// into a pattern-set artifact with its quality report. Exit 0 on success, 1 on bad input, 2 on usage.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { decodeImageFile } from '../node/decode-image.js';
import { createNodeEngine } from '../node/node-engine.js';
import { formatQualityReport } from './format-report.js';
import { expandQueries, InputError, readPatternDir, type PatternFiles } from './image-files.js';
import { defaultWorkers, MatchPool } from './match-pool.js';
import { SetCache } from './set-cache.js';
import { assemblePatternSet } from '../engine/compiler.js';
import { encodeArtifact, type CompiledPattern } from '../engine/artifact.js';

class UsageError extends Error {
  override name = 'UsageError';
}

const USAGE = `usage:
  stamp-rally match --patterns <dir> [--json] <query file or folder>...
  stamp-rally compile --patterns <dir> --out <file>`;

async function loadPatterns(dir: string) {
  const patterns = await readPatternDir(dir);
  return Promise.all(
    patterns.map(async (p) => ({
      id: p.id,
      images: await Promise.all(p.files.map(decodeImageFile)),
    })),
  );
}

/** Where a run may keep compiled sets (bin.mjs passes the bundle's; absent: no cache). */
export interface CliContext {
  cacheDir?: string;
  /** The compiling code's identity (the bundle's content hash). */
  codeId?: string;
}

/** Compiles the patterns on the pool's workers (one job per pattern) into an artifact. */
async function compileOnPool(pool: MatchPool, patterns: PatternFiles[]): Promise<Uint8Array> {
  const compiled: CompiledPattern[] = [];
  let model: { sha256: string; dims: number } | undefined;
  await pool.run(
    patterns.map((p) => ({ op: 'compile', pattern: p.id, files: p.files })),
    (reply) => {
      if (!reply.ok)
        throw reply.unreadable ? new InputError(reply.message) : new Error(reply.message);
      compiled.push(reply.compiled!);
      model = reply.model;
    },
  );
  return encodeArtifact(assemblePatternSet(compiled, model!));
}

/** Loads the pattern set into every worker: from the cache when it holds one they accept. */
async function loadPatternSet(pool: MatchPool, patterns: PatternFiles[], cache: SetCache | null) {
  const key = cache ? await cache.key(patterns) : null;
  const cached = key ? cache!.read(key) : null;
  const load = (artifact: Uint8Array) => pool.broadcast({ op: 'load', artifact });
  // A cached set the workers refuse (another model, a damaged file) is compiled again.
  if (cached && (await load(cached)).every((reply) => reply.ok)) return;
  const artifact = await compileOnPool(pool, patterns);
  for (const reply of await load(artifact)) if (!reply.ok) throw new Error(reply.message);
  if (key) cache!.write(key, artifact);
}

/** Compiling a pattern costs about as much as matching this many queries (≈ 115 / 33 ms). */
const COMPILE_WEIGHT = 4;

async function match(
  dir: string,
  queryArgs: string[],
  json: boolean,
  context: CliContext,
): Promise<number> {
  if (queryArgs.length === 0) throw new UsageError('match needs at least one query file or folder');
  const files = await expandQueries(queryArgs);
  const patterns = await readPatternDir(dir);
  const pool = new MatchPool(defaultWorkers(files.length + COMPILE_WEIGHT * patterns.length));
  try {
    const cache = context.codeId ? SetCache.fromEnv(context.cacheDir, context.codeId) : null;
    await loadPatternSet(pool, patterns, cache);
    let failures = 0;
    await pool.run(
      files.map((file) => ({ op: 'match', file })),
      (reply, i) => {
        const file = files[i]!;
        if (!reply.ok) {
          if (!reply.unreadable) throw new Error(reply.message);
          process.stderr.write(`stamp-rally: ${reply.message}\n`);
          failures++;
          return;
        }
        const score = Math.round(reply.score! * 1e4) / 1e4;
        process.stdout.write(
          json
            ? `${JSON.stringify({ file, pattern: reply.pattern, score })}\n`
            : `${file}\t${reply.pattern ?? '(none)'}\t${score}\n`,
        );
      },
    );
    return failures > 0 ? 1 : 0;
  } finally {
    await pool.close();
  }
}

async function compile(dir: string, out: string): Promise<number> {
  const engine = await createNodeEngine();
  const { artifact, report } = await engine.compile(await loadPatterns(dir));
  await writeFile(out, artifact);
  process.stdout.write(
    `${formatQualityReport(report)}\nwrote ${out} (${artifact.byteLength} bytes)\n`,
  );
  return 0;
}

export async function main(argv: string[], context: CliContext = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      patterns: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (!values.patterns) throw new UsageError('--patterns <dir> is required');
  if (command === 'match') return match(values.patterns, rest, values.json, context);
  if (command === 'compile') {
    if (!values.out) throw new UsageError('compile needs --out <file>');
    return compile(values.patterns, values.out);
  }
  throw new UsageError(`unknown command "${command}"`);
}

export async function runCli(argv: string[], context: CliContext = {}): Promise<void> {
  try {
    process.exitCode = await main(argv, context);
  } catch (err) {
    const usage =
      err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`stamp-rally: ${err instanceof Error ? err.message : String(err)}\n`);
    if (usage) process.stderr.write(`${USAGE}\n`);
    process.exitCode = usage ? 2 : 1;
  }
}
