// The WebAssembly descriptor search gives, per pattern, exactly the nearest descriptor (and order of
// patterns) that a walk over HammingIndex's visits gives — the matcher's vote before the kernel.
import { describe, expect, it } from 'vitest';
import { HammingIndex } from '../../../src/recognition/engine/hamming-index.js';
import { DescriptorSearch } from '../../../src/recognition/shared/descriptor-search.js';
import { createRng } from '../../../src/recognition/shared/rng.js';

/** References of `patterns` patterns, and queries that are noisy copies of some of them. */
function fixture(bytes: number, seed: number) {
  const rng = createRng(seed);
  const count = 2500;
  const refs = Uint8Array.from({ length: count * bytes }, () => rng.int(256));
  // Near-duplicates across patterns, so ties and cross-pattern neighbours occur.
  for (let r = 0; r < count / 2; r += 5) {
    const twin = r + count / 2;
    refs.copyWithin(twin * bytes, r * bytes, (r + 1) * bytes);
    refs[twin * bytes + rng.int(bytes)]! ^= 1 << rng.int(8);
  }
  // Exact duplicates within a pattern: ties, which the first visited descriptor wins.
  for (let r = 0; r + 1 < count; r += 11)
    refs.copyWithin((r + 1) * bytes, r * bytes, (r + 1) * bytes);
  const patternOf = Int32Array.from({ length: count }, (_, r) => Math.floor((r * 9) / count));
  const queries = new Uint8Array(300 * bytes);
  for (let q = 0; q < 300; q++) {
    const from = rng.int(count);
    queries.set(refs.subarray(from * bytes, (from + 1) * bytes), q * bytes);
    for (let f = 0; f < rng.int(60); f++) {
      const bit = rng.int(bytes * 8);
      queries[q * bytes + (bit >> 3)]! ^= 1 << (bit & 7);
    }
  }
  return { refs, patternOf, queries };
}

/** The old vote's inner loop: first visit order of patterns, nearest (first on ties) per pattern. */
function reference(index: HammingIndex, patternOf: Int32Array, queries: Uint8Array, q: number) {
  const nearest = new Map<number, [number, number]>();
  index.near(queries, q, 80, (r, d) => {
    const p = patternOf[r]!;
    const best = nearest.get(p);
    if (!best || d < best[0]) nearest.set(p, [d, r]);
  });
  return [...nearest].map(([p, [d, r]]) => [p, d, r]);
}

describe('DescriptorSearch', () => {
  for (const bytes of [32, 24, 1]) {
    it(`matches HammingIndex visit by visit for ${bytes}-byte descriptors`, () => {
      const { refs, patternOf, queries } = fixture(bytes, bytes);
      const index = new HammingIndex(refs, bytes);
      const search = new DescriptorSearch(refs, bytes, patternOf, 9);
      const which = Array.from({ length: 300 }, (_, q) => (q * 7) % 300);
      const { data, stride } = search.nearest(queries, which, 80);
      let found = 0;
      which.forEach((q, n) => {
        const row = data.subarray(n * stride, n * stride + 1 + 3 * data[n * stride]!);
        const got = Array.from({ length: row[0]! }, (_, t) => [
          ...row.subarray(1 + 3 * t, 4 + 3 * t),
        ]);
        expect(got).toEqual(reference(index, patternOf, queries, q));
        found += got.length;
      });
      if (bytes > 1) expect(found).toBeGreaterThan(330);
    });
  }
});
