// Chromium's fake camera plays our y4m as we rendered it (same frames, same colours once through
// Chromium's YUV→RGB), and pointFakeCamera switches the video between camera sessions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../chromium.js';
import { makeNegativeVideo, makePosterVideo, pointFakeCamera } from './fake-video.js';
import type { FakeVideo } from './fake-video.js';
import { readFramesWithFfmpeg } from './y4m.js';

const ORIGIN = 'http://127.0.0.1:9';
let dir: string;
let browser: Browser;
let poster: FakeVideo;
let negative: FakeVideo;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stamp-rally-camera-'));
  poster = await makePosterVideo({ poster: 'snowman-village' });
  negative = await makeNegativeVideo();
  pointFakeCamera(join(dir, 'camera.y4m'), poster);
  browser = await chromium.launch(chromiumLaunchOptions({ fakeVideo: join(dir, 'camera.y4m') }));
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Opens the camera, grabs its first presented frame (RGBA, every 4th pixel and row), closes it. */
function grabFirstFrame(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { width: 640, height: 480 },
    });
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    const presented = new Promise<void>((resolve) =>
      video.requestVideoFrameCallback(() => resolve()),
    );
    await video.play();
    await presented;
    const canvas = new OffscreenCanvas(640, 480);
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0);
    for (const track of stream.getTracks()) track.stop();
    // Every 4th pixel of every 4th row is plenty to compare, and keeps the transfer small.
    const data = context.getImageData(0, 0, 640, 480).data;
    const sample: number[] = [];
    for (let y = 0; y < 480; y += 4) {
      for (let x = 0; x < 640; x += 4)
        sample.push(...data.subarray((y * 640 + x) * 4, (y * 640 + x) * 4 + 4));
    }
    return sample;
  });
}

/** Mean absolute RGB difference between a grabbed sample and the same pixels of a full frame. */
function difference(sample: readonly number[], frame: Uint8Array): number {
  let sum = 0;
  let i = 0;
  for (let y = 0; y < 480; y += 4) {
    for (let x = 0; x < 640; x += 4, i += 4) {
      const p = (y * 640 + x) * 4;
      for (let c = 0; c < 3; c++) sum += Math.abs(sample[i + c]! - frame[p + c]!);
    }
  }
  return sum / ((i / 4) * 3);
}

/** How far the grabbed frame is from the nearest of the video's first frames (start-up may skip some). */
async function distanceToStart(grabbed: number[], video: FakeVideo): Promise<number> {
  const frames = await readFramesWithFfmpeg(video.path, [0, 1, 2, 3, 4, 5], video);
  return Math.min(...frames.map((f) => difference(grabbed, f)));
}

describe('fake camera in Chromium', () => {
  it('shows the rendered frames and switches videos between camera sessions', async () => {
    const page = await browser.newPage();
    // A page at a potentially trustworthy origin (getUserMedia needs one), served without a server.
    await page.route(`${ORIGIN}/**`, (route) =>
      route.fulfill({ body: '<!doctype html><title>camera</title>', contentType: 'text/html' }),
    );
    await page.goto(`${ORIGIN}/`);

    const first = await grabFirstFrame(page);
    const toPoster = await distanceToStart(first, poster);
    const toNegative = await distanceToStart(first, negative);
    console.info(
      `camera frame vs poster video ${toPoster.toFixed(1)}, vs negative ${toNegative.toFixed(1)}`,
    );
    expect(toPoster).toBeLessThan(6);
    expect(toNegative).toBeGreaterThan(20);

    pointFakeCamera(join(dir, 'camera.y4m'), negative);
    const second = await grabFirstFrame(page);
    expect(await distanceToStart(second, negative)).toBeLessThan(6);
    expect(await distanceToStart(second, poster)).toBeGreaterThan(20);
    await page.close();
  });
});
