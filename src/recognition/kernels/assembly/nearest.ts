// Nearest reference descriptor per pattern by multi-index hashing (the matcher's vote): each
// descriptor is cut into 12-bit chunks with one bucket table per chunk; a query measures only the
// references sharing at least one chunk exactly, SIMD popcount for the Hamming distance. Same
// visits, in the same order, as src/recognition/engine/hamming-index.ts.

const BUCKETS = 4096;
const NONE: i32 = 0x7fffffff;
let stamp: i32 = 0;

/** The 12-bit chunk c of the descriptor at p (bits 12c … 12c + 11, little-endian). */
function chunk(p: usize, c: i32): i32 {
  const bit = c * 12;
  const i = p + <usize>(bit >> 3);
  return (((<i32>load<u8>(i)) | ((<i32>load<u8>(i, 1)) << 8)) >> (bit & 7)) & (BUCKETS - 1);
}

/** Hamming distance of two descriptors of `bytes` bytes. */
function distance(a: usize, b: usize, bytes: i32): i32 {
  let k = 0;
  let counts = i8x16.splat(0);
  // Each lane counts ≤ 8 bits per block: up to 31 blocks fit a byte lane.
  for (; k + 16 <= bytes; k += 16) {
    const x = v128.xor(v128.load(a + <usize>k), v128.load(b + <usize>k));
    counts = i8x16.add(counts, i8x16.popcnt(x));
  }
  const wide = i32x4.extadd_pairwise_i16x8_u(i16x8.extadd_pairwise_i8x16_u(counts));
  let d =
    i32x4.extract_lane(wide, 0) +
    i32x4.extract_lane(wide, 1) +
    i32x4.extract_lane(wide, 2) +
    i32x4.extract_lane(wide, 3);
  for (; k < bytes; k++)
    d += popcnt<i32>((<i32>load<u8>(a + <usize>k)) ^ (<i32>load<u8>(b + <usize>k)));
  return d;
}

/**
 * Bucket tables of `count` descriptors: per chunk, `starts` (BUCKETS + 1 offsets, i32) into
 * `members` (count indices, i32, ascending within a bucket); `fill` is scratch (BUCKETS i32).
 */
export function buildChunkIndex(
  desc: usize,
  count: i32,
  bytes: i32,
  chunks: i32,
  starts: usize,
  members: usize,
  fill: usize,
): void {
  for (let c = 0; c < chunks; c++) {
    const s = starts + <usize>(c * (BUCKETS + 1) * 4);
    const m = members + <usize>(c * count * 4);
    memory.fill(s, 0, (BUCKETS + 1) * 4);
    for (let r = 0; r < count; r++) {
      const at = s + ((<usize>(chunk(desc + <usize>(r * bytes), c) + 1)) << 2);
      store<i32>(at, load<i32>(at) + 1);
    }
    for (let b = 0; b < BUCKETS; b++) {
      const at = s + ((<usize>(b + 1)) << 2);
      store<i32>(at, load<i32>(at) + load<i32>(at - 4));
    }
    memory.copy(fill, s, BUCKETS * 4);
    for (let r = 0; r < count; r++) {
      const at = fill + ((<usize>chunk(desc + <usize>(r * bytes), c)) << 2);
      const slot = load<i32>(at);
      store<i32>(at, slot + 1);
      store<i32>(m + ((<usize>slot) << 2), r);
    }
  }
}

/**
 * For each of `n` queries (indices `which` into `queries`): the patterns (`patternOf` per reference
 * descriptor) with a descriptor within `maxDistance`, in order of first visit, each with its nearest
 * distance and descriptor (the first visited on ties). Output per query, i32: the number of such
 * patterns, then (pattern, distance, descriptor) triples; stride 1 + 3 × patterns. `index` holds
 * (desc, count, bytes, chunks, starts, members, seen, patternOf, nearestD, nearestR, patterns) as i32.
 */
export function nearestPerPattern(
  index: usize,
  queries: usize,
  which: usize,
  n: i32,
  maxDistance: i32,
  out: usize,
): void {
  const desc = <usize>load<i32>(index);
  const count = load<i32>(index, 4);
  const bytes = load<i32>(index, 8);
  const chunks = load<i32>(index, 12);
  const starts = <usize>load<i32>(index, 16);
  const members = <usize>load<i32>(index, 20);
  const seen = <usize>load<i32>(index, 24);
  const patternOf = <usize>load<i32>(index, 28);
  const nearestD = <usize>load<i32>(index, 32);
  const nearestR = <usize>load<i32>(index, 36);
  const patterns = load<i32>(index, 40);
  for (let p = 0; p < patterns; p++) store<i32>(nearestD + ((<usize>p) << 2), NONE);
  for (let qi = 0; qi < n; qi++) {
    const q = queries + <usize>(load<i32>(which + ((<usize>qi) << 2)) * bytes);
    const o = out + <usize>(qi * (1 + 3 * patterns) * 4);
    // Visited marks are stamps; before they wrap (after 2³¹ queries) the marks are cleared.
    if (stamp == NONE) {
      memory.fill(seen, 0, (<usize>count) << 2);
      stamp = 0;
    }
    const current = ++stamp;
    let touched = 0;
    for (let c = 0; c < chunks; c++) {
      const s = starts + ((<usize>(c * (BUCKETS + 1) + chunk(q, c))) << 2);
      const m = members + <usize>(c * count * 4);
      for (let k = load<i32>(s), end = load<i32>(s, 4); k < end; k++) {
        const r = load<i32>(m + ((<usize>k) << 2));
        const seenAt = seen + ((<usize>r) << 2);
        if (load<i32>(seenAt) == current) continue;
        store<i32>(seenAt, current);
        const d = distance(q, desc + <usize>(r * bytes), bytes);
        if (d > maxDistance) continue;
        const p = (<usize>load<i32>(patternOf + ((<usize>r) << 2))) << 2;
        const best = load<i32>(nearestD + p);
        if (best == NONE) store<i32>(o + <usize>(4 + 12 * touched++), <i32>(p >> 2));
        if (d < best) {
          store<i32>(nearestD + p, d);
          store<i32>(nearestR + p, r);
        }
      }
    }
    store<i32>(o, touched);
    for (let t = 0; t < touched; t++) {
      const e = o + <usize>(4 + 12 * t);
      const p = (<usize>load<i32>(e)) << 2;
      store<i32>(e, load<i32>(nearestD + p), 4);
      store<i32>(e, load<i32>(nearestR + p), 8);
      store<i32>(nearestD + p, NONE);
    }
  }
}
