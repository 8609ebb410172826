// Look-alike negatives drawn by code no benchmark or training image comes from: the eight demo
// posters (src/server/seed) share a header banner, number badge, border and lettering, so every
// pair of them is taken as a pattern set and the six others as unseen queries that must all be
// rejected (28 sets, 168 queries). Reported apart from the synthetic venues, like the real pairs.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Venue } from '../bench-data.js';

export const DEMO_LOOKALIKES_VENUE = 'demo-lookalikes';
const DIR = join(import.meta.dirname, '../../../../src/server/seed/demo-patterns');

/** One venue per pair of demo posters, with the other posters as its queries. */
export function demoLookalikeVenues(): Venue[] {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.jpg'))
    .sort();
  const id = (f: string) => f.replace(/\.jpg$/, '');
  const venues: Venue[] = [];
  for (let i = 0; i < files.length; i++) {
    for (let j = i + 1; j < files.length; j++) {
      venues.push({
        name: DEMO_LOOKALIKES_VENUE,
        dir: DIR,
        queryDir: DIR,
        patterns: [files[i]!, files[j]!].map((f) => ({ id: id(f), files: [join(DIR, f)] })),
        queries: files
          .filter((_, k) => k !== i && k !== j)
          .map((f) => ({ file: f, pattern: null, kind: 'neg-unseen', tags: ['look-alike'] })),
      });
    }
  }
  return venues;
}
