// Owns: the demo campaign's 8 booth posters (src/server/seed/demo-patterns/*.jpg) and the PWA icons
// (public/icons/*.png). Deterministic (fixed seeds, no network); needs these Debian packages:
//   apt-get install -y openclipart-svg fonts-dejavu-core fonts-noto-cjk
// Run: node src/server/seed/make-demo-posters.mjs   (see src/server/seed/demo-patterns/SOURCES.md)
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { THEMES } from './demo-poster-themes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLIPART = '/usr/share/openclipart/svg';
const POSTER_DIR = path.join(ROOT, 'src/server/seed/demo-patterns');
const ICON_DIR = path.join(ROOT, 'public/icons');
const W = 768,
  H = 1024,
  MAX_BYTES = 200 * 1024;
const LATIN = "'DejaVu Sans'",
  CJK = "'Noto Sans CJK TC'";

// mulberry32: tiny seeded PRNG, so every run draws the same shapes.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const f1 = (n) => n.toFixed(1);
const pick = (r, arr) => arr[Math.floor(r() * arr.length)];
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function starPoints(cx, cy, rOut, rIn, n, rot = 0) {
  const pts = [];
  for (let i = 0; i < n * 2; i++) {
    const a = rot + (Math.PI * i) / n,
      r = i % 2 ? rIn : rOut;
    pts.push(`${f1(cx + r * Math.sin(a))},${f1(cy - r * Math.cos(a))}`);
  }
  return pts.join(' ');
}
function snowflake(r, cx, cy, s, col) {
  let d = '';
  for (let k = 0; k < 6; k++) {
    const a = (k * Math.PI) / 3 + r(),
      ux = Math.cos(a),
      uy = Math.sin(a);
    d += `M${f1(cx)},${f1(cy)}L${f1(cx + ux * s)},${f1(cy + uy * s)}`;
    for (const t of [0.45, 0.72]) {
      const bx = cx + ux * s * t,
        by = cy + uy * s * t,
        b = s * 0.3 * (1.1 - t);
      for (const sgn of [-1, 1]) {
        const ba = a + sgn * 0.8;
        d += `M${f1(bx)},${f1(by)}L${f1(bx + Math.cos(ba) * b)},${f1(by + Math.sin(ba) * b)}`;
      }
    }
  }
  return `<path d="${d}" stroke="${col}" stroke-width="${f1(Math.max(1.5, s / 9))}" stroke-linecap="round" fill="none"/>`;
}

