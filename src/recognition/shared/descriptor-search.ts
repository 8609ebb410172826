// The matcher's nearest-descriptor search in the WebAssembly kernels: a fixed set of reference
// descriptors, each owned by a pattern, indexed once by 12-bit chunks in its own kernel instance;
// queries return, per pattern within reach, the nearest descriptor. Same visits and tie-breaks as
// engine/hamming-index.ts, a few times faster (SIMD popcount, no callback per candidate).
import { KernelInstance } from './kernel-instance.js';

const CHUNK_BITS = 12;
const BUCKETS = 1 << CHUNK_BITS;

/** Per query: patterns within reach in order of first visit, with nearest distance and descriptor. */
export interface NearestPerPattern {
  /** Output rows: count, then (pattern, distance, descriptor) triples. */
  data: Int32Array;
  stride: number;
}

export class DescriptorSearch {
  private readonly inst = new KernelInstance();
  private readonly table: number;
  private readonly patterns: number;

  /** `patternOf[r]`: the pattern (0 … patterns − 1) owning reference descriptor r. */
  constructor(descriptors: Uint8Array, bytes: number, patternOf: Int32Array, patterns: number) {
    const count = descriptors.length / bytes;
    const chunks = Math.floor((bytes * 8) / CHUNK_BITS);
    this.patterns = patterns;
    const [table, desc, owner, seen, starts, members, nearestD, nearestR] = this.inst.persist([
      44,
      descriptors.length,
      4 * count,
      4 * count,
      4 * chunks * (BUCKETS + 1),
      4 * chunks * count,
      4 * patterns,
      4 * patterns,
    ]);
    const mem = this.inst.bytes();
    mem.set(descriptors, desc);
    new Int32Array(mem.buffer, owner, count).set(patternOf);
    mem.fill(0, seen, seen! + 4 * count);
    const fields = [desc, count, bytes, chunks, starts, members, seen, owner, nearestD, nearestR];
    new Int32Array(mem.buffer, table, 11).set([...fields.map(Number), patterns]);
    const [fill] = this.inst.arena([4 * BUCKETS]);
    this.inst.k.buildChunkIndex(desc!, count, bytes, chunks, starts!, members!, fill!);
    this.table = table!;
  }

  /** Nearest descriptor per pattern within `maxDistance` for queries `which` of `queries`. */
  nearest(queries: Uint8Array, which: readonly number[], maxDistance: number): NearestPerPattern {
    const stride = 1 + 3 * this.patterns;
    const [q, w, out] = this.inst.arena([
      queries.length,
      4 * which.length,
      4 * stride * which.length,
    ]);
    const mem = this.inst.bytes();
    mem.set(queries, q);
    new Int32Array(mem.buffer, w, which.length).set(which);
    this.inst.k.nearestPerPattern(this.table, q!, w!, which.length, maxDistance, out!);
    return { data: new Int32Array(mem.buffer, out, stride * which.length).slice(), stride };
  }
}
