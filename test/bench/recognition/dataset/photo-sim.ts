// Simulates a phone photo of printed artwork: random homography (tilt, roll, scale, offset), warp
// over a background, occlusion, lighting, glare, blur, noise and JPEG — returning difficulty tags.
import sharp from 'sharp';
import {
  applyHomography,
  estimateHomography,
  invert,
} from '../../../../src/recognition/shared/homography.js';
import type { Mat3, Point } from '../../../../src/recognition/shared/homography.js';
import type { Rng } from '../../../../src/recognition/shared/rng.js';
import type { RgbImage } from './sources.js';

export const FRAME_W = 640;
export const FRAME_H = 480;

export interface Placement {
  /** Target fraction of the frame covered by the (unclipped) artwork quad. */
  coverage: number;
  maxTiltDeg: number;
  /** Probability of pushing the artwork partly out of the frame. */
  partialProb: number;
}

export interface PlacedQuad {
  quad: Point[];
  tiltDeg: number;
  rollDeg: number;
  partial: boolean;
}

export function polygonArea(q: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < q.length; i++)
    s += q[i]!.x * q[(i + 1) % q.length]!.y - q[(i + 1) % q.length]!.x * q[i]!.y;
  return Math.abs(s) / 2;
}

/**
 * The artwork rectangle seen through a pinhole camera: tilted by `tilt` about the in-plane axis at
 * angle `axis`, rolled about the optical axis, scaled to cover `coverage` of the frame; centred on
 * the origin (radians throughout).
 */
export function projectArtwork(
  artW: number,
  artH: number,
  view: { tilt: number; axis: number; roll: number; coverage: number },
): Point[] {
  const f = 550;
  const dist = 1.6 * Math.max(artW, artH);
  const [ax, ay] = [Math.cos(view.axis), Math.sin(view.axis)];
  const [c, s] = [Math.cos(view.tilt), Math.sin(view.tilt)];
  const [cr, sr] = [Math.cos(view.roll), Math.sin(view.roll)];
  const corners = [
    [-artW / 2, -artH / 2],
    [artW / 2, -artH / 2],
    [artW / 2, artH / 2],
    [-artW / 2, artH / 2],
  ].map(([x, y]) => {
    // Rodrigues rotation about the in-plane axis (ax, ay, 0), then roll about the optical axis.
    const d = x! * ax + y! * ay;
    const px = x! * c + ax * d * (1 - c);
    const py = y! * c + ay * d * (1 - c);
    const pz = (ay * x! - ax * y!) * s;
    const u = (f * px) / (dist + pz);
    const v = (f * py) / (dist + pz);
    return { x: u * cr - v * sr, y: u * sr + v * cr };
  });
  const k = Math.sqrt((view.coverage * FRAME_W * FRAME_H) / polygonArea(corners));
  return corners.map((q) => ({ x: q.x * k, y: q.y * k }));
}

