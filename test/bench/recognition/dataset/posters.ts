// Renders synthetic booth artwork: clip-art posters, one shared-template poster family and
// (low-contrast) photographic prints — all from Debian-packaged images plus seeded layout choices.
import sharp from 'sharp';
import type { OverlayOptions, Sharp } from 'sharp';
import type { Rng } from '../../../../src/recognition/shared/rng.js';
import { randomCrop } from './sources.js';
import type { RgbImage } from './sources.js';

const NOUNS = [
  'Bakery',
  'Cafe',
  'Workshop',
  'Station',
  'Garden',
  'Gallery',
  'Theater',
  'Market',
  'Library',
  'Studio',
  'Arcade',
  'Lab',
  'Corner',
  'Stage',
];
const SYLLABLES = [
  'ka',
  'ri',
  'mo',
  'ten',
  'su',
  'la',
  'vo',
  'ne',
  'ba',
  'ro',
  'zi',
  'pa',
  'lu',
  'dor',
  'mi',
  'sa',
  'ko',
  'ven',
];
const FONTS = [
  'DejaVu Sans',
  'DejaVu Serif',
  'Liberation Sans',
  'Liberation Serif',
  'DejaVu Sans Mono',
];
const SIZES: readonly [number, number][] = [
  [600, 800],
  [800, 600],
  [700, 700],
  [566, 800],
  [800, 566],
];

export function boothName(rng: Rng): string {
  const n = 2 + rng.int(2);
  let w = '';
  for (let i = 0; i < n; i++) w += rng.pick(SYLLABLES);
  return `${w[0]!.toUpperCase()}${w.slice(1)} ${rng.pick(NOUNS)}`;
}

