// Training pairs for the patch descriptor cut by the engine itself: a Debian photo or graphic as the
// artwork (sometimes printed faint), its reference features exactly as the compiler finds them, and
// a synthetic phone photo of the print (bench-like tilt, coverage, blur, noise, JPEG) whose keypoints
// are found exactly as the matcher finds them. A frame keypoint pairs with the reference keypoint the
// true homography puts within 1.5 frame pixels at a size within ×1.3 — so the pairs carry the
// engine's own orientation, scale and sampling noise. Output: <out>-a.u8 / <out>-b.u8, N × 32 × 32.
//   npx tsx models/training/engine_pairs.ts --pairs 60000 --seed 11 --out .cache/engine-pairs-s11
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { workingImage } from '../../src/recognition/engine/frame.js';
import { grayToRgba, warpGray } from '../../src/recognition/engine/warp.js';
import { MATCH_PARAMS } from '../../src/recognition/engine/params.js';
import type { GrayImage } from '../../src/recognition/shared/preprocess.js';
import { createRng, type Rng } from '../../src/recognition/shared/rng.js';
import { listGraphics, listPhotos } from '../../test/bench/recognition/dataset/sources.js';
import { frameSide, pairKeypoints, PairStore, placePrint, referenceSide } from './pair-cutting.js';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '60000' },
    seed: { type: 'string', default: '11' },
    perImage: { type: 'string', default: '40' },
    out: { type: 'string', default: '.cache/engine-pairs-s11' },
    // The tail the bench misses: mostly faint, small, noisy and blurred prints, and the frame side
    // half the time through the second pass's local contrast boost.
    hard: { type: 'boolean', default: false },
  },
});
const hard = values.hard === true;
const target = Number(values.pairs);
const rng = createRng(Number(values.seed));
const files = [...listPhotos(), ...listGraphics()];

/** Every source once, grey, at most 1,200 px on its longest side. */
const sources: GrayImage[] = [];
for (const file of files) {
  const { data, info } = await sharp(file, { density: 96, limitInputPixels: false })
    .resize(1200, 1200, { fit: 'inside', withoutEnlargement: true })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  sources.push({
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
  });
}

/** A random crop (35–100 % of what fits) of a random source, resized to w × h. */
async function grayCrop(r: Rng, w: number, h: number): Promise<GrayImage> {
  const src = r.pick(sources);
  const scale = Math.min(src.width / w, src.height / h) * r.range(0.35, 1);
  const cw = Math.max(16, Math.min(src.width, Math.floor(w * scale)));
  const ch = Math.max(16, Math.min(src.height, Math.floor(h * scale)));
  const left = r.int(Math.max(1, src.width - cw + 1));
  const top = r.int(Math.max(1, src.height - ch + 1));
  const { data, info } = await sharp(Buffer.from(src.data), {
    raw: { width: src.width, height: src.height, channels: 1 },
  })
    .extract({ left, top, width: cw, height: ch })
    .resize(w, h, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8Array(data.buffer, data.byteOffset, info.width * info.height),
  };
}

const store = new PairStore(target, Number(values.perImage));
let images = 0;
while (!store.full) {
  images++;
  const aspect = rng.range(0.7, 1.4);
  const [aw, ah] = aspect >= 1 ? [480, Math.round(480 / aspect)] : [Math.round(480 * aspect), 480];
  const art = await grayCrop(rng, aw, ah);
  // The print: a third of them faint (12–50 % of their contrast), the rest 60–100 %.
  const faint = rng.next() < (hard ? 0.67 : 0.33);
  const c = faint ? rng.range(0.12, hard ? 0.4 : 0.5) : rng.range(0.6, 1);
  let mean = 0;
  for (const v of art.data) mean += v;
  mean /= art.data.length;
  const print: GrayImage = { ...art, data: art.data.map((v) => Math.round(mean + c * (v - mean))) };
  // Reference side, as the compiler does it.
  const ref = referenceSide(print);
  // Frame side: the print in a 640×480 phone photo.
  const placed = placePrint(rng, print, print, hard ? 0.5 : 0.95);
  if (!placed) continue;
  const scene = await grayCrop(rng, 640, 480);
  const shot = warpGray(print, placed.toFrame, 640, 480, scene);
  if (!shot) continue;
  const gain = rng.range(0.45, 1.3);
  const offset = rng.range(-25, 25);
  const noise = rng.next() < (hard ? 0 : 0.5) ? rng.range(0, 3) : rng.range(3, 10);
  for (let i = 0; i < shot.data.length; i++)
    shot.data[i] = Math.max(
      0,
      Math.min(255, Math.round(shot.data[i]! * gain + offset + rng.normal() * noise)),
    );
  const sigma = rng.next() < (hard ? 0.3 : 0.4) ? 0 : rng.range(hard ? 0.8 : 0.4, 2.5);
  let img = sharp(Buffer.from(shot.data), { raw: { width: 640, height: 480, channels: 1 } });
  if (sigma >= 0.3) img = img.blur(sigma);
  const jpeg = await img.jpeg({ quality: Math.round(rng.range(30, 92)) }).toBuffer();
  const { data: raw } = await sharp(jpeg).greyscale().raw().toBuffer({ resolveWithObject: true });
  const frameGray: GrayImage = {
    width: 640,
    height: 480,
    data: new Uint8Array(raw.buffer, raw.byteOffset, 640 * 480),
  };
  const working = workingImage(grayToRgba(frameGray), MATCH_PARAMS.frameMaxSide);
  // The hard tail: half the faint prints through the second pass's boost.
  const frame = frameSide(working.image, hard && faint && rng.next() < 0.5);
  store.add(rng, ref, frame, pairKeypoints(ref, frame, working.scale, placed.toReference));
  store.report(images);
}
store.write(values.out!, images);
