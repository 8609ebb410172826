// Multi-index hashing finds every near descriptor that brute force finds (within its guarantee).
import { describe, expect, it } from 'vitest';
import { HammingIndex, hamming } from '../../../src/recognition/engine/hamming-index.js';
import { createRng } from '../../../src/recognition/shared/rng.js';

describe('HammingIndex', () => {
  it('returns exactly the references within distance 20 (pigeonhole guarantee) with true distances', () => {
    const rng = createRng(7);
    const bytes = 32;
    const refs = Uint8Array.from({ length: 3000 * bytes }, () => rng.int(256));
    const queries = new Uint8Array(200 * bytes);
    for (let q = 0; q < 200; q++) {
      queries.set(refs.subarray(q * 13 * bytes, (q * 13 + 1) * bytes), q * bytes);
      for (let f = 0; f < rng.int(21); f++) {
        const bit = rng.int(256);
        queries[q * bytes + (bit >> 3)]! ^= 1 << (bit & 7);
      }
    }
    const index = new HammingIndex(refs, bytes);
    for (let q = 0; q < 200; q++) {
      const found = new Map<number, number>();
      index.near(queries, q, 20, (r, d) => found.set(r, d));
      const expected = new Map<number, number>();
      for (let r = 0; r < 3000; r++) {
        const d = hamming(queries, q * bytes, refs, r * bytes, bytes);
        if (d <= 20) expected.set(r, d);
      }
      expect(found).toEqual(expected);
      expect(found.has(q * 13)).toBe(true);
    }
  });

  it('visits every reference that shares a 12-bit chunk and lies within a wide radius', () => {
    const rng = createRng(8);
    const bytes = 32;
    const refs = Uint8Array.from({ length: 2000 * bytes }, () => rng.int(256));
    const queries = new Uint8Array(60 * bytes);
    for (let q = 0; q < 60; q++) {
      queries.set(refs.subarray(q * 31 * bytes, (q * 31 + 1) * bytes), q * bytes);
      for (let f = 0; f < 40 + rng.int(50); f++) {
        const bit = rng.int(256);
        queries[q * bytes + (bit >> 3)]! ^= 1 << (bit & 7);
      }
    }
    const chunk = (d: Uint8Array, base: number, c: number) => {
      let v = 0;
      for (let b = 0; b < 12; b++) {
        const bit = c * 12 + b;
        v |= ((d[base + (bit >> 3)]! >> (bit & 7)) & 1) << b;
      }
      return v;
    };
    const index = new HammingIndex(refs, bytes);
    let visits = 0;
    for (let q = 0; q < 60; q++) {
      const found: number[] = [];
      index.near(queries, q, 80, (r, d) => {
        expect(d).toBe(hamming(queries, q * bytes, refs, r * bytes, bytes));
        found.push(r);
      });
      const expected = new Set<number>();
      for (let r = 0; r < 2000; r++) {
        const shares = Array.from({ length: 21 }, (_, c) => c).some(
          (c) => chunk(queries, q * bytes, c) === chunk(refs, r * bytes, c),
        );
        if (shares && hamming(queries, q * bytes, refs, r * bytes, bytes) <= 80) expected.add(r);
      }
      expect(new Set(found)).toEqual(expected);
      expect(found.length).toBe(expected.size);
      visits += found.length;
    }
    expect(visits).toBeGreaterThan(30);
  });
});
