// The benchmark's venues: how many patterns each has, how their artwork (and unseen look-alike
// artwork for negatives) is made, and how many queries they get at scale 1.
import type { Rng } from '../../../../src/recognition/shared/rng.js';
import {
  boothName,
  makeTemplate,
  renderClipartPoster,
  renderPhotoPrint,
  renderTemplatePoster,
} from './posters.js';
import type { RgbImage } from './sources.js';

export interface VenueSpec {
  name: string;
  patterns: number;
  unseen: number;
  queries: number;
  /** Reference photos per pattern; >1 writes <id>/ sub-folders. */
  refsPerPattern: number;
}

export const VENUES: readonly VenueSpec[] = [
  { name: 'clipart-8', patterns: 8, unseen: 6, queries: 110, refsPerPattern: 1 },
  { name: 'mixed-15', patterns: 15, unseen: 6, queries: 160, refsPerPattern: 2 },
  { name: 'clipart-30', patterns: 30, unseen: 8, queries: 220, refsPerPattern: 1 },
  { name: 'template-12', patterns: 12, unseen: 6, queries: 160, refsPerPattern: 1 },
  { name: 'lowcontrast-10', patterns: 10, unseen: 4, queries: 130, refsPerPattern: 1 },
];

export interface Pools {
  clipart: string[];
  characters: string[];
  artPhotos: RgbImage[];
  graphics: RgbImage[];
}

/** Takes n items off the front of a pool so no two artworks share a source. */
function take<T>(pool: T[], n: number): T[] {
  if (pool.length < n) throw new Error('source pool exhausted');
  return pool.splice(0, n);
}

/** Renders `count` artworks in the venue's style (set patterns and unseen look-alikes alike). */
export async function venueArtworks(
  spec: VenueSpec,
  rng: Rng,
  pools: Pools,
  count: number,
): Promise<RgbImage[]> {
  const out: RgbImage[] = [];
  if (spec.name.startsWith('template')) {
    const template = await makeTemplate(rng, pools.graphics);
    const names = new Set<string>();
    while (names.size < count) names.add(boothName(rng));
    for (const name of names)
      out.push(await renderTemplatePoster(template, take(pools.characters, 1)[0]!, name));
    return out;
  }
  for (let i = 0; i < count; i++) {
    if (spec.name.startsWith('lowcontrast')) {
      out.push(await renderPhotoPrint(rng, take(pools.artPhotos, 1)[0]!, true));
    } else if (spec.name.startsWith('mixed') && i % 5 < 2) {
      out.push(await renderPhotoPrint(rng, take(pools.artPhotos, 1)[0]!, false));
    } else {
      out.push(await renderClipartPoster(rng, take(pools.clipart, 1 + rng.int(4)), pools.graphics));
    }
  }
  return out;
}
