// The colour check: reference thumbnails, chroma correlation through a homography, the artwork's
// outline in further photos of a booth, and the matcher's verdict with its exemptions.
import { describe, expect, it } from 'vitest';
import {
  chromaCorrelation,
  chromaSpread,
  colourThumbnail,
  coloursAgree,
  insideQuad,
} from '../../../src/recognition/engine/colour-check.js';
import type { RgbaImage } from '../../../src/recognition/engine/frame.js';
import type { Mat3 } from '../../../src/recognition/shared/homography.js';

const IDENTITY: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
const HUES: Array<[number, number, number]> = [
  [220, 40, 40],
  [40, 160, 60],
  [50, 70, 210],
  [230, 200, 40],
  [160, 60, 180],
  [40, 190, 200],
];

/** A `w` × `h` image of 4 × 3 blocks, block k painted `colours(k)`. */
function blocks(w: number, h: number, colours: (k: number) => [number, number, number]): RgbaImage {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const k = Math.floor((y * 3) / h) * 4 + Math.floor((x * 4) / w);
      data.set([...colours(k), 255], 4 * (y * w + x));
    }
  }
  return { width: w, height: h, data };
}

const poster = blocks(640, 480, (k) => HUES[k % 6]!);
/** Same layout, other colours: a look-alike. */
const lookAlike = blocks(640, 480, (k) => HUES[(k * 5 + 3) % 6]!);
const grey = blocks(640, 480, (k) => [60 + 15 * k, 60 + 15 * k, 60 + 15 * k]);

describe('colour thumbnails', () => {
  it('keeps each cell’s mean colour, 24 cells across and at most 32 down', () => {
    const thumb = colourThumbnail(poster);
    expect([thumb.width, thumb.height]).toEqual([24, 18]);
    const portrait = colourThumbnail(blocks(480, 640, () => [0, 0, 0]));
    expect([portrait.width, portrait.height]).toEqual([24, 32]);
    const banner = colourThumbnail(blocks(200, 800, () => [0, 0, 0]));
    expect([banner.width, banner.height]).toEqual([8, 32]);
    // Cell (1, 1) lies in block 0, cell (22, 16) in block 11.
    expect([...thumb.rgb.subarray(3 * 25, 3 * 25 + 3)]).toEqual(HUES[0]);
    expect([...thumb.rgb.subarray(3 * (16 * 24 + 22), 3 * (16 * 24 + 22) + 3)]).toEqual(HUES[5]);
    expect(chromaSpread(thumb)).toBeGreaterThan(50);
    expect(chromaSpread(colourThumbnail(grey))).toBe(0);
  });
});

describe('chroma correlation', () => {
  const thumb = colourThumbnail(poster);

  it('is high where the frame shows the artwork and low for the same layout in other colours', () => {
    expect(chromaCorrelation(poster, IDENTITY, 640, 480, thumb, 8)).toBeGreaterThan(0.95);
    // The artwork at half size in a grey frame, with a colour cast and less contrast.
    const h: Mat3 = [0.5, 0, 100, 0, 0.5, 80, 0, 0, 1];
    const frame = blocks(640, 480, () => [128, 128, 128]);
    for (let y = 0; y < 240; y++) {
      for (let x = 0; x < 320; x++) {
        const from = 4 * (2 * y * 640 + 2 * x);
        const to = 4 * ((y + 80) * 640 + x + 100);
        frame.data[to] = 0.6 * poster.data[from]! + 60;
        frame.data[to + 1] = 0.5 * poster.data[from + 1]! + 50;
        frame.data[to + 2] = 0.5 * poster.data[from + 2]! + 40;
      }
    }
    expect(chromaCorrelation(frame, h, 640, 480, thumb, 8)).toBeGreaterThan(0.9);
    expect(chromaCorrelation(lookAlike, IDENTITY, 640, 480, thumb, 8)).toBeLessThan(0.15);
  });

  it('gives no verdict on a grey frame or with the artwork beyond the frame', () => {
    expect(chromaCorrelation(grey, IDENTITY, 640, 480, thumb, 8)).toBeNull();
    const away: Mat3 = [1, 0, 700, 0, 1, 0, 0, 0, 1];
    expect(chromaCorrelation(poster, away, 640, 480, thumb, 8)).toBeNull();
  });

  it('compares only the artwork of a photo that shows it within a scene', () => {
    // The left quarter: the artwork; the rest: a scene the frame does not share.
    const scene = (other: (k: number) => [number, number, number]) =>
      blocks(640, 480, (k) => (k % 4 === 0 ? HUES[k % 6]! : other(k)));
    const photo = colourThumbnail(scene((k) => HUES[(k + 2) % 6]!));
    const frame = scene((k) => HUES[(k * 5 + 1) % 6]!);
    expect(chromaCorrelation(frame, IDENTITY, 640, 480, photo, 8)).toBeLessThan(0.5);
    photo.artwork = [0, 0, 0.25, 0, 0.25, 1, 0, 1];
    expect(chromaCorrelation(frame, IDENTITY, 640, 480, photo, 8)).toBeGreaterThan(0.95);
    photo.artwork = [];
    expect(chromaCorrelation(frame, IDENTITY, 640, 480, photo, 8)).toBeNull();
  });

  it('tests points against a convex outline', () => {
    const quad = [0.1, 0.1, 0.9, 0.2, 0.8, 0.9, 0.2, 0.8];
    expect(insideQuad(quad, 0.5, 0.5)).toBe(true);
    expect(insideQuad(quad, 0.05, 0.5)).toBe(false);
    expect(insideQuad(quad, 0.5, 0.12)).toBe(false);
  });
});

describe('the matcher’s colour verdict', () => {
  const check = { minCorrelation: 0.15, minSpread: 8, exemptInliers: 40 };
  const reference = (image: RgbaImage) => ({
    width: 320,
    height: 240,
    points: new Float32Array(0),
    angles: new Float32Array(0),
    sizes: new Float32Array(0),
    descriptors: new Uint8Array(0),
    colours: colourThumbnail(image),
  });
  // Reference pixels (320 × 240) → working pixels at half the frame's size.
  const fit = (image: RgbaImage, inliers: number) => ({
    inliers,
    homography: IDENTITY,
    reference: reference(image),
  });

  it('refuses a look-alike’s colours below the exemption and passes the artwork’s own', () => {
    expect(coloursAgree(poster, 2, fit(poster, 12), check)).toBe(true);
    expect(coloursAgree(lookAlike, 2, fit(poster, 12), check)).toBe(false);
    expect(coloursAgree(lookAlike, 2, fit(poster, 39), check)).toBe(false);
    expect(coloursAgree(lookAlike, 2, fit(poster, 40), check)).toBe(true);
  });

  it('passes grey artwork, which has no colour to compare', () => {
    expect(coloursAgree(lookAlike, 2, fit(grey, 12), check)).toBe(true);
  });
});
