// Image sources for the synthetic benchmark: Debian-packaged clip art, wallpapers and camera frames,
// split deterministically into disjoint pools (set artwork, unseen artwork, background clutter).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Rng } from '../../../../src/recognition/shared/rng.js';

export interface RgbImage {
  width: number;
  height: number;
  /** Packed RGB, 3 bytes per pixel. */
  data: Buffer;
}

/** Debian packages the generator reads; install with apt-get (see README in src/recognition). */
export const SOURCE_PACKAGES = [
  'openclipart-png',
  'visp-images-data',
  'plasma-workspace-wallpapers',
  'mate-backgrounds',
  'ukui-wallpapers',
  'gnome-backgrounds',
] as const;

/** Fails with the install command when a source package is missing (dpkg's status database). */
export function assertSourcesInstalled(): void {
  const status = existsSync('/var/lib/dpkg/status')
    ? readFileSync('/var/lib/dpkg/status', 'utf8')
    : '';
  const installed = (name: string) =>
    new RegExp(`^Package: ${name}\n(?:[^\n]+\n)*?Status: install ok installed`, 'm').test(status);
  const missing = SOURCE_PACKAGES.filter((p) => !installed(p));
  if (missing.length > 0) {
    throw new Error(
      `the benchmark generator needs Debian packages: apt-get install -y ${missing.join(' ')}`,
    );
  }
}

const CLIPART_ROOT = '/usr/share/openclipart/png';
const VISP_ROOT = '/usr/share/visp-images-data/ViSP-images';

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export function listClipart(): string[] {
  return walk(CLIPART_ROOT).filter((p) => p.endsWith('.png') && statSync(p).size > 12_000);
}

/** Photographs (real scenes) used either as low-contrast artwork or as backgrounds. */
export function listPhotos(): string[] {
  const plasma = walk('/usr/share/wallpapers').filter((p) =>
    /\/contents\/images\/[^/]+\.(jpg|png)$/.test(p),
  );
  // Keep one (the largest) file per wallpaper folder.
  const byFolder = new Map<string, string>();
  for (const p of plasma) {
    const key = p.split('/contents/')[0]!;
    const prev = byFolder.get(key);
    if (!prev || statSync(p).size > statSync(prev).size) byFolder.set(key, p);
  }
  const mate = walk('/usr/share/backgrounds/mate/nature').filter((p) => /\.(jpg|png)$/.test(p));
  const ukui = walk('/usr/share/backgrounds').filter((p) =>
    /^\/usr\/share\/backgrounds\/[^/]+\.(jpg|png)$/.test(p),
  );
  return [...byFolder.values(), ...mate, ...ukui].sort();
}

/** Graphic (non-photo) wallpapers: abstract art used as poster backdrops. */
export function listGraphics(): string[] {
  return [
    ...walk('/usr/share/backgrounds/gnome').filter((p) => /\.(webp|svg)$/.test(p)),
    ...walk('/usr/share/backgrounds/mate/abstract').filter(
      (p) => /\.(jpg|png)$/.test(p) && !/_\d+x\d+/.test(p),
    ),
  ].sort();
}

/** Frames from real camera sequences (indoor scenes) in visp-images-data. */
export function listCameraFrames(): string[] {
  const seqs = ['mbt/cube', 'cube', 'mbt-depth/castel/castel', 'line', 'ellipse-1', 'mire-2'];
  const out: string[] = [];
  for (const s of seqs) {
    const files = walk(join(VISP_ROOT, s)).filter((p) => p.endsWith('.pgm'));
    for (let i = 0; i < files.length; i += Math.max(1, Math.floor(files.length / 6)))
      out.push(files[i]!);
  }
  return out;
}

function readPgm(path: string): RgbImage {
  const buf = readFileSync(path);
  const header: string[] = [];
  let pos = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[pos]!))) pos++;
    if (buf[pos] === 0x23) {
      while (buf[pos] !== 0x0a) pos++;
      continue;
    }
    let tok = '';
    while (!/\s/.test(String.fromCharCode(buf[pos]!))) tok += String.fromCharCode(buf[pos++]!);
    header.push(tok);
  }
  pos++;
  if (header[0] !== 'P5') throw new Error(`unsupported PGM ${path}`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) data.fill(buf[pos + i]!, i * 3, i * 3 + 3);
  return { width, height, data };
}

/** Decodes any source to RGB, shrunk so its longer side is at most maxSide. */
export async function loadRgb(path: string, maxSide: number): Promise<RgbImage> {
  const input = path.endsWith('.pgm') ? readPgm(path) : null;
  const img = input
    ? sharp(input.data, { raw: { width: input.width, height: input.height, channels: 3 } })
    : sharp(path, { density: 96, limitInputPixels: false });
  const { data, info } = await img
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** Random crop of an image with the given aspect (w/h), at least minFrac of the short side. */
export async function randomCrop(
  src: RgbImage,
  rng: Rng,
  width: number,
  height: number,
  minFrac = 0.35,
): Promise<RgbImage> {
  const aspect = width / height;
  const maxW = Math.min(src.width, src.height * aspect);
  const w = Math.max(8, Math.round(maxW * rng.range(minFrac, 1)));
  const h = Math.max(8, Math.min(src.height, Math.round(w / aspect)));
  const left = rng.int(Math.max(1, src.width - w + 1));
  const top = rng.int(Math.max(1, src.height - h + 1));
  const { data, info } = await sharp(src.data, {
    raw: { width: src.width, height: src.height, channels: 3 },
  })
    .extract({ left, top, width: w, height: h })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** Splits a list into disjoint pools by seeded shuffle; sizes are taken in order, rest goes last. */
export function splitPools<T>(items: readonly T[], rng: Rng, sizes: readonly number[]): T[][] {
  const shuffled = rng.shuffle([...items]);
  const pools: T[][] = [];
  let at = 0;
  for (const n of sizes) {
    pools.push(shuffled.slice(at, at + n));
    at += n;
  }
  pools.push(shuffled.slice(at));
  return pools;
}
