// Frame keypoints → putative correspondences per reference: each frame descriptor votes for the
// pattern whose nearest descriptor is within `ratio` × the nearest of every other pattern (so the
// several photos of one booth do not cancel out), paired with that nearest reference feature.
import type { Keypoint } from '../shared/patches.js';
import type { CompiledPatternSet } from './artifact.js';
import { DescriptorSearch } from '../shared/descriptor-search.js';
import { referenceKeypoint } from './pose-check.js';

export interface RefEntry {
  pattern: number;
  reference: number;
  /** Index of the reference's first descriptor in the global index. */
  offset: number;
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

  constructor(private readonly set: CompiledPatternSet) {
    const all: Uint8Array[] = [];
    let offset = 0;
    set.patterns.forEach((p, pi) =>
      p.references.forEach((r, ri) => {
        this.refs.push({ pattern: pi, reference: ri, offset });
        all.push(r.descriptors);
        offset += r.descriptors.length / set.descriptorBytes;
      }),
    );
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
        const group = groups.get(v.ref) ?? { src: [], dst: [], d: [] };
        group.src.push(referenceKeypoint(reference, v.feature));
        group.dst.push(keypoints[q]!);
        group.d.push(v.d);
        groups.set(v.ref, group);
      }
    }
    return groups;
  }
}

interface Vote {
  ref: number;
  feature: number;
  d: number;
}

/** Per keypoint index: its votes (undefined until searched). */
export type Votes = Array<Vote[] | undefined>;