// Busy, non-repeating background: one generator per theme style, then sprinkled "grain" marks everywhere.
const BACKGROUNDS = {
  stripes(r, p) {
    let s = '';
    for (let x = -H; x < W + H;) {
      const w = 14 + r() * 46;
      s += `<polygon points="${f1(x)},0 ${f1(x + w)},0 ${f1(x + w - H * 0.8)},${H} ${f1(x - H * 0.8)},${H}" fill="${pick(r, p)}"/>`;
      x += w;
    }
    for (let i = 0; i < 900; i++)
      s += `<rect x="${f1(r() * W)}" y="${f1(r() * H)}" width="${f1(6 + r() * 18)}" height="${f1(4 + r() * 8)}" fill="${pick(r, p)}" transform="rotate(${f1(r() * 180)} ${f1(r() * W)} ${f1(r() * H)})"/>`;
    return s;
  },
  sprinkles(r, p) {
    let s = '';
    for (let i = 0; i < 140; i++)
      s += `<circle cx="${f1(r() * W)}" cy="${f1(r() * H)}" r="${f1(8 + r() * 40)}" fill="${pick(r, p)}" opacity="0.85"/>`;
    for (let i = 0; i < 1400; i++) {
      const x = r() * W,
        y = r() * H,
        a = r() * 6.283,
        l = 6 + r() * 14;
      s += `<line x1="${f1(x)}" y1="${f1(y)}" x2="${f1(x + Math.cos(a) * l)}" y2="${f1(y + Math.sin(a) * l)}" stroke="${pick(r, p)}" stroke-width="${f1(3 + r() * 3)}" stroke-linecap="round"/>`;
    }
    return s;
  },
  snowflakes(r, p) {
    let s = '';
    for (let i = 0; i < 90; i++)
      s += `<circle cx="${f1(r() * W)}" cy="${f1(r() * H)}" r="${f1(20 + r() * 60)}" fill="${p[4]}" opacity="0.6"/>`;
    for (let i = 0; i < 260; i++)
      s += snowflake(r, r() * W, r() * H, 8 + r() * 34, pick(r, p.slice(0, 4)));
    return s;
  },
  triangles(r, p) {
    let s = '';
    for (let i = 0; i < 900; i++) {
      const x = r() * W,
        y = r() * H,
        h = 14 + r() * 60,
        w = h * (0.4 + r() * 0.4);
      s += `<polygon points="${f1(x)},${f1(y - h)} ${f1(x + w)},${f1(y)} ${f1(x - w)},${f1(y)}" fill="${pick(r, p)}" stroke="${p[5]}" stroke-width="1.5"/>`;
    }
    for (let i = 0; i < 200; i++)
      s += `<circle cx="${f1(r() * W)}" cy="${f1(r() * H)}" r="${f1(2 + r() * 5)}" fill="${pick(r, [p[3], p[4], p[2]])}"/>`;
    return s;
  },
  rays(r, p) {
    let s = '';
    const cx = W * 0.45,
      cy = H * 0.55;
    for (let a = 0; a < 6.283;) {
      const da = 0.04 + r() * 0.12;
      s += `<polygon points="${cx},${cy} ${f1(cx + 2000 * Math.cos(a))},${f1(cy + 2000 * Math.sin(a))} ${f1(cx + 2000 * Math.cos(a + da))},${f1(cy + 2000 * Math.sin(a + da))}" fill="${pick(r, p)}"/>`;
      a += da;
    }
    for (let i = 0; i < 220; i++)
      s += `<text x="${f1(r() * W)}" y="${f1(r() * H)}" font-family=${LATIN} font-size="${f1(18 + r() * 40)}" fill="${pick(r, p)}" stroke="${p[5]}" stroke-width="1.5" transform="rotate(${f1(r() * 60 - 30)} ${f1(r() * W)} ${f1(r() * H)})">${pick(r, ['♪', '♫', '♬', '♩', '★'])}</text>`;
    return s;
  },
  tiles(r, p) {
    let s = '';
    for (let y = 0; y < H; y += 28)
      for (let x = (y / 28) % 2 ? -14 : 0; x < W; x += 28) {
        const z = 10 + r() * 10,
          a = r() * 90;
        s += `<rect x="${f1(x + 14 - z)}" y="${f1(y + 14 - z)}" width="${f1(2 * z)}" height="${f1(2 * z)}" rx="${f1(r() * 8)}" fill="${pick(r, p)}" transform="rotate(${f1(a)} ${x + 14} ${y + 14})"/>`;
      }
    return s;
  },
  blocks(r, p) {
    let s = '';
    const split = (x, y, w, h, d) => {
      if (d > 6 || w * h < 2500 || (d > 2 && r() < 0.12)) {
        s += `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(w)}" height="${f1(h)}" fill="${pick(r, p)}" stroke="${p[4]}" stroke-width="5"/>`;
        return;
      }
      const t = 0.3 + r() * 0.4;
      if (w > h) {
        split(x, y, w * t, h, d + 1);
        split(x + w * t, y, w * (1 - t), h, d + 1);
      } else {
        split(x, y, w, h * t, d + 1);
        split(x, y + h * t, w, h * (1 - t), d + 1);
      }
    };
    split(0, 0, W, H, 0);
    for (let i = 0; i < 260; i++)
      s += `<circle cx="${f1(r() * W)}" cy="${f1(r() * H)}" r="${f1(3 + r() * 12)}" fill="${pick(r, p)}" stroke="${p[4]}" stroke-width="2"/>`;
    return s;
  },
  starfield(r, p) {
    let s = '';
    for (let i = 0; i < 700; i++)
      s += `<circle cx="${f1(r() * W)}" cy="${f1(r() * H)}" r="${f1(0.8 + r() * 2.5)}" fill="${pick(r, p)}"/>`;
    for (let i = 0; i < 170; i++) {
      const n = 4 + Math.floor(r() * 5),
        ro = 6 + r() * 30;
      s += `<polygon points="${starPoints(r() * W, r() * H, ro, ro * (0.3 + r() * 0.2), n, r() * 3)}" fill="${pick(r, p)}"/>`;
    }
    return s;
  },
};

