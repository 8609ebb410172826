// Whether the frame shows the candidate artwork's colours where the homography puts them. Each
// reference keeps a small colour thumbnail (COLOUR_COLUMNS cells across); the frame is sampled on
// the same cells through the fitted homography, and the two are compared by the normalised
// correlation of their chroma (R − G and (R + G) / 2 − B, each cell's mean removed per channel),
// so exposure, colour cast and glare move it little. A look-alike poster that shares a booth's
// layout, lettering or decor fits its homography with enough inliers, but its colours elsewhere
// do not follow the booth's (README, "Eighteenth session").
import { applyHomography, type Mat3 } from '../shared/homography.js';
import type { CompiledReference } from './artifact.js';
import type { RgbaImage } from './frame.js';
import type { MatchParams } from './params.js';

/** A reference's colours: mean R, G, B per cell, row by row. */
export interface ColourThumbnail {
  width: number;
  height: number;
  rgb: Uint8Array;
  /**
   * Where the booth's artwork lies in this photo, as the fraction of its width and height of
   * each corner (x, y × 4, clockwise), when it is not the whole photo: a further photo of a booth
   * may show its first photo's artwork within a scene that frames need not share. Only cells
   * inside count; empty when the artwork was not found in the photo (no colour check).
   */
  artwork?: number[];
}

/**
 * A thumbnail's cells across (24 keeps the verdicts of 40; README, "Eighteenth session"), and at
 * most down: a portrait poster (3 : 4) keeps 24 × 32, a taller one narrows.
 */
export const COLOUR_COLUMNS = 24;
const MAX_ROWS = 32;
export const MAX_THUMBNAIL_BYTES = COLOUR_COLUMNS * MAX_ROWS * 3;
/** Samples per cell side, averaged. */
const SAMPLES = 3;
/** Fewer frame cells than this inside the frame: no verdict. */
const MIN_CELLS = 12;

/** Mean colour of each cell, sampled at SAMPLES² points through `map` (cell-relative u, v in 0…1). */
function sampleCells(
  image: RgbaImage,
  width: number,
  height: number,
  map: (u: number, v: number) => { x: number; y: number },
): { rgb: Float32Array; inside: Uint8Array } {
  const rgb = new Float32Array(width * height * 3);
  const inside = new Uint8Array(width * height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let sj = 0; sj < SAMPLES; sj++) {
        for (let si = 0; si < SAMPLES; si++) {
          const p = map((i + (si + 0.5) / SAMPLES) / width, (j + (sj + 0.5) / SAMPLES) / height);
          const x = Math.round(p.x);
          const y = Math.round(p.y);
          if (!(x >= 0 && y >= 0 && x < image.width && y < image.height)) continue;
          const at = 4 * (y * image.width + x);
          r += image.data[at]!;
          g += image.data[at + 1]!;
          b += image.data[at + 2]!;
          n++;
        }
      }
      if (n < SAMPLES * SAMPLES) continue;
      const c = 3 * (j * width + i);
      rgb[c] = r / n;
      rgb[c + 1] = g / n;
      rgb[c + 2] = b / n;
      inside[j * width + i] = 1;
    }
  }
  return { rgb, inside };
}

/** The thumbnail of a reference photo (its own pixels, before any scaling for features). */
export function colourThumbnail(image: RgbaImage): ColourThumbnail {
  const across = Math.min(COLOUR_COLUMNS, (MAX_ROWS * image.width) / image.height);
  const width = Math.max(1, Math.round(across));
  const height = Math.max(1, Math.round((across * image.height) / image.width));
  const { rgb } = sampleCells(image, width, height, (u, v) => ({
    x: u * image.width,
    y: v * image.height,
  }));
  return { width, height, rgb: Uint8Array.from(rgb, Math.round) };
}

/** Whether (x, y) lies inside the convex quad given as x, y × 4 in order. */
export function insideQuad(quad: readonly number[], x: number, y: number): boolean {
  let sign = 0;
  for (let k = 0; k < 4; k++) {
    const ax = quad[2 * k]!;
    const ay = quad[2 * k + 1]!;
    const bx = quad[(2 * k + 2) % 8]!;
    const by = quad[(2 * k + 3) % 8]!;
    sign += (bx - ax) * (y - ay) - (by - ay) * (x - ax) > 0 ? 1 : -1;
  }
  return Math.abs(sign) === 4;
}

