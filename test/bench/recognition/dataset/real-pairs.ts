// Real photo pairs for the benchmark, beside the synthetic venues: OpenCV's sample photographs
// (Debian's opencv-doc), each scene photographed twice — the first photo is the pattern's
// reference, the second, from another viewpoint, distance or light, the query — plus real
// photographs that show none of the patterns, which must return null. Copied as they are (no
// synthetic degradation), in the dataset layout of bench-data.ts.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { LabelsFile, Manifest, QueryLabel } from '../bench-data.js';

export const REAL_PAIRS_PACKAGE = 'opencv-doc';
const DATA = '/usr/share/doc/opencv-doc/examples/data';
const VERSION = 'real-v1';
export const REAL_PAIRS_VENUE = 'real-pairs';

/** Reference photo → second photo of the same scene, with what changes between the two. */
const PAIRS = [
  { id: 'box', reference: 'box.png', query: 'box_in_scene.png', tags: ['cluttered', 'rotated'] },
  { id: 'graffiti', reference: 'graf1.png', query: 'graf3.png', tags: ['tilt>40'] },
  { id: 'aerial', reference: 'aero1.jpg', query: 'aero3.jpg', tags: ['rotated', 'small'] },
  { id: 'street', reference: 'leuvenA.jpg', query: 'leuvenB.jpg', tags: ['3d-scene'] },
] as const;

/** More patterns of the venue that no query shows (a painting, a photo, a circuit board, sweets). */
const OTHER_PATTERNS = ['starry_night.jpg', 'baboon.jpg', 'board.jpg', 'smarties.png'];

/** Real photographs of none of the patterns. */
const UNRELATED = [
  'home.jpg',
  'building.jpg',
  'fruits.jpg',
  'HappyFish.jpg',
  'messi5.jpg',
  'basketball1.png',
  'orange.jpg',
  'apple.jpg',
  'butterfly.jpg',
  'chicky_512.png',
];

/** The real-pairs dataset folder (built on first use from the installed package). */
export function ensureRealPairs(root = '.cache/recognition-bench'): string {
  const dir = join(root, VERSION);
  if (existsSync(join(dir, 'manifest.json'))) return dir;
  if (!existsSync(join(DATA, 'graf1.png'))) {
    throw new Error(
      `the real photo pairs need Debian's ${REAL_PAIRS_PACKAGE}: apt-get install -y ${REAL_PAIRS_PACKAGE}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  const vdir = join(dir, REAL_PAIRS_VENUE);
  mkdirSync(join(vdir, 'patterns'), { recursive: true });
  mkdirSync(join(vdir, 'queries'), { recursive: true });
  for (const p of PAIRS)
    copyFileSync(join(DATA, p.reference), join(vdir, 'patterns', p.id + extname(p.reference)));
  for (const file of OTHER_PATTERNS) copyFileSync(join(DATA, file), join(vdir, 'patterns', file));
  const queries: QueryLabel[] = [];
  const add = (source: string, label: Omit<QueryLabel, 'file'>): void => {
    const file = `q${String(queries.length + 1).padStart(4, '0')}${extname(source)}`;
    copyFileSync(join(DATA, source), join(vdir, 'queries', file));
    queries.push({ file, ...label });
  };
  for (const p of PAIRS)
    add(p.query, { pattern: p.id, kind: 'positive', tags: ['real', ...p.tags] });
  for (const file of UNRELATED) add(file, { pattern: null, kind: 'neg-empty', tags: ['real'] });
  const labels: LabelsFile = { v: 1, venue: REAL_PAIRS_VENUE, queries };
  writeFileSync(join(vdir, 'queries', 'labels.json'), JSON.stringify(labels, null, 1));
  const manifest: Manifest = {
    v: 1,
    generator: VERSION,
    scale: 1,
    venues: [REAL_PAIRS_VENUE],
    queryCount: queries.length,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return dir;
}
