// Benchmark dataset layout (shared by the generator and the runner) and a reader that expands a
// pattern folder exactly like the CLI contract: <id>.(jpg|png|webp) or <id>/ with several photos.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { decodeImageFile, type RgbaImage } from '../../../src/recognition/node/decode-image.js';

export const GENERATOR_VERSION = 'v2';
export const IMAGE_EXT = /\.(jpe?g|png|webp)$/i;

export type QueryKind = 'positive' | 'neg-empty' | 'neg-unseen' | 'neg-tiny' | 'neg-blur';

export interface QueryLabel {
  file: string;
  /** Expected pattern id, or null when the engine must reject. */
  pattern: string | null;
  kind: QueryKind;
  tags: string[];
  /**
   * Where the artwork's corners (top-left, top-right, bottom-right, bottom-left of the reference)
   * landed in the frame, in frame pixels (absent for empty scenes and in older caches).
   */
  quad?: { x: number; y: number }[];
}

export interface LabelsFile {
  v: 1;
  venue: string;
  queries: QueryLabel[];
}

export interface Manifest {
  v: 1;
  generator: string;
  scale: number;
  venues: string[];
  queryCount: number;
}

export interface PatternRefs {
  id: string;
  files: string[];
}

export interface Venue {
  name: string;
  dir: string;
  patterns: PatternRefs[];
  queries: QueryLabel[];
}

export function datasetDir(root: string, scale: number): string {
  return join(root, `${GENERATOR_VERSION}-s${scale}`);
}

/** Expands a pattern folder per the CLI contract; throws on a missing or empty folder. */
export function readPatternDir(dir: string): PatternRefs[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new Error(`pattern folder not found: ${dir}`);
  const out: PatternRefs[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      const files = readdirSync(p)
        .filter((f) => IMAGE_EXT.test(f))
        .sort()
        .map((f) => join(p, f));
      if (files.length > 0) out.push({ id: name, files });
    } else if (IMAGE_EXT.test(name)) {
      out.push({ id: basename(name, extname(name)), files: [p] });
    }
  }
  if (out.length === 0) throw new Error(`no reference images in ${dir}`);
  return out;
}

export function readDataset(dir: string): Venue[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  return manifest.venues.map((name) => {
    const vdir = join(dir, name);
    const labels = JSON.parse(
      readFileSync(join(vdir, 'queries', 'labels.json'), 'utf8'),
    ) as LabelsFile;
    return {
      name,
      dir: vdir,
      patterns: readPatternDir(join(vdir, 'patterns')),
      queries: labels.queries,
    };
  });
}

/** Every pattern's reference photos, decoded, in the order given. */
export async function decodePatterns(
  refs: readonly PatternRefs[],
): Promise<Array<{ id: string; images: RgbaImage[] }>> {
  const out = [];
  for (const p of refs)
    out.push({ id: p.id, images: await Promise.all(p.files.map(decodeImageFile)) });
  return out;
}