/** Projects the artwork rectangle through a tilted pinhole camera, then scales it to the coverage. */
export function placeQuad(rng: Rng, artW: number, artH: number, p: Placement): PlacedQuad {
  const tilt = (rng.range(0, 1) ** 0.8 * p.maxTiltDeg * Math.PI) / 180;
  const axis = rng.range(0, Math.PI);
  const roll = ((rng.next() < 0.75 ? rng.normal() * 15 : rng.range(-180, 180)) * Math.PI) / 180;
  const scaled = projectArtwork(artW, artH, { tilt, axis, roll, coverage: p.coverage });
  const xs = scaled.map((q) => q.x);
  const ys = scaled.map((q) => q.y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const partial = rng.next() < p.partialProb;
  const place = (lo: number, hi: number, size: number): number => {
    const span = hi - lo;
    if (partial)
      return rng.next() < 0.5
        ? -lo - span * rng.range(0.15, 0.35)
        : size - hi + span * rng.range(0.15, 0.35);
    if (span >= size) return size / 2 - (lo + hi) / 2 + rng.range(-0.1, 0.1) * span;
    return rng.range(-lo, size - hi);
  };
  const horizontal = rng.next() < 0.5;
  const dx =
    partial && !horizontal
      ? rng.range(-minX, Math.max(-minX, FRAME_W - maxX))
      : place(minX, maxX, FRAME_W);
  const dy =
    partial && horizontal
      ? rng.range(-minY, Math.max(-minY, FRAME_H - maxY))
      : place(minY, maxY, FRAME_H);
  return {
    quad: scaled.map((q) => ({ x: q.x + dx, y: q.y + dy })),
    tiltDeg: (tilt * 180) / Math.PI,
    rollDeg: (roll * 180) / Math.PI,
    partial,
  };
}

/** Float RGB frame with the artwork mask (for occlusion and visibility bookkeeping). */
export interface Canvas {
  rgb: Float32Array;
  mask: Float32Array;
}

export function canvasFrom(bg: RgbImage): Canvas {
  return { rgb: Float32Array.from(bg.data), mask: new Float32Array(FRAME_W * FRAME_H) };
}

/** Warps art (already pre-scaled to roughly its on-screen size) onto the quad; returns visible fraction. */
export function warpInto(canvas: Canvas, art: RgbImage, quad: readonly Point[]): number {
  const h: Mat3 | null = estimateHomography(
    [
      { x: 0, y: 0 },
      { x: art.width, y: 0 },
      { x: art.width, y: art.height },
      { x: 0, y: art.height },
    ],
    quad,
  );
  const inv = h && invert(h);
  if (!inv) throw new Error('degenerate placement');
  const x0 = Math.max(0, Math.floor(Math.min(...quad.map((q) => q.x))));
  const x1 = Math.min(FRAME_W - 1, Math.ceil(Math.max(...quad.map((q) => q.x))));
  const y0 = Math.max(0, Math.floor(Math.min(...quad.map((q) => q.y))));
  const y1 = Math.min(FRAME_H - 1, Math.ceil(Math.max(...quad.map((q) => q.y))));
  let visible = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const p = applyHomography(inv, { x: x + 0.5, y: y + 0.5 });
      const u = p.x - 0.5;
      const v = p.y - 0.5;
      // Coverage of the pixel by the artwork, antialiased over one source pixel at the border.
      const a = Math.min(
        1,
        Math.max(0, u + 1),
        Math.max(0, art.width - u),
        Math.max(0, v + 1),
        Math.max(0, art.height - v),
      );
      if (a <= 0) continue;
      const iu = Math.min(Math.max(u, 0), art.width - 1.001);
      const iv = Math.min(Math.max(v, 0), art.height - 1.001);
      const ux = Math.floor(iu);
      const vy = Math.floor(iv);
      const fx = iu - ux;
      const fy = iv - vy;
      const o = (y * FRAME_W + x) * 3;
      for (let ch = 0; ch < 3; ch++) {
        const i00 = (vy * art.width + ux) * 3 + ch;
        const i10 = i00 + 3;
        const i01 = i00 + art.width * 3;
        const val =
          (art.data[i00]! * (1 - fx) + art.data[i10]! * fx) * (1 - fy) +
          (art.data[i01]! * (1 - fx) + art.data[i01 + 3]! * fx) * fy;
        canvas.rgb[o + ch] = canvas.rgb[o + ch]! * (1 - a) + val * a;
      }
      canvas.mask[y * FRAME_W + x] = a;
      visible += a;
    }
  }
  return visible / polygonArea(quad);
}

/** Pastes a blob-shaped occluder (textured by `tex`) over the artwork; returns the covered fraction. */
export function occlude(
  rng: Rng,
  canvas: Canvas,
  tex: RgbImage,
  quad: readonly Point[],
  target: number,
): number {
  const area = polygonArea(quad);
  const cx = quad.reduce((s, q) => s + q.x, 0) / 4;
  const cy = quad.reduce((s, q) => s + q.y, 0) / 4;
  const ang = rng.range(0, 2 * Math.PI);
  const reach = Math.sqrt(area) * rng.range(0.35, 0.7);
  const ox = cx + Math.cos(ang) * reach;
  const oy = cy + Math.sin(ang) * reach;
  const r = Math.sqrt((target * area) / Math.PI) * 1.4;
  const [ra, rb, rot] = [r * rng.range(0.7, 1.3), r * rng.range(0.5, 1.1), rng.range(0, Math.PI)];
  let covered = 0;
  let total = 0;
  for (let i = 0; i < canvas.mask.length; i++) total += canvas.mask[i]!;
  for (let y = 0; y < FRAME_H; y++) {
    for (let x = 0; x < FRAME_W; x++) {
      const dx = x - ox;
      const dy = y - oy;
      const u = (dx * Math.cos(rot) + dy * Math.sin(rot)) / ra;
      const v = (-dx * Math.sin(rot) + dy * Math.cos(rot)) / rb;
      if (u * u + v * v > 1) continue;
      const i = y * FRAME_W + x;
      covered += canvas.mask[i]!;
      canvas.mask[i] = 0;
      const t = ((y % tex.height) * tex.width + (x % tex.width)) * 3;
      for (let ch = 0; ch < 3; ch++) canvas.rgb[i * 3 + ch] = tex.data[t + ch]! * 0.8;
    }
  }
  return total > 0 ? covered / total : 0;
}

