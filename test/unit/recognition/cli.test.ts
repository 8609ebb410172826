// `npx stamp-rally` as a user runs it: the match output contract, compile, and clear failures.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/recognition/cli/bin.mjs');
const POSTERS = join(ROOT, 'src/server/seed/demo-patterns');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      timeout: 120_000,
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
});
