// The CLI's file contract: a patterns folder (one image per pattern, or a sub-folder of photos per
// pattern) and query arguments (files, or folders expanded to their images sorted by name).
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

export const IMAGE_FILE = /\.(?:jpe?g|png|webp)$/i;

/** A missing folder, an empty pattern set: the input is wrong, not the command line. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface PatternFiles {
  id: string;
  files: string[];
}

async function kind(path: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function imagesIn(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => IMAGE_FILE.test(n)).sort(byName);
  return names.map((n) => join(dir, n));
}

/** Reads `<dir>/<id>.jpg|png|webp` and `<dir>/<id>/*.jpg|png|webp` into patterns sorted by id. */
export async function readPatternDir(dir: string): Promise<PatternFiles[]> {
  if ((await kind(dir)) !== 'dir') throw new InputError(`patterns folder not found: ${dir}`);
  const patterns = new Map<string, string[]>();
  for (const name of (await readdir(dir)).sort(byName)) {
    const path = join(dir, name);
    const k = await kind(path);
    if (k === 'file' && IMAGE_FILE.test(name)) {
      const id = basename(name, extname(name));
      patterns.set(id, [...(patterns.get(id) ?? []), path]);
    } else if (k === 'dir') {
      const files = await imagesIn(path);
      if (files.length === 0)
        throw new InputError(`pattern folder ${path} holds no jpg/png/webp images`);
      patterns.set(name, [...(patterns.get(name) ?? []), ...files]);
    }
  }
  if (patterns.size === 0) {
    throw new InputError(
      `empty pattern set: ${dir} holds no jpg/png/webp images or pattern sub-folders`,
    );
  }
  return [...patterns.keys()].sort(byName).map((id) => ({ id, files: patterns.get(id)! }));
}

/** Expands query arguments: files as given, folders to their image files sorted by name. */
export async function expandQueries(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const k = await kind(arg);
    if (k === null) throw new InputError(`query not found: ${arg}`);
    if (k === 'file') files.push(arg);
    else files.push(...(await imagesIn(arg)));
  }
  return files;
}
