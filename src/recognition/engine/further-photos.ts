// A booth's further photos (after the first): where the first photo's artwork lies in each (the
// matcher's own verdict, the photo as its frame), the photo cropped to it, and its features kept
// only on the artwork — so the colour check compares only the artwork (colour-check.ts) and the
// matcher can carry the features into the first photo (correspondences.ts).
import {
  ARTIFACT_VERSION,
  keepFeatures,
  type CompiledPatternSet,
  type CompiledReference,
} from './artifact.js';
import type { DescriptorNet } from './describe.js';
import type { RgbaImage } from './frame.js';
import { insideQuad } from './colour-check.js';
import { Matcher } from './matcher.js';
import { MATCH_PARAMS } from './params.js';

/** A matcher over a pattern's first reference alone. */
export function firstPhotoMatcher(first: CompiledReference, net: DescriptorNet): Matcher {
  const set: CompiledPatternSet = {
    v: ARTIFACT_VERSION,
    modelSha256: net.sha256,
    descriptorBytes: net.dims / 8,
    patterns: [{ id: 'first', references: [first] }],
  };
  return new Matcher(set, net, MATCH_PARAMS);
}

/** The first photo's outline in `photo` (x, y × 4, in [0, 1]), or [] where it is not found. */
export async function locateArtwork(first: Matcher, photo: RgbaImage): Promise<number[]> {
  const corners = (await first.match(photo)).evidence.corners;
  return corners ? corners.flatMap((c) => [c.x / photo.width, c.y / photo.height]) : [];
}

/** `photo` cut to the outline's bounding box (plus `margin` of each side), the outline with it. */
export function cropToArtwork(
  photo: RgbaImage,
  outline: readonly number[],
  margin = 0.02,
): { image: RgbaImage; outline: number[] } {
  const xs = outline.filter((_, i) => i % 2 === 0);
  const ys = outline.filter((_, i) => i % 2 === 1);
  const x0 = Math.max(0, Math.floor((Math.min(...xs) - margin) * photo.width));
  const y0 = Math.max(0, Math.floor((Math.min(...ys) - margin) * photo.height));
  const x1 = Math.min(photo.width, Math.ceil((Math.max(...xs) + margin) * photo.width));
  const y1 = Math.min(photo.height, Math.ceil((Math.max(...ys) + margin) * photo.height));
  const [w, h] = [x1 - x0, y1 - y0];
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const from = ((y0 + y) * photo.width + x0) * 4;
    data.set(photo.data.subarray(from, from + w * 4), y * w * 4);
  }
  return {
    image: { width: w, height: h, data },
    outline: outline.map((c, i) =>
      i % 2 === 0 ? (c * photo.width - x0) / w : (c * photo.height - y0) / h,
    ),
  };
}

/** The reference with only its features inside its artwork outline (no outline: itself). */
export function keepArtworkFeatures(
  r: CompiledReference,
  descriptorBytes: number,
): CompiledReference {
  const outline = r.colours.artwork;
  if (!outline || outline.length !== 8) return r;
  const keep: number[] = [];
  for (let f = 0; f < r.angles.length; f++)
    if (insideQuad(outline, r.points[2 * f]! / r.width, r.points[2 * f + 1]! / r.height))
      keep.push(f);
  return keepFeatures(r, keep, descriptorBytes);
}