function posterSvg(t) {
  const r = rng(t.seed);
  let grain = '';
  for (let i = 0; i < 900; i++)
    grain += `<circle cx="${f1(r() * W)}" cy="${f1(r() * H)}" r="${f1(1 + r() * 2.2)}" fill="${pick(r, [t.ink, '#ffffff'])}" opacity="0.7"/>`;
  let frame = ''; // candy-cane style border with random segment lengths
  for (const [x0, y0, dx, dy, len] of [
    [0, 0, 1, 0, W],
    [0, H - 16, 1, 0, W],
    [0, 0, 0, 1, H],
    [W - 16, 0, 0, 1, H],
  ])
    for (let u = 0, k = 0; u < len; k++) {
      const l = 16 + r() * 40;
      frame += `<rect x="${f1(x0 + dx * u)}" y="${f1(y0 + dy * u)}" width="${f1(dx ? l : 16)}" height="${f1(dy ? l : 16)}" fill="${k % 2 ? '#ffffff' : t.palette[0]}"/>`;
      u += l;
    }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${t.base}"/>${BACKGROUNDS[t.bg](r, t.palette)}${grain}${frame}</svg>`;
}

function titleSvg(t, number) {
  const top = t.titleAt === 'top' ? 34 : H - 244,
    fs = Math.min(60, Math.floor(540 / (t.en.length * 0.74))); // keep clear of the badge
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
  <rect x="44" y="${top}" width="${W - 88}" height="206" rx="26" fill="${t.ink}" stroke="#ffffff" stroke-width="7"/>
  <rect x="58" y="${top + 14}" width="${W - 116}" height="178" rx="18" fill="none" stroke="${t.palette[0]}" stroke-width="4" stroke-dasharray="14 7"/>
  <text x="${W / 2}" y="${top + 78}" text-anchor="middle" font-family=${LATIN} font-weight="bold" font-size="${fs}" fill="#ffffff" stroke="${t.palette[0]}" stroke-width="2">${esc(t.en)}</text>
  <text x="${W / 2}" y="${top + 146}" text-anchor="middle" font-family=${CJK} font-weight="bold" font-size="56" fill="${t.palette[0] === '#ffffff' ? '#9fd3ff' : t.palette[0]}">${esc(t.zh)}</text>
  <text x="${W / 2}" y="${top + 182}" text-anchor="middle" font-family=${CJK} font-size="22" fill="#ffffff">${esc(t.tag)}</text>
  <circle cx="${W - 70}" cy="${top + 16}" r="44" fill="#d62839" stroke="#ffffff" stroke-width="5"/>
  <text x="${W - 70}" y="${top + 34}" text-anchor="middle" font-family=${LATIN} font-weight="bold" font-size="50" fill="#ffffff">${number}</text></svg>`;
}

// Many openclipart drawings spill outside their declared page; grow the canvas 3x so nothing is clipped.
function expandCanvas(svg) {
  const tag = svg.match(/<svg\b[^>]*>/)[0];
  const attr = (n) => tag.match(new RegExp(`\\s${n}\\s*=\\s*["']([^"']*)["']`))?.[1];
  const px = (v) =>
    parseFloat(v) *
    ({ mm: 3.7795, cm: 37.795, in: 96, pt: 4 / 3, pc: 16 }[v.match(/[a-z]+$/)?.[0]] ?? 1);
  const [x, y, w, h] = attr('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number) ?? [0, 0, px(attr('width')), px(attr('height'))];
  const grown = tag
    .replace(/\s(width|height|viewBox|preserveAspectRatio)\s*=\s*["'][^"']*["']/g, '')
    .replace(
      /^<svg/,
      `<svg width="${3 * w}" height="${3 * h}" viewBox="${x - w} ${y - h} ${3 * w} ${3 * h}"`,
    );
  return Buffer.from(svg.replace(tag, grown));
}

// Render one clipart SVG crisply at the box size, trimmed, with a white "sticker" outline and shadow.
async function clipartSticker(rel, box, rot) {
  const svg = expandCanvas(await readFile(path.join(CLIPART, rel), 'utf8'));
  const probe = await sharp(svg, { density: 72, limitInputPixels: false })
    .trim()
    .toBuffer({ resolveWithObject: true });
  const density = Math.min(1200, (72 * box * 1.05) / Math.max(probe.info.width, probe.info.height));
  const art = await sharp(svg, { density, limitInputPixels: false })
    .trim()
    .resize(box, box, { fit: 'inside' })
    .extend({ top: 14, bottom: 14, left: 14, right: 14, background: '#0000' })
    .png()
    .toBuffer();
  const { width, height } = await sharp(art).metadata();
  const mask = await sharp(art).extractChannel(3).blur(5).threshold(2).raw().toBuffer();
  const shadow = await sharp(art).extractChannel(3).blur(8).linear(0.55, 0).raw().toBuffer();
  const layer = (colour, alpha) =>
    sharp({ create: { width, height, channels: 3, background: colour } })
      .joinChannel(alpha, { raw: { width, height, channels: 1 } })
      .png()
      .toBuffer();
  const sticker = await sharp(await layer('#000000', shadow))
    .composite([{ input: await layer('#ffffff', mask) }, { input: art }])
    .png()
    .toBuffer();
  return sharp(sticker)
    .rotate(rot, { background: '#0000' })
    .png()
    .toBuffer({ resolveWithObject: true });
}

async function writePoster(t, number) {
  const layers = [];
  for (const [rel, cx, cy, box, rot] of t.art) {
    const { data, info } = await clipartSticker(rel, box, rot);
    const left = Math.round(Math.min(Math.max(cx - info.width / 2, 0), W - info.width));
    const top = Math.round(Math.min(Math.max(cy - info.height / 2, 0), H - info.height));
    layers.push({ input: data, left, top });
  }
  layers.push({ input: Buffer.from(titleSvg(t, number)), left: 0, top: 0 });
  const png = await sharp(Buffer.from(posterSvg(t)))
    .composite(layers)
    .png()
    .toBuffer();
  let quality = 85,
    jpg;
  do {
    jpg = await sharp(png).jpeg({ quality, mozjpeg: true }).toBuffer();
    quality -= 3;
  } while (jpg.length > MAX_BYTES && quality > 50);
  await writeFile(path.join(POSTER_DIR, `${t.key}.jpg`), jpg);
  console.log(`${t.key}.jpg  ${(jpg.length / 1024).toFixed(0)} KB  q=${quality + 3}`);
}

// ---- App icons: a bold red rubber stamp with a white star -------------------------------------
// radius: stamp radius as a fraction of the icon size; bleed: opaque full-bleed background.
function stampSvg(size, radius, bleed) {
  const c = size / 2,
    R = size * radius,
    rot = -12;
  const bg = bleed ? `<rect width="${size}" height="${size}" fill="#fff4e0"/>` : '';
  let dots = '';
  for (let i = 0; i < 24; i++) {
    const a = (i / 24) * 2 * Math.PI;
    dots += `<circle cx="${f1(c + R * 0.8 * Math.cos(a))}" cy="${f1(c + R * 0.8 * Math.sin(a))}" r="${f1(R * 0.045)}" fill="#ffffff"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${bg}
  <g transform="rotate(${rot} ${c} ${c})"><circle cx="${c}" cy="${c}" r="${R}" fill="#d62839"/>
  <circle cx="${c}" cy="${c}" r="${R * 0.9}" fill="none" stroke="#ffffff" stroke-width="${f1(R * 0.05)}"/>${dots}
  <circle cx="${c}" cy="${c}" r="${R * 0.7}" fill="none" stroke="#ffffff" stroke-width="${f1(R * 0.05)}"/>
  <polygon points="${starPoints(c, c + R * 0.04, R * 0.58, R * 0.25, 5)}" fill="#ffffff"/></g></svg>`;
}

async function writeIcons() {
  await mkdir(ICON_DIR, { recursive: true });
  // maskable: stamp radius 0.38 stays inside the 0.40 safe-zone circle; apple-touch: opaque (iOS adds no transparency)
  const icons = [
    ['icon-192.png', 192, 0.47, false],
    ['icon-512.png', 512, 0.47, false],
    ['maskable-512.png', 512, 0.38, true],
    ['apple-touch-icon-180.png', 180, 0.43, true],
  ];
  for (const [name, size, radius, bleed] of icons) {
    await sharp(Buffer.from(stampSvg(size, radius, bleed)))
      .png({ compressionLevel: 9 })
      .toFile(path.join(ICON_DIR, name));
    console.log(
      `icons/${name}  ${((await stat(path.join(ICON_DIR, name))).size / 1024).toFixed(1)} KB`,
    );
  }
}

await mkdir(POSTER_DIR, { recursive: true });
for (const [i, t] of THEMES.entries()) await writePoster(t, i + 1);
await writeIcons();
