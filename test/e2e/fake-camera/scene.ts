// What the fake camera looks at: a seeded, cluttered desk-and-wall background, a non-booth artwork
// for negative runs, and the smooth hand-held path a poster takes across the frame.
import sharp from 'sharp';
import type { Point } from '../../../src/recognition/shared/homography.js';
import { createRng } from '../../../src/recognition/shared/rng.js';
import type { Rng } from '../../../src/recognition/shared/rng.js';
import { polygonArea, projectArtwork } from '../../bench/recognition/dataset/photo-sim.js';
import type { RgbImage } from '../../bench/recognition/dataset/sources.js';

export const FRAME_W = 640;
export const FRAME_H = 480;

const colour = (rng: Rng, lo = 20, hi = 235) =>
  `rgb(${lo + rng.int(hi - lo)},${lo + rng.int(hi - lo)},${lo + rng.int(hi - lo)})`;

/** Random shapes: rectangles, discs, polygons, stripes and scribbles — corners and edges galore. */
function shapes(rng: Rng, count: number, w: number, h: number, maxSize: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = rng.range(-20, w);
    const y = rng.range(-20, h);
    const s = rng.range(maxSize * 0.15, maxSize);
    const fill = colour(rng);
    const rot = rng.range(0, 360).toFixed(1);
    switch (rng.int(5)) {
      case 0:
        parts.push(
          `<rect x="${x}" y="${y}" width="${s}" height="${s * rng.range(0.3, 1.5)}" rx="${rng.range(0, 8)}" fill="${fill}" transform="rotate(${rot} ${x} ${y})"/>`,
        );
        break;
      case 1:
        parts.push(`<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${fill}"/>`);
        break;
      case 2: {
        const n = 3 + rng.int(4);
        const pts = Array.from({ length: n }, (_, k) => {
          const a = (k / n) * 2 * Math.PI;
          const r = (s / 2) * rng.range(0.5, 1);
          return `${(x + r * Math.cos(a)).toFixed(1)},${(y + r * Math.sin(a)).toFixed(1)}`;
        });
        parts.push(`<polygon points="${pts.join(' ')}" fill="${fill}"/>`);
        break;
      }
      case 3:
        for (let k = 0; k < 5; k++) {
          parts.push(
            `<rect x="${x + k * s * 0.2}" y="${y}" width="${s * 0.1}" height="${s}" fill="${fill}" transform="rotate(${rot} ${x} ${y})"/>`,
          );
        }
        break;
      default: {
        const pts = Array.from(
          { length: 6 },
          () => `${rng.range(x, x + s).toFixed(1)},${rng.range(y, y + s).toFixed(1)}`,
        );
        parts.push(
          `<polyline points="${pts.join(' ')}" fill="none" stroke="${fill}" stroke-width="${rng.range(2, 6).toFixed(1)}"/>`,
        );
      }
    }
  }
  return parts.join('');
}

async function renderSvg(svg: string, width: number, height: number): Promise<RgbImage> {
  const { data } = await sharp(Buffer.from(svg))
    .resize(width, height, { fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width, height, data };
}

/** A wall above a desk, both cluttered with objects; no text, so no installed fonts matter. */
export function clutteredBackground(seed: number): Promise<RgbImage> {
  const rng = createRng(seed);
  const desk = FRAME_H * rng.range(0.55, 0.7);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${FRAME_W}" height="${FRAME_H}">
<defs><linearGradient id="wall" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="${colour(rng, 150, 230)}"/><stop offset="1" stop-color="${colour(rng, 90, 170)}"/>
</linearGradient></defs>
<rect width="${FRAME_W}" height="${FRAME_H}" fill="url(#wall)"/>
<rect y="${desk}" width="${FRAME_W}" height="${FRAME_H - desk}" fill="${colour(rng, 80, 150)}"/>
${shapes(rng, 70, FRAME_W, FRAME_H, 110)}
</svg>`;
  return renderSvg(svg, FRAME_W, FRAME_H);
}

/** A poster-shaped artwork that belongs to no booth (the negative video's subject). */
export function strangerArtwork(seed: number, width = 384, height = 512): Promise<RgbImage> {
  const rng = createRng(seed);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="${width}" height="${height}" fill="${colour(rng, 180, 250)}"/>
${shapes(rng, 45, width, height, 140)}
<rect x="8" y="8" width="${width - 16}" height="${height - 16}" fill="none" stroke="${colour(rng)}" stroke-width="10"/>
</svg>`;
  return renderSvg(svg, width, height);
}

const wave = (t: number, period: number, phase = 0) => Math.sin((2 * Math.PI * t) / period + phase);

/**
 * Where the poster's corners are at time t (seconds): a hand-held phone seen through a pinhole
 * camera — tilt 8–32° about a slowly turning axis, roll ±12°, the poster covering 30–50% of the frame
 * and drifting, every quantity a slow sine so consecutive frames agree (as a steady hand would).
 */
export function posterQuadAt(t: number, artW: number, artH: number): Point[] {
  const tilt = ((20 + 12 * wave(t, 5.3)) * Math.PI) / 180;
  const axis = 0.7 + (2 * Math.PI * t) / 9.1;
  const roll = (12 * wave(t, 7.7, 1) * Math.PI) / 180;
  const coverage = 0.4 + 0.1 * wave(t, 6.1, 2);
  const scaled = projectArtwork(artW, artH, { tilt, axis, roll, coverage });
  // Drift around the centre, clamped so the whole poster stays in view.
  const xs = scaled.map((p) => p.x);
  const ys = scaled.map((p) => p.y);
  const clamp = (v: number, lo: number, hi: number) =>
    lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
  const cx = clamp(
    FRAME_W / 2 + 90 * wave(t, 8.3),
    4 - Math.min(...xs),
    FRAME_W - 4 - Math.max(...xs),
  );
  const cy = clamp(
    FRAME_H / 2 + 30 * wave(t, 4.7, 0.5),
    4 - Math.min(...ys),
    FRAME_H - 4 - Math.max(...ys),
  );
  return scaled.map((p) => ({ x: p.x + cx, y: p.y + cy }));
}

/** Fraction of the frame a quad covers (for the tests' sanity checks). */
export const frameCoverage = (q: readonly Point[]) => polygonArea(q) / (FRAME_W * FRAME_H);