/** Chroma channels of cell `i`: R − G and (R + G) / 2 − B. */
function chroma(rgb: ArrayLike<number>, i: number): [number, number] {
  const r = rgb[3 * i]!;
  const g = rgb[3 * i + 1]!;
  return [r - g, (r + g) / 2 - rgb[3 * i + 2]!];
}

/** Spread of the thumbnail's chroma (RMS distance from its mean, grey levels): 0 for grey art. */
export function chromaSpread(thumb: ColourThumbnail): number {
  const n = thumb.width * thumb.height;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    const [a, b] = chroma(thumb.rgb, i);
    ma += a / n;
    mb += b / n;
  }
  let v = 0;
  for (let i = 0; i < n; i++) {
    const [a, b] = chroma(thumb.rgb, i);
    v += (a - ma) ** 2 + (b - mb) ** 2;
  }
  return Math.sqrt(v / n);
}

/**
 * Correlation (−1…1) of the thumbnail's chroma with the frame's on the same cells, the reference
 * (`refWidth` × `refHeight` pixels) carried into frame pixels by `h`, over the cells on the
 * artwork; null when too few of those lie inside the frame or the frame's chroma there spreads
 * less than `minSpread` (chromaSpread's measure).
 */
export function chromaCorrelation(
  frame: RgbaImage,
  h: Mat3,
  refWidth: number,
  refHeight: number,
  thumb: ColourThumbnail,
  minSpread: number,
): number | null {
  const seen = sampleCells(frame, thumb.width, thumb.height, (u, v) =>
    applyHomography(h, { x: u * refWidth, y: v * refHeight }),
  );
  const { artwork } = thumb;
  if (artwork && artwork.length !== 8) return null;
  const cells: number[] = [];
  seen.inside.forEach((ok, i) => {
    const u = ((i % thumb.width) + 0.5) / thumb.width;
    const v = (Math.floor(i / thumb.width) + 0.5) / thumb.height;
    if (ok && (!artwork || insideQuad(artwork, u, v))) cells.push(i);
  });
  if (cells.length < MIN_CELLS) return null;
  const mean = (rgb: ArrayLike<number>): [number, number] => {
    let a = 0;
    let b = 0;
    for (const i of cells) {
      const [ca, cb] = chroma(rgb, i);
      a += ca / cells.length;
      b += cb / cells.length;
    }
    return [a, b];
  };
  const [fa, fb] = mean(seen.rgb);
  const [ra, rb] = mean(thumb.rgb);
  let cross = 0;
  let ff = 0;
  let rr = 0;
  for (const i of cells) {
    const [a1, b1] = chroma(seen.rgb, i);
    const [a2, b2] = chroma(thumb.rgb, i);
    cross += (a1 - fa) * (a2 - ra) + (b1 - fb) * (b2 - rb);
    ff += (a1 - fa) ** 2 + (b1 - fb) ** 2;
    rr += (a2 - ra) ** 2 + (b2 - rb) ** 2;
  }
  // A frame without colour there (a grey camera, darkness, glare) has nothing to compare.
  if (Math.sqrt(ff / cells.length) < minSpread) return null;
  return rr > 0 ? cross / Math.sqrt(ff * rr) : 0;
}

/**
 * The matcher's colour check of a fit (reference pixels → working-image pixels, `scale` frame
 * pixels each): passes with `exemptInliers` or more inliers, when the artwork or the frame has
 * too little colour to compare, and when too little of the artwork lies inside the frame.
 */
export function coloursAgree(
  frame: RgbaImage,
  scale: number,
  fit: { inliers: number; homography: Mat3; reference: CompiledReference },
  check: NonNullable<MatchParams['colourCheck']>,
): boolean {
  const { colours, width, height } = fit.reference;
  if (fit.inliers >= check.exemptInliers || chromaSpread(colours) < check.minSpread) return true;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = fit.homography;
  const s = scale;
  const toFrame: Mat3 = [s * h0, s * h1, s * h2, s * h3, s * h4, s * h5, h6, h7, h8];
  const correlation = chromaCorrelation(frame, toFrame, width, height, colours, check.minSpread);
  return correlation === null || correlation >= check.minCorrelation;
}
