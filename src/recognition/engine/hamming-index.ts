// Nearest-neighbour search over binary descriptors by multi-index hashing: each descriptor is cut
// into 12-bit chunks, one hash table per chunk; a query only measures the references that share at
// least one chunk exactly, which finds near neighbours (Hamming ≲ 40 of 256) at a tiny fraction of
// brute-force cost. Owner: the quality report's confusability (quality.ts). The matcher's per-frame
// search and the compiler's shared-feature marks use the same algorithm in the WebAssembly kernels
// (shared/descriptor-search.ts), checked visit by visit against this one.

const CHUNK_BITS = 12;
const BUCKETS = 1 << CHUNK_BITS;

export const POPCOUNT8 = (() => {
  const t = new Uint8Array(256);
  for (let i = 1; i < 256; i++) t[i] = (i & 1) + t[i >> 1]!;
  return t;
})();

export function hamming(
  a: Uint8Array,
  ai: number,
  b: Uint8Array,
  bi: number,
  bytes: number,
): number {
  let d = 0;
  for (let k = 0; k < bytes; k++) d += POPCOUNT8[a[ai + k]! ^ b[bi + k]!]!;
  return d;
}

function chunkValue(desc: Uint8Array, base: number, chunk: number): number {
  const bit = chunk * CHUNK_BITS;
  const i = base + (bit >> 3);
  const word = desc[i]! | (desc[i + 1]! << 8) | ((desc[i + 2] ?? 0) << 16);
  return (word >> (bit & 7)) & (BUCKETS - 1);
}

/** Bits set in a 32-bit word (SWAR). */
function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Descriptors as little-endian 32-bit words (bytes a multiple of 4), for word-wise Hamming. */
function toWords(bytes: Uint8Array): Uint32Array {
  const words = new Uint32Array(bytes.length / 4);
  for (let i = 0, j = 0; i < words.length; i++, j += 4)
    words[i] =
      (bytes[j]! | (bytes[j + 1]! << 8) | (bytes[j + 2]! << 16) | (bytes[j + 3]! << 24)) >>> 0;
  return words;
}

export interface Neighbour {
  /** Index of the reference descriptor. */
  index: number;
  distance: number;
}

export class HammingIndex {
  readonly count: number;
  private readonly chunks: number;
  /** Per chunk: bucket start offsets (BUCKETS + 1) into `members`. */
  private readonly starts: Int32Array[];
  private readonly members: Int32Array[];
  private readonly seen: Int32Array;
  /** Descriptors as 32-bit words when `bytes` is a multiple of 4 (else null: byte-wise). */
  private readonly words: Uint32Array | null;
  private readonly query: Uint32Array;
  private stamp = 0;

  constructor(
    readonly descriptors: Uint8Array,
    readonly bytes: number,
  ) {
    this.count = descriptors.length / bytes;
    this.chunks = Math.floor((bytes * 8) / CHUNK_BITS);
    this.seen = new Int32Array(this.count);
    this.words = bytes % 4 === 0 ? toWords(descriptors) : null;
    this.query = new Uint32Array(Math.ceil(bytes / 4));
    this.starts = [];
    this.members = [];
    for (let c = 0; c < this.chunks; c++) {
      const counts = new Int32Array(BUCKETS + 1);
      for (let r = 0; r < this.count; r++) counts[chunkValue(descriptors, r * bytes, c) + 1]!++;
      for (let b = 0; b < BUCKETS; b++) counts[b + 1]! += counts[b]!;
      const fill = counts.slice(0, BUCKETS);
      const members = new Int32Array(this.count);
      for (let r = 0; r < this.count; r++)
        members[fill[chunkValue(descriptors, r * bytes, c)]!++] = r;
      this.starts.push(counts);
      this.members.push(members);
    }
  }

  /**
   * Calls `visit` once for every reference sharing a chunk with query descriptor `qi` of `queries`
   * and lying within `maxDistance`.
   */
  near(
    queries: Uint8Array,
    qi: number,
    maxDistance: number,
    visit: (index: number, distance: number) => void,
  ): void {
    const base = qi * this.bytes;
    const stamp = ++this.stamp;
    const words = this.words;
    const nw = this.bytes >> 2;
    const q = this.query;
    if (words) {
      for (let k = 0, j = base; k < nw; k++, j += 4)
        q[k] =
          (queries[j]! |
            (queries[j + 1]! << 8) |
            (queries[j + 2]! << 16) |
            (queries[j + 3]! << 24)) >>>
          0;
    }
    if (words && nw === 8) {
      this.near256(queries, base, stamp, maxDistance, visit);
      return;
    }
    for (let c = 0; c < this.chunks; c++) {
      const v = chunkValue(queries, base, c);
      const starts = this.starts[c]!;
      const members = this.members[c]!;
      for (let m = starts[v]!; m < starts[v + 1]!; m++) {
        const r = members[m]!;
        if (this.seen[r] === stamp) continue;
        this.seen[r] = stamp;
        let d = 0;
        if (words) {
          for (let k = 0, w = r * nw; k < nw && d <= maxDistance; k++, w++)
            d += popcount32((q[k]! ^ words[w]!) >>> 0);
        } else d = hamming(queries, base, this.descriptors, r * this.bytes, this.bytes);
        if (d <= maxDistance) visit(r, d);
      }
    }
  }

  /**
   * near() for 256-bit descriptors, the shipped model's: the query words live in locals and the
   * word loop is unrolled into two halves (one early exit between them) — same visits, same
   * order, about a fifth faster than the general loop.
   */
  private near256(
    queries: Uint8Array,
    base: number,
    stamp: number,
    maxDistance: number,
    visit: (index: number, distance: number) => void,
  ): void {
    const words = this.words!;
    const seen = this.seen;
    const [q0, q1, q2, q3, q4, q5, q6, q7] = this.query;
    for (let c = 0; c < this.chunks; c++) {
      const v = chunkValue(queries, base, c);
      const starts = this.starts[c]!;
      const members = this.members[c]!;
      for (let m = starts[v]!, end = starts[v + 1]!; m < end; m++) {
        const r = members[m]!;
        if (seen[r] === stamp) continue;
        seen[r] = stamp;
        const w = r << 3;
        let d =
          popcount32(q0! ^ words[w]!) +
          popcount32(q1! ^ words[w + 1]!) +
          popcount32(q2! ^ words[w + 2]!) +
          popcount32(q3! ^ words[w + 3]!);
        if (d > maxDistance) continue;
        d +=
          popcount32(q4! ^ words[w + 4]!) +
          popcount32(q5! ^ words[w + 5]!) +
          popcount32(q6! ^ words[w + 6]!) +
          popcount32(q7! ^ words[w + 7]!);
        if (d <= maxDistance) visit(r, d);
      }
    }
  }
}
