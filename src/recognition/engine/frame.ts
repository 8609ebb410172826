// Turns a decoded RGBA frame or reference into the grey working image the engine analyses, and
// boosts a frame's faint regions for a second look (with the keypoints that look takes there).
import { fitScale, resizeGray, shrinkTaps, toGray, type GrayImage } from '../shared/preprocess.js';
import { histogramBytes, lookupBytes, lumaShrinkMapBytes } from '../shared/pixel-kernels.js';
import { detectKeypoints, type DetectorOptions } from '../features/fast-keypoints.js';
import type { Keypoint } from '../shared/patches.js';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** The 1st and 99th percentiles of the grey levels: the image's own contrast, clipping aside. */
export function greyRange(img: GrayImage): { lo: number; hi: number } {
  return histogramRange(histogramBytes(img.data), img.data.length);
}

/** The 1st and 99th percentiles of `count` grey levels from their histogram. */
function histogramRange(histogram: Uint32Array, count: number): { lo: number; hi: number } {
  const cut = Math.floor(count * 0.01);
  let lo = 0;
  let hi = 255;
  for (let acc = 0; lo < 255 && acc + histogram[lo]! <= cut; lo++) acc += histogram[lo]!;
  for (let acc = 0; hi > 0 && acc + histogram[hi]! <= cut; hi--) acc += histogram[hi]!;
  return { lo, hi };
}

/** The table that stretches grey levels lo–hi to 0–255; null for a flat image (hi − lo < 16). */
function stretchTable({ lo, hi }: { lo: number; hi: number }): Uint8Array | null {
  // Flat images stay as they are: stretching noise would invent texture.
  if (hi - lo < 16) return null;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++)
    lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  return lut;
}

/**
 * Stretches grey levels so the 1st–99th percentiles span 0–255: low-contrast artwork and dark or
 * washed-out frames then yield corners at the same FAST threshold as crisp ones.
 */
export function normalizeContrast(img: GrayImage, range = greyRange(img)): GrayImage {
  const lut = stretchTable(range);
  return lut ? { width: img.width, height: img.height, data: lookupBytes(img.data, lut) } : img;
}

/** The boost's gain per block, `columns` × `rows` blocks row by row over the image. */
export interface GainGrid {
  columns: number;
  rows: number;
  gain: Float32Array;
}

/** A contrast-boosted image with the block gains that made it. */
export interface BoostedImage extends GrayImage {
  gains: GainGrid;
}

/** The gain of the block under image point (x, y) (points outside take the nearest block). */
export function gainAt(image: BoostedImage, x: number, y: number): number {
  const { columns, rows, gain } = image.gains;
  const column = Math.min(columns - 1, Math.max(0, Math.floor((x * columns) / image.width)));
  const row = Math.min(rows - 1, Math.max(0, Math.floor((y * rows) / image.height)));
  return gain[row * columns + column]!;
}

/**
 * Boosts local contrast where it is low: grey levels are scaled about the local mean by
 * min(maxGain, target / local standard deviation) (never below 1), with block statistics
 * interpolated bilinearly so the gain varies smoothly. A faded print in a crisp scene then yields
 * corners (and Harris scores that survive the keypoint budget) like the rest of the frame; the
 * descriptor standardises each patch, so a smooth gain does not change what it sees. Null when no
 * block's gain reaches `minPeakGain` (nothing faint enough to be worth another look). Written into
 * `into` when that has the image's size.
 */