function colour(rng: Rng, light: boolean): string {
  const h = rng.int(360);
  const s = 40 + rng.int(50);
  const l = light ? 70 + rng.int(22) : 15 + rng.int(30);
  return `hsl(${h},${s}%,${l}%)`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

async function clipartAt(path: string, box: number, rotate: number): Promise<Buffer> {
  return sharp(path, { limitInputPixels: false })
    .resize(box, box, { fit: 'inside' })
    .rotate(rotate, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
}

function textSvg(
  w: number,
  h: number,
  lines: { text: string; y: number; size: number; fill: string; font: string }[],
): Buffer {
  const body = lines
    .map(
      (l) =>
        `<text x="${w / 2}" y="${l.y}" text-anchor="middle" font-family="${l.font}" font-weight="bold" font-size="${l.size}" fill="${l.fill}">${escapeXml(l.text)}</text>`,
    )
    .join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`,
  );
}

function decorSvg(rng: Rng, w: number, h: number, count: number): Buffer {
  let body = '';
  for (let i = 0; i < count; i++) {
    const x = rng.int(w);
    const y = rng.int(h);
    const r = 6 + rng.int(Math.round(w / 14));
    const fill = colour(rng, rng.next() < 0.5);
    const op = rng.range(0.3, 0.9).toFixed(2);
    body +=
      rng.next() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" opacity="${op}"/>`
        : `<rect x="${x}" y="${y}" width="${r * 2}" height="${r}" transform="rotate(${rng.int(90)} ${x} ${y})" fill="${fill}" opacity="${op}"/>`;
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`,
  );
}

async function backdrop(
  rng: Rng,
  w: number,
  h: number,
  graphics: readonly RgbImage[],
): Promise<Buffer> {
  const kind = rng.next();
  if (kind < 0.4 && graphics.length > 0) {
    const crop = await randomCrop(rng.pick(graphics), rng, w, h, 0.3);
    return sharp(crop.data, { raw: { width: w, height: h, channels: 3 } })
      .png()
      .toBuffer();
  }
  const a = colour(rng, true);
  const b = kind < 0.75 ? colour(rng, rng.next() < 0.7) : a;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="${rng.next().toFixed(2)}" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function toRgb(base: Sharp): Promise<RgbImage> {
  const { data, info } = await base.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** Template shared by all posters of one venue: everything but the character and the name. */
export interface PosterTemplate {
  w: number;
  h: number;
  background: Buffer;
  decor: Buffer;
  header: Buffer;
  nameFill: string;
  font: string;
}

export async function makeTemplate(
  rng: Rng,
  graphics: readonly RgbImage[],
): Promise<PosterTemplate> {
  const [w, h] = [600, 800];
  const font = rng.pick(FONTS);
  const ink = colour(rng, false);
  return {
    w,
    h,
    background: await backdrop(rng, w, h, graphics),
    decor: decorSvg(rng, w, h, 10),
    header: textSvg(w, h, [
      { text: 'WINTER STAMP RALLY', y: 70, size: 44, fill: ink, font },
      { text: 'Collect all stamps · Dec 2025', y: h - 30, size: 26, fill: ink, font },
    ]),
    nameFill: ink,
    font,
  };
}

export async function renderTemplatePoster(
  t: PosterTemplate,
  character: string,
  name: string,
): Promise<RgbImage> {
  const main = await clipartAt(character, 380, 0);
  const meta = await sharp(main).metadata();
  const left = Math.round((t.w - (meta.width ?? 380)) / 2);
  const top = Math.round(130 + (400 - (meta.height ?? 380)) / 2);
  const nameSvg = textSvg(t.w, t.h, [
    { text: name, y: 620, size: 48, fill: t.nameFill, font: t.font },
  ]);
  return toRgb(
    sharp(t.background).composite([
      { input: t.decor },
      { input: t.header },
      { input: main, left, top },
      { input: nameSvg },
    ]),
  );
}

export async function renderClipartPoster(
  rng: Rng,
  clips: readonly string[],
  graphics: readonly RgbImage[],
): Promise<RgbImage> {
  const [w, h] = rng.pick(SIZES);
  const font = rng.pick(FONTS);
  const ink = colour(rng, false);
  const layers: OverlayOptions[] = [];
  if (rng.next() < 0.7) layers.push({ input: decorSvg(rng, w, h, 3 + rng.int(12)) });
  const main = await clipartAt(
    clips[0]!,
    Math.round(Math.min(w, h) * rng.range(0.45, 0.7)),
    rng.int(21) - 10,
  );
  const mm = await sharp(main).metadata();
  layers.push({
    input: main,
    left: Math.max(0, Math.round((w - (mm.width ?? 0)) * rng.range(0.2, 0.8))),
    top: Math.max(0, Math.round((h - (mm.height ?? 0)) * rng.range(0.35, 0.75))),
  });
  for (const c of clips.slice(1)) {
    const small = await clipartAt(
      c,
      Math.round(Math.min(w, h) * rng.range(0.12, 0.25)),
      rng.int(41) - 20,
    );
    const sm = await sharp(small).metadata();
    layers.push({
      input: small,
      left: rng.int(Math.max(1, w - (sm.width ?? 0))),
      top: rng.int(Math.max(1, h - (sm.height ?? 0))),
    });
  }
  const lines = [
    { text: boothName(rng), y: Math.round(h * 0.12), size: Math.round(w / 11), fill: ink, font },
  ];
  if (rng.next() < 0.7)
    lines.push({
      text: `${boothName(rng).split(' ')[0]} · booth ${1 + rng.int(40)}`,
      y: Math.round(h * 0.95),
      size: Math.round(w / 20),
      fill: ink,
      font,
    });
  layers.push({ input: textSvg(w, h, lines) });
  if (rng.next() < 0.5) {
    const sw = 6 + rng.int(14);
    layers.push({
      input: Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect x="${sw / 2}" y="${sw / 2}" width="${w - sw}" height="${h - sw}" fill="none" stroke="${colour(rng, false)}" stroke-width="${sw}"/></svg>`,
      ),
    });
  }
  return toRgb(sharp(await backdrop(rng, w, h, graphics)).composite(layers));
}

/** A photographic print; lowContrast squeezes tones toward grey like a faded or matte print. */
export async function renderPhotoPrint(
  rng: Rng,
  photo: RgbImage,
  lowContrast: boolean,
): Promise<RgbImage> {
  const [w, h] = rng.pick(SIZES);
  const crop = await randomCrop(photo, rng, w, h, 0.6);
  if (!lowContrast) return crop;
  const k = rng.range(0.25, 0.45);
  const grey = rng.range(110, 170);
  const data = Buffer.alloc(crop.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(grey + (crop.data[i]! - grey) * k);
  const blurred = await sharp(data, { raw: { width: w, height: h, channels: 3 } })
    .blur(0.8)
    .raw()
    .toBuffer();
  return { width: w, height: h, data: blurred };
}
