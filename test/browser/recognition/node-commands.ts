// Node side of the browser parity test (a Vitest browser command): compiles demo posters and makes
// camera-like frames with the Node engine, returning them with the Node engine's decisions.
import type { BrowserCommand } from 'vitest/node';
import type { RgbaImage } from '../../../src/recognition/engine/frame.js';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';
import { cameraView, colourCameraView, demoPoster } from '../../fixtures/demo-posters.js';

const IN_SET = ['santa-workshop', 'snowman-village', 'hot-cocoa-cafe'];

export interface ParityCase {
  artifact: string;
  frames: Array<{ name: string; width: number; height: number; rgba: string }>;
  node: Array<{
    pattern: string | null;
    inliers: number;
    keypoints: number;
    rejected: string | null;
  }>;
}

const corners = (tilt: number) => [
  { x: 200 + tilt, y: 50 },
  { x: 450, y: 60 + tilt },
  { x: 460, y: 420 - tilt },
  { x: 190 + tilt, y: 430 },
];
const view = (image: RgbaImage, tilt: number) => cameraView(image, corners(tilt));
/** A colour view with the corners at x, y × 4 (clockwise from top-left). */
const colourView = (image: RgbaImage, xy: number[]) =>
  colourCameraView(
    image,
    [0, 1, 2, 3].map((k) => ({ x: xy[2 * k]!, y: xy[2 * k + 1]! })),
  );

let cached: Promise<ParityCase> | null = null;

async function build(): Promise<ParityCase> {
  const engine = await createNodeEngine();
  const patterns = await Promise.all(
    IN_SET.map(async (id) => ({ id, images: [await demoPoster(id)] })),
  );
  const { artifact } = await engine.compile(patterns);
  const matcher = engine.loadMatcher(artifact);
  const frames: Array<{ name: string; image: RgbaImage }> = [
    { name: 'santa tilted', image: view(await demoPoster('santa-workshop'), 30) },
    { name: 'cocoa frontal', image: view(await demoPoster('hot-cocoa-cafe'), 0) },
    { name: 'train (not in set)', image: view(await demoPoster('toy-train-station'), 20) },
    // In colour: the colour check runs (the grey views above give it no verdict).
    {
      name: 'snowman in colour, tilted',
      image: colourView(
        await demoPoster('snowman-village'),
        [230, 40, 400, 130, 400, 370, 230, 440],
      ),
    },
    {
      name: 'train in colour, frontal (not in set)',
      image: colourView(
        await demoPoster('toy-train-station'),
        [140, 0, 500, 0, 500, 480, 140, 480],
      ),
    },
  ];
  const node = [];
  for (const f of frames) {
    const r = await matcher.match(f.image);
    const { inliers, keypoints, rejected } = r.evidence;
    node.push({ pattern: r.pattern, inliers, keypoints, rejected });
  }
  return {
    artifact: Buffer.from(artifact).toString('base64'),
    frames: frames.map((f) => ({
      name: f.name,
      width: f.image.width,
      height: f.image.height,
      rgba: Buffer.from(f.image.data).toString('base64'),
    })),
    node,
  };
}

export const recognitionParityCase: BrowserCommand<[]> = () => (cached ??= build());
