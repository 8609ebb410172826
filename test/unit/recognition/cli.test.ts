// `npx stamp-rally` as a user runs it: the match output contract, compile, and clear failures.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/recognition/cli/bin.mjs');
const POSTERS = join(ROOT, 'src/server/seed/demo-patterns');

async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      timeout: 120_000,
      // No pattern-set cache unless a test asks for one: each run compiles, as on a fresh clone.
      env: { ...process.env, STAMP_RALLY_CACHE: 'off', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('stamp-rally CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sr-cli-'));
  const patterns = join(dir, 'patterns');
  const queries = join(dir, 'queries');
  beforeAll(() => {
    mkdirSync(join(patterns, 'snowman'), { recursive: true });
    mkdirSync(queries);
    copyFileSync(join(POSTERS, 'santa-workshop.jpg'), join(patterns, 'santa.jpg'));
    copyFileSync(join(POSTERS, 'snowman-village.jpg'), join(patterns, 'snowman', 'front.jpg'));
    copyFileSync(join(POSTERS, 'snowman-village.jpg'), join(queries, 'b-snowman.jpg'));
    copyFileSync(join(POSTERS, 'toy-train-station.jpg'), join(queries, 'a-train.jpg'));
    writeFileSync(join(queries, 'notes.txt'), 'not an image');
  });

  it('prints one JSON line per query, folders expanded by name', async () => {
    const single = join(POSTERS, 'santa-workshop.jpg');
    const { code, stdout } = await cli([
      'match',
      '--patterns',
      patterns,
      '--json',
      single,
      queries,
    ]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; pattern: string | null; score: number });
    expect(lines.map((l) => l.file)).toEqual([
      single,
      join(queries, 'a-train.jpg'),
      join(queries, 'b-snowman.jpg'),
    ]);
    expect(lines.map((l) => l.pattern)).toEqual(['santa', null, 'snowman']);
    for (const l of lines) expect(Object.keys(l)).toEqual(['file', 'pattern', 'score']);
  }, 120_000);

  it('compiles an artifact and prints the quality report', async () => {
    const out = join(dir, 'set.bin');
    const { code, stdout } = await cli(['compile', '--patterns', patterns, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/santa/);
    expect(stdout).toMatch(/wrote .*set\.bin/);
  }, 120_000);

  it('fails clearly on a missing folder, an empty set and an unreadable image', async () => {
    const missing = await cli(['match', '--patterns', join(dir, 'nope'), '--json', queries]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/patterns folder not found/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const none = await cli(['match', '--patterns', empty, '--json', queries]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/empty pattern set/);
    const broken = join(dir, 'broken.jpg');
    writeFileSync(broken, 'this is not a jpeg');
    const bad = await cli(['match', '--patterns', patterns, '--json', broken]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/cannot read image .*broken\.jpg/);
  }, 120_000);

  it('answers in query order whatever the number of worker processes, and reports an unreadable query in its place', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    const posters = ['santa-workshop', 'snowman-village', 'toy-train-station'];
    for (let i = 0; i < 7; i++)
      copyFileSync(join(POSTERS, `${posters[i % 3]!}.jpg`), join(many, `q${i}.jpg`));
    writeFileSync(join(many, 'q3.jpg'), 'truncated');
    const args = ['match', '--patterns', patterns, '--json', many];
    const one = await cli(args, { STAMP_RALLY_WORKERS: '1' });
    const three = await cli(args, { STAMP_RALLY_WORKERS: '3' });
    expect(one.code).toBe(1);
    expect(three.code).toBe(1);
    expect(three.stdout).toBe(one.stdout);
    const lines = one.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; pattern: string | null });
    expect(lines.map((l) => l.file)).toEqual(
      [0, 1, 2, 4, 5, 6].map((i) => join(many, `q${i}.jpg`)),
    );
    expect(lines.map((l) => l.pattern)).toEqual([
      'santa',
      'snowman',
      null,
      'snowman',
      null,
      'santa',
    ]);
    expect(three.stderr).toMatch(/cannot read image .*q3\.jpg/);
  }, 120_000);

  it('refuses a worker count it cannot run, with a clear message', async () => {
    for (const workers of ['0', '0.5', 'many', '1000']) {
      const r = await cli(['match', '--patterns', patterns, '--json', queries], {
        STAMP_RALLY_WORKERS: workers,
      });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(
        `STAMP_RALLY_WORKERS must be a whole number from 1 to 64, not "${workers}"`,
      );
    }
  }, 120_000);

  it('loads the compiled set a previous run cached, and compiles again when it is damaged', async () => {
    const cache = join(dir, 'set-cache');
    const env = { STAMP_RALLY_CACHE: cache };
    const args = ['match', '--patterns', patterns, '--json', queries];
    const answers = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { pattern: string | null }).pattern);
    const first = await cli(args, env);
    expect(answers(first.stdout)).toEqual([null, 'snowman']);
    const sets = readdirSync(cache).filter((n) => n.endsWith('.set'));
    expect(sets).toHaveLength(1);
    const cached = join(cache, sets[0]!);
    // Plant the same photos compiled under other names: a run that reads the cache answers with them.
    const renamed = join(dir, 'renamed');
    mkdirSync(renamed);
    copyFileSync(join(patterns, 'santa.jpg'), join(renamed, 'claus.jpg'));
    copyFileSync(join(patterns, 'snowman', 'front.jpg'), join(renamed, 'frosty.jpg'));
    expect((await cli(['compile', '--patterns', renamed, '--out', cached])).code).toBe(0);
    expect(answers((await cli(args, env)).stdout)).toEqual([null, 'frosty']);
    writeFileSync(cached, 'damaged');
    const again = await cli(args, env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(readFileSync(cached).length).toBeGreaterThan(1000);
  }, 120_000);

  it('fails clearly on an unreadable reference photo', async () => {
    const bad = join(dir, 'bad-patterns');
    mkdirSync(bad);
    copyFileSync(join(POSTERS, 'santa-workshop.jpg'), join(bad, 'santa.jpg'));
    writeFileSync(join(bad, 'broken.png'), 'not a png');
    const cache = join(dir, 'bad-cache');
    const r = await cli(['match', '--patterns', bad, '--json', queries], {
      STAMP_RALLY_CACHE: cache,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot read image .*broken\.png/);
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]); // nothing cached
  }, 120_000);

  it('says how large an oversized photo is instead of decoding it', async () => {
    const big = join(dir, 'big-queries');
    mkdirSync(big);
    // 8,000 × 8,000 = 64 megapixels of one grey: a small file that would decode to 256 MB.
    await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#808080' } })
      .png()
      .toFile(join(big, 'huge.png'));
    const r = await cli(['match', '--patterns', patterns, '--json', big]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /cannot read image .*huge\.png: 8000×8000 is 64 megapixels, over the limit of 60 megapixels/,
    );
  }, 120_000);
});
