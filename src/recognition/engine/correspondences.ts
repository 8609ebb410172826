// Frame keypoints → putative correspondences per reference: each frame descriptor votes for the
// pattern whose nearest descriptor is within `ratio` × the nearest of every other pattern (so the
// several photos of one booth do not cancel out), paired with that nearest reference feature. A
// feature of a booth's further photo that lies on the artwork located there also counts for the
// first photo, carried into its pixels, so matches split between two photos of one print add up.
import type { Keypoint } from '../shared/patches.js';
import type { CompiledPatternSet, CompiledReference } from './artifact.js';
import { DescriptorSearch } from '../shared/descriptor-search.js';
import { mapKeypoint, referenceKeypoint } from './pose-check.js';
import { estimateHomography, type Mat3 } from '../shared/homography.js';
import { insideQuad } from './colour-check.js';
import { imageCorners } from '../shared/quad-check.js';

export interface RefEntry {
  pattern: number;
  reference: number;
  /** Index of the reference's first descriptor in the global index. */
  offset: number;
  /**
   * A further photo of a booth whose artwork the compiler located: its pixels → the first photo's
   * (the pattern's first reference is `primary` in `refs`), for features inside the outline.
   */
  toPrimary?: { h: Mat3; primary: number; outline: number[] };
}

/** Correspondences of one reference: reference keypoint → frame keypoint, with descriptor distance. */
export interface Group {
  src: Keypoint[];
  dst: Keypoint[];
  d: number[];
}

/** Every reference feature of a pattern set in one Hamming index, with its owner. */
export class ReferenceIndex {
  readonly refs: RefEntry[] = [];
  private readonly search: DescriptorSearch;
  private readonly owner: Int32Array;

  constructor(
    private readonly set: CompiledPatternSet,
    pool = false,
  ) {
    const all: Uint8Array[] = [];
    let offset = 0;
    set.patterns.forEach((p, pi) => {
      const primary = this.refs.length;
      p.references.forEach((r, ri) => {
        const toPrimary = pool && ri > 0 ? primaryMapping(p.references[0]!, r) : null;
        this.refs.push({
          pattern: pi,
          reference: ri,
          offset,
          ...(toPrimary && { toPrimary: { ...toPrimary, primary } }),
        });
        all.push(r.descriptors);
        offset += r.descriptors.length / set.descriptorBytes;
      });
    });
    const descriptors = new Uint8Array(offset * set.descriptorBytes);
    let at = 0;
    for (const d of all) {
      descriptors.set(d, at);
      at += d.length;
    }
    this.owner = new Int32Array(offset);
    this.refs.forEach((r, k) => {
      const n = set.patterns[r.pattern]!.references[r.reference]!.points.length / 2;
      this.owner.fill(k, r.offset, r.offset + n);
    });
    const patternOf = this.owner.map((k) => this.refs[k]!.pattern);
    this.search = new DescriptorSearch(
      descriptors,
      set.descriptorBytes,
      patternOf,
      set.patterns.length,
    );
  }

  /**
   * Votes of keypoints `which` (descriptor indices) into `votes`: for each, the
   * references (position in `refs`) and their features that pass the cross-pattern test.
   */
  vote(
    descriptors: Uint8Array,
    which: Iterable<number>,
    maxDistance: number,
    ratio: number,
    votes: Votes,
  ): void {
    const queries = [...which];
    const { data, stride } = this.search.nearest(descriptors, queries, maxDistance);
    queries.forEach((q, n) => {
      const row = n * stride;
      const touched = data[row]!;
      let first = maxDistance + 1;
      let second = maxDistance + 1;
      for (let t = 0; t < touched; t++) {
        const d = data[row + 2 + 3 * t]!;
        if (d < first) {
          second = first;
          first = d;
        } else if (d < second) second = d;
      }
      const mine: Vote[] = [];
      for (let t = 0; t < touched; t++) {
        const d = data[row + 2 + 3 * t]!;
        if (d > ratio * (d === first ? second : first)) continue;
        const r = data[row + 3 + 3 * t]!;
        const k = this.owner[r]!;
        mine.push({ ref: k, feature: r - this.refs[k]!.offset, d });
      }
      votes[q] = mine;
    });
  }

  /** Correspondences per reference from the votes of keypoints `which`, in ascending order. */
  groups(
    keypoints: readonly Keypoint[],
    votes: Votes,
    which: readonly number[],
  ): Map<number, Group> {
    const groups = new Map<number, Group>();
    for (const q of which) {
      for (const v of votes[q] ?? []) {
        const ref = this.refs[v.ref]!;
        const reference = this.set.patterns[ref.pattern]!.references[ref.reference]!;
        const src = referenceKeypoint(reference, v.feature);
        add(groups, v.ref, src, keypoints[q]!, v.d);
        const pooled = ref.toPrimary;
        if (pooled && insideQuad(pooled.outline, src.x / reference.width, src.y / reference.height))
          add(groups, pooled.primary, mapKeypoint(pooled.h, src), keypoints[q]!, v.d);
      }
    }
    return groups;
  }
}

function add(groups: Map<number, Group>, ref: number, src: Keypoint, dst: Keypoint, d: number) {
  const group = groups.get(ref) ?? { src: [], dst: [], d: [] };
  group.src.push(src);
  group.dst.push(dst);
  group.d.push(d);
  groups.set(ref, group);
}

/** Further photo's pixels → the first photo's, from the located outline (null: not located). */
function primaryMapping(
  first: CompiledReference,
  further: CompiledReference,
): { h: Mat3; outline: number[] } | null {
  const outline = further.colours.artwork;
  if (!outline || outline.length !== 8) return null;
  const quad = [0, 1, 2, 3].map((i) => ({
    x: outline[2 * i]! * further.width,
    y: outline[2 * i + 1]! * further.height,
  }));
  const h = estimateHomography(quad, imageCorners(first.width, first.height));
  return h && { h, outline };
}

interface Vote {
  ref: number;
  feature: number;
  d: number;
}

/** Per keypoint index: its votes (undefined until searched). */
export type Votes = Array<Vote[] | undefined>;
