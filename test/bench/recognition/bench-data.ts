// Benchmark dataset layout (shared by the generator and the runner), its reader (pattern folders
// through the CLI's own readPatternDir, so the bench sees what `stamp-rally match` would), and the
// decoding of a venue's reference photos.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPatternDir, type PatternFiles } from '../../../src/recognition/cli/image-files.js';
import { decodeImageFile, type RgbaImage } from '../../../src/recognition/node/decode-image.js';

export const GENERATOR_VERSION = 'v3';

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

export interface Venue {
  name: string;
  dir: string;
  /** Where the query files are (absent: `<dir>/queries`). */
  queryDir?: string;
  patterns: PatternFiles[];
  queries: QueryLabel[];
}

export function datasetDir(root: string, scale: number): string {
  return join(root, `${GENERATOR_VERSION}-s${scale}`);
}

/** The dataset's venues, in the manifest's order. */
export async function readDataset(dir: string): Promise<Venue[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const venues: Venue[] = [];
  for (const name of manifest.venues) {
    const vdir = join(dir, name);
    const labels = JSON.parse(
      readFileSync(join(vdir, 'queries', 'labels.json'), 'utf8'),
    ) as LabelsFile;
    const patterns = await readPatternDir(join(vdir, 'patterns'));
    venues.push({ name, dir: vdir, patterns, queries: labels.queries });
  }
  return venues;
}

/** Every pattern's reference photos, decoded, in the order given. */
export async function decodePatterns(
  refs: readonly PatternFiles[],
): Promise<Array<{ id: string; images: RgbaImage[] }>> {
  const out = [];
  for (const p of refs)
    out.push({ id: p.id, images: await Promise.all(p.files.map(decodeImageFile)) });
  return out;
}