export interface Photometrics {
  gain: number;
  gradient: number;
  glare: number;
  blurSigma: number;
  motionPx: number;
  noiseSigma: number;
  jpegQuality: number;
}

export function samplePhotometrics(rng: Rng): Photometrics {
  return {
    gain: rng.next() < 0.2 ? rng.range(0.35, 0.6) : rng.range(0.7, 1.25),
    gradient: rng.range(0, 0.45),
    glare: rng.next() < 0.3 ? rng.range(60, 220) : 0,
    blurSigma: rng.next() < 0.3 ? rng.range(1.2, 2.8) : rng.range(0, 0.9),
    motionPx: rng.next() < 0.15 ? rng.range(4, 11) : 0,
    noiseSigma: rng.next() < 0.3 ? rng.range(5, 12) : rng.range(0, 4),
    jpegQuality: Math.round(rng.next() < 0.25 ? rng.range(30, 50) : rng.range(60, 92)),
  };
}

/** Applies lighting, glare (placed on the artwork), blur, noise and JPEG; returns the encoded frame. */
export async function finishPhoto(
  rng: Rng,
  canvas: Canvas,
  quad: readonly Point[] | null,
  ph: Photometrics,
): Promise<Buffer> {
  const { rgb } = canvas;
  const gx = rng.range(-1, 1);
  const gy = rng.range(-1, 1);
  const cast = [rng.range(0.92, 1.08), rng.range(0.95, 1.05), rng.range(0.9, 1.1)];
  const gc = quad ? quad[rng.int(4)]! : { x: rng.range(0, FRAME_W), y: rng.range(0, FRAME_H) };
  const centre = quad
    ? {
        x: (gc.x + quad.reduce((s, q) => s + q.x, 0) / 4) / 2,
        y: (gc.y + quad.reduce((s, q) => s + q.y, 0) / 4) / 2,
      }
    : gc;
  const gs = rng.range(20, 70);
  for (let y = 0; y < FRAME_H; y++) {
    for (let x = 0; x < FRAME_W; x++) {
      const light =
        ph.gain * (1 + ph.gradient * ((x / FRAME_W - 0.5) * gx + (y / FRAME_H - 0.5) * gy));
      const d2 = (x - centre.x) ** 2 + (y - centre.y) ** 2;
      const glare = ph.glare * Math.exp(-d2 / (2 * gs * gs));
      const i = (y * FRAME_W + x) * 3;
      for (let ch = 0; ch < 3; ch++) rgb[i + ch] = rgb[i + ch]! * light * cast[ch]! + glare;
    }
  }
  let img = sharp(Buffer.from(Uint8ClampedArray.from(rgb).buffer), {
    raw: { width: FRAME_W, height: FRAME_H, channels: 3 },
  });
  if (ph.motionPx >= 2) {
    const n = Math.round(ph.motionPx) | 1;
    const a = rng.range(0, Math.PI);
    const kernel = new Array<number>(n * n).fill(0);
    for (let t = 0; t < n; t++) {
      const kx = Math.round((n - 1) / 2 + Math.cos(a) * (t - (n - 1) / 2));
      const ky = Math.round((n - 1) / 2 + Math.sin(a) * (t - (n - 1) / 2));
      kernel[ky * n + kx]! += 1;
    }
    img = sharp(await img.convolve({ width: n, height: n, kernel }).raw().toBuffer(), {
      raw: { width: FRAME_W, height: FRAME_H, channels: 3 },
    });
  }
  if (ph.blurSigma >= 0.3)
    img = sharp(await img.blur(ph.blurSigma).raw().toBuffer(), {
      raw: { width: FRAME_W, height: FRAME_H, channels: 3 },
    });
  const raw = await img.raw().toBuffer();
  const out = Buffer.alloc(raw.length);
  for (let i = 0; i < raw.length; i++)
    out[i] = Math.max(0, Math.min(255, Math.round(raw[i]! + rng.normal() * ph.noiseSigma)));
  return sharp(out, { raw: { width: FRAME_W, height: FRAME_H, channels: 3 } })
    .jpeg({ quality: ph.jpegQuality })
    .toBuffer();
}

export function photometricTags(ph: Photometrics): string[] {
  const tags: string[] = [];
  if (ph.gain < 0.6) tags.push('dark');
  if (ph.glare > 120) tags.push('glare');
  if (ph.blurSigma > 1.5 || ph.motionPx > 5) tags.push('blur');
  if (ph.noiseSigma > 6) tags.push('noise');
  if (ph.jpegQuality < 50) tags.push('jpeg-low');
  return tags;
}
