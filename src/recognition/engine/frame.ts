// Turns a decoded RGBA frame or reference into the grey working image the engine analyses.
import { fitScale, resizeGray, toGray, type GrayImage } from '../shared/preprocess.js';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * Stretches grey levels so the 1st–99th percentiles span 0–255: low-contrast artwork and dark or
 * washed-out frames then yield corners at the same FAST threshold as crisp ones.
 */
export function normalizeContrast(img: GrayImage): GrayImage {
  const histogram = new Uint32Array(256);
  for (const v of img.data) histogram[v]!++;
  const cut = Math.floor(img.data.length * 0.01);
  let lo = 0;
  let hi = 255;
  for (let acc = 0; lo < 255 && acc + histogram[lo]! <= cut; lo++) acc += histogram[lo]!;
  for (let acc = 0; hi > 0 && acc + histogram[hi]! <= cut; hi--) acc += histogram[hi]!;
  // Flat images stay as they are: stretching noise would invent texture.
  if (hi - lo < 16) return img;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++)
    lut[v] = Math.max(0, Math.min(255, Math.round(((v - lo) * 255) / (hi - lo))));
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = lut[img.data[i]!]!;
  return { width: img.width, height: img.height, data };
}

/** Grey, contrast-normalised, scaled so its longest side is at most `maxSide`; `scale` maps working → original pixels. */
export function workingImage(
  frame: RgbaImage,
  maxSide: number,
): { image: GrayImage; scale: number } {
  if (frame.data.length !== frame.width * frame.height * 4) {
    throw new Error(
      `frame data holds ${frame.data.length} bytes, expected RGBA ${frame.width}×${frame.height}`,
    );
  }
  const gray = toGray(frame.data, frame.width, frame.height, 4);
  const s = fitScale(frame.width, frame.height, maxSide);
  if (s === 1) return { image: normalizeContrast(gray), scale: 1 };
  const w = Math.max(1, Math.round(frame.width * s));
  const h = Math.max(1, Math.round(frame.height * s));
  return { image: normalizeContrast(resizeGray(gray, w, h)), scale: frame.width / w };
}
