// On-disk cache of the pattern sets `stamp-rally match` compiles: a second run over the same
// patterns folder loads the artifact instead of compiling every reference again (≈ 2–4 s of start-up
// for 8–30 patterns on 2 cores). The key hashes the CLI's code (the bundle's content hash, which
// covers the compile parameters), every pattern id and the bytes of every reference photo; the
// artifact itself records the model, and a set the workers refuse is simply compiled again.
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PatternFiles } from './image-files.js';

/** Sets kept in the folder; older ones (by last use) are removed when a new one is written. */
const KEEP = 32;

export class SetCache {
  constructor(
    private readonly dir: string,
    /** Identifies the code that compiles (the CLI bundle's hash). */
    private readonly codeId: string,
  ) {}

  /** The cache named by STAMP_RALLY_CACHE (a folder, or `off`), else `fallbackDir`; null when off. */
  static fromEnv(fallbackDir: string | undefined, codeId: string): SetCache | null {
    const setting = process.env.STAMP_RALLY_CACHE;
    if (setting === 'off') return null;
    const dir = setting || fallbackDir;
    return dir ? new SetCache(dir, codeId) : null;
  }

  /** The set's key; null when a photo cannot be read (compiling then reports it as such). */
  async key(patterns: readonly PatternFiles[]): Promise<string | null> {
    const hash = createHash('sha256').update(`stamp-rally set cache 1\0${this.codeId}\0`);
    try {
      for (const p of patterns) {
        hash.update(`pattern\0${p.id}\0${p.files.length}\0`);
        for (const file of p.files) {
          const bytes = await readFile(file);
          hash.update(`${basename(file)}\0${bytes.length}\0`).update(bytes);
        }
      }
    } catch {
      return null;
    }
    return hash.digest('hex');
  }

  private path(key: string): string {
    return join(this.dir, `${key}.set`);
  }

  /** The cached artifact, or null (absent or unreadable: the caller compiles). */
  read(key: string): Uint8Array | null {
    try {
      const bytes = readFileSync(this.path(key));
      touch(this.path(key));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch {
      return null;
    }
  }

  /** Stores an artifact (atomically: concurrent runs never read half a file); never throws. */
  write(key: string, artifact: Uint8Array): void {
    const tmp = join(this.dir, `${key}.${process.pid}.tmp`);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(tmp, artifact);
      renameSync(tmp, this.path(key));
      this.prune();
    } catch (err) {
      rmSync(tmp, { force: true });
      process.stderr.write(
        `stamp-rally: pattern set not cached (${err instanceof Error ? err.message : String(err)})\n`,
      );
    }
  }

  private prune(): void {
    const sets = readdirSync(this.dir)
      .filter((n) => n.endsWith('.set'))
      .map((n) => join(this.dir, n))
      .map((path) => ({ path, used: statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.used - a.used);
    for (const { path } of sets.slice(KEEP)) rmSync(path, { force: true });
  }
}

/** Marks a set as used now, for pruning; a read-only cache still serves its sets. */
function touch(path: string): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    // the set is kept or pruned by its older time
  }
}
