// Training pairs for the patch descriptor from the benchmark's own simulator, on artwork no bench
// image contains: posters (clip-art and shared-template layouts) rendered by the bench's poster code
// from the clip-art characters no venue draws (generate-dataset.ts benchPoolFiles), and prints of the
// photographs the bench uses only as scenery, some faded; shot by the bench's camera (placement,
// occlusion, light, glare, blur, motion, noise, JPEG) over scenes with clutter; cut by the engine
// (pair-cutting.ts), a third of the frames through the second pass's boost.
//   npx tsx models/training/sim_pairs.ts --pairs 40000 --seed 21 --out .cache/s16/sim-pairs-s21
import { parseArgs } from 'node:util';
import sharp, { type OverlayOptions } from 'sharp';
import { scaledGray, workingImage } from '../../src/recognition/engine/frame.js';
import { COMPILE_PARAMS, MATCH_PARAMS } from '../../src/recognition/engine/params.js';
import { createRng, type Rng } from '../../src/recognition/shared/rng.js';
import {
  background,
  benchPoolFiles,
  scaledFor,
  type Backgrounds,
} from '../../test/bench/recognition/generate-dataset.js';
import {
  canvasFrom,
  finishPhoto,
  FRAME_H,
  FRAME_W,
  occlude,
  samplePhotometrics,
  warpInto,
} from '../../test/bench/recognition/dataset/photo-sim.js';
import {
  boothName,
  makeTemplate,
  renderClipartPoster,
  renderPhotoPrint,
  renderTemplatePoster,
  type PosterTemplate,
} from '../../test/bench/recognition/dataset/posters.js';
import {
  listCameraFrames,
  listGraphics,
  loadRgb,
  randomCrop,
  type RgbImage,
} from '../../test/bench/recognition/dataset/sources.js';
import { frameSide, pairKeypoints, PairStore, placePrint, referenceSide } from './pair-cutting.js';

sharp.concurrency(1);
const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '40000' },
    seed: { type: 'string', default: '21' },
    perImage: { type: 'string', default: '30' },
    out: { type: 'string', default: '.cache/s16/sim-pairs-s21' },
    // posters: the bench's poster layouts (its fonts, decor and booth names); plain: clip art on a
    // graphic backdrop and photo prints only, so nothing of the bench's lettering or decor is learnt.
    style: { type: 'string', default: 'posters' },
  },
});
if (!['posters', 'plain'].includes(values.style!)) throw new Error('--style is posters or plain');
const rng = createRng(Number(values.seed));
const files = benchPoolFiles();
const characters = files.spareCharacters;
const load = (list: string[], side: number): Promise<RgbImage[]> =>
  Promise.all(list.map((f) => loadRgb(f, side)));
const graphics = await load(listGraphics(), 1200);
const photos = await load([...files.refBgFiles, ...files.bgPhotoFiles], 1200);
const scenes: Backgrounds = {
  images: [...(await load(files.bgPhotoFiles, 1280)), ...(await load(listCameraFrames(), 1280))],
  clutter: characters,
  refImages: [],
};

let template: PosterTemplate | null = null;

/** One to three characters on a crop of a graphic wallpaper: no lettering, no decor. */
async function plainClipart(r: Rng): Promise<RgbImage> {
  const [w, h] = [400 + r.int(300), 400 + r.int(300)];
  const backdrop = await randomCrop(r.pick(graphics), r, w, h, 0.3);
  const layers: OverlayOptions[] = [];
  for (let i = 1 + r.int(3); i > 0; i--) {
    const box = Math.round(Math.min(w, h) * (i === 1 ? r.range(0.45, 0.75) : r.range(0.15, 0.3)));
    const clip = await sharp(r.pick(characters), { limitInputPixels: false })
      .resize(box, box, { fit: 'inside' })
      .rotate(r.int(21) - 10, { background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .png()
      .toBuffer();
    const m = await sharp(clip).metadata();
    layers.push({
      input: clip,
      left: r.int(Math.max(1, w - (m.width ?? 0))),
      top: r.int(Math.max(1, h - (m.height ?? 0))),
    });
  }
  const { data, info } = await sharp(backdrop.data, { raw: { width: w, height: h, channels: 3 } })
    .composite(layers)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/**
 * posters: a clip-art poster (45 %), a poster on a shared template (20 %) or a photo print (35 %);
 * plain: clip art on a backdrop (55 %) or a photo print (45 %).
 */
async function artwork(r: Rng): Promise<RgbImage> {
  if (values.style === 'plain') {
    return r.next() < 0.55 ? plainClipart(r) : renderPhotoPrint(r, r.pick(photos), r.next() < 0.6);
  }
  const kind = r.next();
  if (kind < 0.45) {
    const clips = Array.from({ length: 1 + r.int(4) }, () => r.pick(characters));
    return renderClipartPoster(r, clips, graphics);
  }
  if (kind < 0.65) {
    if (!template || r.next() < 0.1) template = await makeTemplate(r, graphics);
    return renderTemplatePoster(template, r.pick(characters), boothName(r));
  }
  return renderPhotoPrint(r, r.pick(photos), r.next() < 0.6);
}

function rgba(img: RgbImage): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(img.width * img.height * 4);
  for (let i = 0, j = 0; i < img.data.length; i += 3, j += 4) {
    data[j] = img.data[i]!;
    data[j + 1] = img.data[i + 1]!;
    data[j + 2] = img.data[i + 2]!;
    data[j + 3] = 255;
  }
  return { width: img.width, height: img.height, data };
}

const store = new PairStore(Number(values.pairs), Number(values.perImage));
let images = 0;
while (!store.full) {
  images++;
  const art = await artwork(rng);
  const ref = referenceSide(scaledGray(rgba(art), COMPILE_PARAMS.referenceMaxSide).image);
  const placed = placePrint(rng, art, ref);
  if (!placed) continue;
  const canvas = canvasFrom(await background(rng, scenes));
  warpInto(canvas, await scaledFor(art, placed.coverage * FRAME_W * FRAME_H), placed.quad);
  if (rng.next() < 0.25) {
    const tex = await randomCrop(rng.pick(scenes.images), rng, 160, 160, 0.2);
    occlude(rng, canvas, tex, placed.quad, rng.range(0.1, 0.3));
  }
  const jpeg = await finishPhoto(rng, canvas, placed.quad, samplePhotometrics(rng));
  const { data, info } = await sharp(jpeg)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const frame = { width: info.width, height: info.height, data: new Uint8Array(data) };
  const working = workingImage(frame, MATCH_PARAMS.frameMaxSide);
  const side = frameSide(working.image, rng.next() < 0.33);
  const pairs = pairKeypoints(ref, side, working.scale, placed.toReference);
  store.add(rng, ref, side, pairs);
  store.report(images);
}
store.write(values.out!, images);
