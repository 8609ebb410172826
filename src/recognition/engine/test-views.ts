// Synthetic camera frames of a reference for the compile-time recognisability check: the artwork, at
// the contrast it was printed with, placed in a 640×480 frame over seeded clutter (which competes
// for keypoints as a real venue does), at several sizes, tilts and rotations, under dimmed or faded
// light, blur and sensor noise. Pure arithmetic over a seeded generator, so Node and the browser
// build the same frames.
import type { Point } from '../shared/homography.js';
import type { GrayImage } from '../shared/preprocess.js';
import { createRng, type Rng } from '../shared/rng.js';
import { MATCH_PARAMS } from './params.js';
import type { QualityReason } from './quality-report.js';
import { homographyToCorners, warpGray } from './warp.js';

const W = 640;
const H = 480;
/**
 * No view shows the artwork on less of the frame than this: the matcher refuses outlines under
 * acceptAreaFraction (too far to stamp), so a smaller view would test that rule, not the pattern.
 * Wide or tall artwork would otherwise fall under it at the small sizes.
 */
const SMALLEST_VIEW_AREA = 1.5 * MATCH_PARAMS.acceptAreaFraction;

interface ViewSpec {
  /** The reason the report gives when this frame is missed. */
  missed: QualityReason;
  /** Artwork size relative to the largest that fits the frame's central 480×360; never under
   * SMALLEST_VIEW_AREA of the frame. */
  size: number;
  /** Right edge height relative to the left (perspective of a ~40° tilt below 1). */
  shrinkRight: number;
  rotateDeg: number;
  /** Grey levels scaled about 128 by `contrast`, then shifted by `offset`. */
  contrast: number;
  offset: number;
  /** Passes of a 3×3 box blur (each ≈ σ 0.8). */
  blur: number;
  noise: number;
}

// Each view is one hard-but-ordinary condition of the benchmark's phone photos.
const VIEWS: readonly ViewSpec[] = [
  {
    missed: 'missed-large',
    size: 0.9,
    shrinkRight: 1,
    rotateDeg: 0,
    contrast: 0.85,
    offset: 0,
    blur: 0,
    noise: 3,
  },
  {
    missed: 'missed-tilted',
    size: 0.8,
    shrinkRight: 0.7,
    rotateDeg: 8,
    contrast: 0.7,
    offset: 10,
    blur: 1,
    noise: 4,
  },
  {
    missed: 'missed-blurred',
    size: 0.55,
    shrinkRight: 1,
    rotateDeg: 20,
    contrast: 0.8,
    offset: 0,
    blur: 1,
    noise: 5,
  },
  {
    missed: 'missed-small',
    size: 0.4,
    shrinkRight: 0.85,
    rotateDeg: -12,
    contrast: 0.8,
    offset: -10,
    blur: 0,
    noise: 4,
  },
  {
    missed: 'missed-dim',
    size: 0.7,
    shrinkRight: 0.8,
    rotateDeg: -25,
    contrast: 0.5,
    offset: -30,
    blur: 1,
    noise: 6,
  },
];

/**
 * Each condition is shot twice (new clutter and noise): with one shot each, a single unlucky frame
 * moved a pattern's score by a fifth, and several patterns sat one frame from another level.
 */
const ROUNDS = 2;

export const TEST_VIEW_COUNT = VIEWS.length * ROUNDS;

/** Conditions the report can name a miss by. */
export const TEST_VIEW_CONDITIONS = VIEWS.length;

/** A cluttered scene: a two-tone gradient under random boxes of random grey. */
export function clutter(rng: Rng): GrayImage {
  const data = new Uint8Array(W * H);
  const a = 60 + rng.int(100);
  const b = 60 + rng.int(100);
  for (let y = 0; y < H; y++) {
    const v = a + ((b - a) * y) / H;
    data.fill(v | 0, y * W, (y + 1) * W);
  }
  for (let n = 0; n < 90; n++) {
    const w = 6 + rng.int(110);
    const h = 6 + rng.int(110);
    const x0 = rng.int(W - w);
    const y0 = rng.int(H - h);
    const grey = rng.int(256);
    for (let y = y0; y < y0 + h; y++) data.fill(grey, y * W + x0, y * W + x0 + w);
  }
  return { width: W, height: H, data };
}

function corners(spec: ViewSpec, w: number, h: number): Point[] {
  const byFit = Math.min(360 / h, 480 / w) * spec.size;
  const area = (w * h * byFit ** 2 * (1 + spec.shrinkRight)) / 2;
  const fit = byFit * Math.sqrt(Math.max(1, (SMALLEST_VIEW_AREA * W * H) / area));
  const [cw, ch, cx, cy] = [w * fit, h * fit, W / 2, H / 2];
  const t = (spec.rotateDeg * Math.PI) / 180;
  const box = [
    { x: -cw / 2, y: -ch / 2 },
    { x: cw / 2, y: (-ch * spec.shrinkRight) / 2 },
    { x: cw / 2, y: (ch * spec.shrinkRight) / 2 },
    { x: -cw / 2, y: ch / 2 },
  ];
  return box.map((p) => ({
    x: cx + p.x * Math.cos(t) - p.y * Math.sin(t),
    y: cy + p.x * Math.sin(t) + p.y * Math.cos(t),
  }));
}

function boxBlur(img: GrayImage): void {
  const { width: w, height: h, data } = img;
  const src = data.slice();
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const sum =
        src[i - w - 1]! +
        src[i - w]! +
        src[i - w + 1]! +
        src[i - 1]! +
        src[i]! +
        src[i + 1]! +
        src[i + w - 1]! +
        src[i + w]! +
        src[i + w + 1]!;
      data[i] = ((sum + 4) / 9) | 0;
    }
  }
}

function light(img: GrayImage, spec: ViewSpec, rng: Rng): void {
  const d = img.data;
  for (let i = 0; i < d.length; i++) {
    const v = 128 + (d[i]! - 128) * spec.contrast + spec.offset + rng.normal() * spec.noise;
    d[i] = v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0;
  }
}

/**
 * The reference's test frames (grey, 640×480), each with the reason a miss of it gives; the same
 * seed gives the same frames.
 */
export function cameraTestViews(
  reference: GrayImage,
  seed: number,
): Array<{ frame: GrayImage; missed: QualityReason }> {
  const rng = createRng(seed);
  const views: Array<{ frame: GrayImage; missed: QualityReason }> = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const spec of VIEWS) {
      const scene = clutter(rng);
      const h = homographyToCorners(
        reference.width,
        reference.height,
        corners(spec, reference.width, reference.height),
      );
      const view = h && warpGray(reference, h, W, H, scene);
      if (!view) continue;
      for (let pass = 0; pass < spec.blur; pass++) boxBlur(view);
      light(view, spec, rng);
      views.push({ frame: view, missed: spec.missed });
    }
  return views;
}
