// Deterministic fake-camera videos for the end-to-end tests and the PWA bench: a demo booth poster
// (or a stranger artwork) moving in perspective over a cluttered background, as 640×480 y4m.
// Generated on demand and cached under .cache/fake-camera/ (never committed: ~460 KB a frame).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Point } from '../../../src/recognition/shared/homography.js';
import { createRng } from '../../../src/recognition/shared/rng.js';
import { canvasFrom, warpInto } from '../../bench/recognition/dataset/photo-sim.js';
import type { RgbImage } from '../../bench/recognition/dataset/sources.js';
import { FRAME_H, FRAME_W, clutteredBackground, posterQuadAt, strangerArtwork } from './scene.js';
import { openY4mWriter } from './y4m.js';

/** Bump when the rendering changes, so cached videos are regenerated. */
const GENERATOR_VERSION = 1;
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const DEMO_POSTER_DIR = join(REPO_ROOT, 'src/server/seed/demo-patterns');
const CACHE_DIR = join(REPO_ROOT, '.cache/fake-camera');

export interface FakeVideo {
  path: string;
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  /** The subject's corners in every frame (frame i at i / fps seconds); empty when there is none. */
  quads: Point[][];
}

interface VideoOptions {
  /** Where to write; default a cache file named after the inputs. */
  out?: string;
  seconds?: number;
  fps?: number;
  /** Seeds the background and the pixel noise. */
  seed?: number;
}

export interface PosterVideoOptions extends VideoOptions {
  /** A demo booth key (e.g. 'santa-workshop') or the path of a poster image. */
  poster: string;
}

export function demoPosterPath(poster: string): string {
  return /[/\\.]/.test(poster) ? resolve(poster) : join(DEMO_POSTER_DIR, `${poster}.jpg`);
}

/** The poster pre-scaled to about its largest on-screen size, so the warp only ever minifies a little. */
async function loadArt(path: string): Promise<RgbImage> {
  const { data, info } = await sharp(path)
    .rotate()
    .resize(384, 512, { fit: 'inside' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

async function render(
  name: string,
  subject: RgbImage | null,
  inputs: unknown,
  { out, seconds = 8, fps = 15, seed = 1 }: VideoOptions,
): Promise<FakeVideo> {
  const frameCount = Math.round(seconds * fps);
  const quads = subject
    ? Array.from({ length: frameCount }, (_, i) =>
        posterQuadAt(i / fps, subject.width, subject.height),
      )
    : [];
  const key = createHash('sha256')
    .update(JSON.stringify({ GENERATOR_VERSION, name, inputs, seconds, fps, seed }))
    .digest('hex')
    .slice(0, 16);
  const path = out ? resolve(out) : join(CACHE_DIR, `${name}-${key}.y4m`);
  const video = { path, width: FRAME_W, height: FRAME_H, fps, frameCount, quads };
  // A given cache name always holds the same frames; an explicit `out` is always rewritten.
  if (!out && existsSync(path)) return video;

  mkdirSync(dirname(path), { recursive: true });
  const background = await clutteredBackground(seed);
  const rng = createRng(seed ^ 0x5eed);
  // Written beside the target and renamed, so a concurrent reader never sees half a video.
  const partial = `${path}.${process.pid}.partial`;
  const writer = openY4mWriter(partial, { width: FRAME_W, height: FRAME_H, fps });
  try {
    for (let i = 0; i < frameCount; i++) {
      const canvas = canvasFrom(background);
      if (subject) warpInto(canvas, subject, quads[i]!);
      // Sensor noise (±4) and a slow exposure wobble, so no two frames are bit-identical.
      const gain = 1 + 0.04 * Math.sin(i / 11);
      const rgb = canvas.rgb;
      for (let p = 0; p < rgb.length; p++) rgb[p] = rgb[p]! * gain + (rng.next() - 0.5) * 8;
      writer.write(rgb);
    }
  } catch (error) {
    writer.close();
    rmSync(partial, { force: true });
    throw error;
  }
  writer.close();
  renameSync(partial, path);
  return video;
}

/** A demo booth poster moving in perspective over the cluttered background, in view on every frame. */
export async function makePosterVideo(options: PosterVideoOptions): Promise<FakeVideo> {
  const path = demoPosterPath(options.poster);
  const digest = createHash('sha256').update(readFileSync(path)).digest('hex');
  const name = `poster-${path.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '')}`;
  return render(name, await loadArt(path), digest, options);
}

/** No booth: the same scene with an artwork of no booth, or (`subject: 'none'`) the background only. */
export async function makeNegativeVideo(
  options: VideoOptions & { subject?: 'stranger' | 'none' } = {},
): Promise<FakeVideo> {
  const subject = options.subject ?? 'stranger';
  const art = subject === 'stranger' ? await strangerArtwork((options.seed ?? 1) + 7) : null;
  return render(`negative-${subject}`, art, subject, options);
}

/**
 * Makes `livePath` (the file the browser was launched with, --use-file-for-fake-video-capture) show
 * `video` from the next camera session on: Chromium reopens that file at every getUserMedia and plays
 * it from its first frame, so one browser can scan one booth, then another. The link is swapped
 * atomically, so a camera opening meanwhile sees the old video or the new one, never neither.
 */
export function pointFakeCamera(livePath: string, video: FakeVideo): void {
  const link = `${livePath}.${process.pid}.link`;
  rmSync(link, { force: true });
  symlinkSync(video.path, link);
  renameSync(link, livePath);
}