export function boostLocalContrast(
  img: GrayImage,
  block: number,
  target: number,
  maxGain: number,
  minPeakGain = 0,
  into?: Uint8Array,
): BoostedImage | null {
  const { width: w, height: h, data } = img;
  const bw = Math.max(1, Math.round(w / block));
  const bh = Math.max(1, Math.round(h / block));
  const mean = new Float32Array(bw * bh);
  const gain = new Float32Array(bw * bh);
  for (let by = 0; by < bh; by++) {
    const y0 = Math.floor((by * h) / bh);
    const y1 = Math.floor(((by + 1) * h) / bh);
    for (let bx = 0; bx < bw; bx++) {
      const x0 = Math.floor((bx * w) / bw);
      const x1 = Math.floor(((bx + 1) * w) / bw);
      let s = 0;
      let s2 = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const v = data[y * w + x]!;
          s += v;
          s2 += v * v;
        }
      }
      const n = Math.max(1, (y1 - y0) * (x1 - x0));
      const m = s / n;
      const sd = Math.sqrt(Math.max(0, s2 / n - m * m));
      mean[by * bw + bx] = m;
      gain[by * bw + bx] = Math.min(maxGain, Math.max(1, target / Math.max(sd, 1)));
    }
  }
  let peak = 0;
  for (const g of gain) peak = Math.max(peak, g);
  if (peak < minPeakGain) return null;
  const out = into?.length === w * h ? into : new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const fy = Math.min(Math.max((y + 0.5) / (h / bh) - 0.5, 0), bh - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, bh - 1);
    const wy = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(Math.max((x + 0.5) / (w / bw) - 0.5, 0), bw - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, bw - 1);
      const wx = fx - x0;
      const a = y0 * bw + x0;
      const b = y0 * bw + x1;
      const c = y1 * bw + x0;
      const d = y1 * bw + x1;
      const top = (1 - wx) * wy;
      const m =
        (1 - wx) * (1 - wy) * mean[a]! +
        wx * (1 - wy) * mean[b]! +
        top * mean[c]! +
        wx * wy * mean[d]!;
      const g =
        (1 - wx) * (1 - wy) * gain[a]! +
        wx * (1 - wy) * gain[b]! +
        top * gain[c]! +
        wx * wy * gain[d]!;
      const v = m + (data[y * w + x]! - m) * g;
      out[y * w + x] = v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0;
    }
  }
  return {
    width: w,
    height: h,
    data: out,
    gains: { columns: bw, rows: bh, gain },
  };
}

/**
 * Keypoints of a boosted image only where its gain reaches `minGain`: the second look at a frame
 * spends its keypoints on the faint regions it was boosted for, not again on the crisp ones the
 * first look already had. The detector's budget is doubled first; if more than the budget remain,
 * each pyramid level keeps its strongest in proportion, rounded (so up to one per level over the
 * budget; levels stay in order, strongest first).
 */
export function faintKeypoints(
  image: BoostedImage,
  detector: DetectorOptions,
  minGain: number,
): Keypoint[] {
  const budget = detector.maxKeypoints;
  const faint = detectKeypoints(image, { ...detector, maxKeypoints: 2 * budget }).filter(
    (k) => gainAt(image, k.x, k.y) >= minGain,
  );
  if (faint.length <= budget) return faint;
  const kept: Keypoint[] = [];
  for (let start = 0; start < faint.length;) {
    let end = start;
    while (end < faint.length && faint[end]!.size === faint[start]!.size) end++;
    const take = Math.round(((end - start) * budget) / faint.length);
    kept.push(...faint.slice(start, start + take));
    start = end;
  }
  return kept;
}

/** The working size of a frame whose longest side may be at most `maxSide`. */
function workingSize(frame: RgbaImage, maxSide: number): { w: number; h: number } {
  if (frame.data.length !== frame.width * frame.height * 4) {
    throw new Error(
      `frame data holds ${frame.data.length} bytes, expected RGBA ${frame.width}×${frame.height}`,
    );
  }
  const s = fitScale(frame.width, frame.height, maxSide);
  if (s === 1) return { w: frame.width, h: frame.height };
  return {
    w: Math.max(1, Math.round(frame.width * s)),
    h: Math.max(1, Math.round(frame.height * s)),
  };
}

/** Grey, scaled so its longest side is at most `maxSide`; `scale` maps working → original pixels. */
export function scaledGray(frame: RgbaImage, maxSide: number): { image: GrayImage; scale: number } {
  const { w, h } = workingSize(frame, maxSide);
  const gray = toGray(frame.data, frame.width, frame.height, 4);
  const image = w === frame.width && h === frame.height ? gray : resizeGray(gray, w, h);
  return { image, scale: frame.width / w };
}

/**
 * scaledGray then normalizeContrast, bit for bit, in one pass through the pixel kernels (the
 * intermediate images never become arrays: a frame's fresh arrays cost Chromium page faults).
 * Written into `into` when that has the working image's size.
 */
export function workingImage(
  frame: RgbaImage,
  maxSide: number,
  into?: Uint8Array,
): { image: GrayImage; scale: number } {
  const { w, h } = workingSize(frame, maxSide);
  const { width, height } = frame;
  const shrink = w === width && h === height ? null : shrinkTaps(width, height, w, h);
  const data = lumaShrinkMapBytes(
    frame.data,
    width,
    height,
    shrink,
    (histogram) => stretchTable(histogramRange(histogram, w * h)),
    into,
  );
  return { image: { width: w, height: h, data }, scale: width / w };
}
