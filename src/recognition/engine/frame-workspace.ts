// The large buffers one match fills — working image, boosted image, pyramid levels — kept for the
// next frame: a fresh typed array costs page faults on first write, which Chromium pays for 2–3×
// as dearly as Node (README, "Fifteenth session"). A workspace serves one match at a time; the
// matcher keeps spare ones, so overlapping matches never share.
import { buildPyramid, type FloatLevel } from '../shared/patches.js';
import type { GrayImage } from '../shared/preprocess.js';
import { boostLocalContrast, workingImage, type BoostedImage, type RgbaImage } from './frame.js';
import type { MatchParams } from './params.js';

export class FrameWorkspace {
  private gray: Uint8Array | undefined;
  private boosted: Uint8Array | undefined;
  private levels: FloatLevel[] = [];

  /** workingImage(frame, maxSide), in this workspace's buffer. */
  working(frame: RgbaImage, maxSide: number): { image: GrayImage; scale: number } {
    const working = workingImage(frame, maxSide, this.gray);
    this.gray = working.image.data;
    return working;
  }

  /** The image a pass analyses (boosted when its params say so); null when a boost changes nothing. */
  passImage(image: GrayImage, p: MatchParams): GrayImage | BoostedImage | null {
    const lc = p.frameLocalContrast;
    if (!lc) return image;
    const { block, target, maxGain, minPeakGain } = lc;
    const boosted = boostLocalContrast(image, block, target, maxGain, minPeakGain, this.boosted);
    if (boosted) this.boosted = boosted.data;
    return boosted;
  }

  /** buildPyramid(image), over the levels of the pyramid before (no longer needed). */
  pyramid(image: GrayImage): FloatLevel[] {
    this.levels = buildPyramid(image, undefined, this.levels);
    return this.levels;
  }
}
