// The compiled pattern-set artifact: exact round trip, clear errors for foreign or newer data.
import { describe, expect, it } from 'vitest';
import {
  ARTIFACT_VERSION,
  ArtifactFormatError,
  decodeArtifact,
  encodeArtifact,
  type CompiledPatternSet,
} from '../../../src/recognition/engine/artifact.js';

function sampleSet(): CompiledPatternSet {
  const ref = (n: number, seed: number) => ({
    width: 480,
    height: 360,
    points: Float32Array.from({ length: n * 2 }, (_, i) => ((i * 37 + seed) % 4000) / 9),
    angles: Float32Array.from({ length: n }, (_, i) => (i * 97.3 + seed) % 360),
    sizes: Float32Array.from({ length: n }, (_, i) => 7 + ((i * 53.1 + seed) % 300)),
    descriptors: Uint8Array.from({ length: n * 32 }, (_, i) => (i * 131 + seed) & 255),
    colours: {
      width: 4,
      height: 3,
      rgb: Uint8Array.from({ length: 36 }, (_, i) => (i * 71 + seed) & 255),
      ...(seed === 2 && { artwork: [0.1, 0.2, 0.9, 0.15, 0.85, 0.8, 0.12, 0.75] }),
    },
  });
  return {
    v: ARTIFACT_VERSION,
    modelSha256: 'ab'.repeat(32),
    descriptorBytes: 32,
    patterns: [
      { id: 'santa', references: [ref(5, 1), ref(3, 2)] },
      { id: '薑餅屋', references: [ref(7, 3)] },
    ],
  };
}

describe('pattern-set artifact', () => {
  it('round-trips ids, sizes, descriptors and colours exactly, points to 1/16 px, keypoint poses closely', () => {
    const set = sampleSet();
    const back = decodeArtifact(encodeArtifact(set));
    expect(back.modelSha256).toBe(set.modelSha256);
    expect(back.patterns.map((p) => p.id)).toEqual(['santa', '薑餅屋']);
    back.patterns.forEach((p, i) =>
      p.references.forEach((r, j) => {
        const original = set.patterns[i]!.references[j]!;
        expect([r.width, r.height]).toEqual([480, 360]);
        expect(r.descriptors).toEqual(original.descriptors);
        expect(r.colours).toEqual(original.colours);
        r.points.forEach((v, k) =>
          expect(Math.abs(v - original.points[k]!)).toBeLessThanOrEqual(1 / 32),
        );
        r.angles.forEach((a, k) => {
          const diff = Math.abs(a - original.angles[k]!);
          expect(Math.min(diff, 360 - diff)).toBeLessThanOrEqual(360 / 512 + 1e-4);
        });
        r.sizes.forEach((size, k) =>
          expect(Math.abs(Math.log2(size / original.sizes[k]!))).toBeLessThanOrEqual(1 / 32 + 1e-6),
        );
      }),
    );
  });

  it('refuses foreign, truncated and newer artifacts with a clear error', () => {
    const bytes = encodeArtifact(sampleSet());
    expect(() => decodeArtifact(new TextEncoder().encode('{"v":1}'))).toThrow(ArtifactFormatError);
    expect(() => decodeArtifact(bytes.subarray(0, bytes.length - 10))).toThrow(/truncated/);
    const newer = encodeArtifact({ ...sampleSet(), v: 4 as unknown as 3 });
    expect(() => decodeArtifact(newer)).toThrow(/v4 is not supported/);
    // An artifact of the previous format (no colour thumbnails) is refused, not misread.
    const older = encodeArtifact({ ...sampleSet(), v: 2 as unknown as 3 });
    expect(() => decodeArtifact(older)).toThrow(/v2 is not supported/);
  });
});
