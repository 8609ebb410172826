// Node image decoding for the CLI: upright by EXIF, shrunk while decoding to at most
// MAX_DECODED_SIDE, small images untouched.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImageFile, MAX_DECODED_SIDE } from '../../../src/recognition/node/decode-image.js';

const dir = mkdtempSync(join(tmpdir(), 'decode-'));

/** A JPEG whose left half is red and right half blue, with an EXIF orientation. */
async function halves(width: number, height: number, orientation: number): Promise<string> {
  const red = { r: 230, g: 20, b: 20 };
  const blue = { r: 20, g: 20, b: 230 };
  const half = (c: typeof red) =>
    sharp({ create: { width: width / 2, height, channels: 3, background: c } })
      .png()
      .toBuffer();
  const file = join(dir, `${width}x${height}-${orientation}.jpg`);
  await sharp({ create: { width, height, channels: 3, background: red } })
    .composite([
      { input: await half(red), left: 0, top: 0 },
      { input: await half(blue), left: width / 2, top: 0 },
    ])
    .jpeg({ quality: 95 })
    .withMetadata({ orientation })
    .toFile(file);
  return file;
}

const pixel = (img: { width: number; data: Uint8Array }, x: number, y: number) => {
  const i = (y * img.width + x) * 4;
  return [...img.data.subarray(i, i + 3)];
};

describe('decodeImageFile', () => {
  it('turns a large photo upright and shrinks it to the longest side the engine needs', async () => {
    // Orientation 6: the camera was turned a quarter clockwise, so upright the red half is on top.
    const img = await decodeImageFile(await halves(3000, 2000, 6));
    expect(img.width).toBe(Math.round((2000 * MAX_DECODED_SIDE) / 3000));
    expect(img.height).toBe(MAX_DECODED_SIDE);
    expect(img.data.length).toBe(img.width * img.height * 4);
    expect(pixel(img, img.width >> 1, 100)[0]).toBeGreaterThan(200);
    expect(pixel(img, img.width >> 1, img.height - 100)[2]).toBeGreaterThan(200);
  });

  it('keeps a camera-sized frame at its size', async () => {
    const img = await decodeImageFile(await halves(640, 480, 1));
    expect([img.width, img.height]).toEqual([640, 480]);
    expect(pixel(img, 100, 240)[0]).toBeGreaterThan(200);
    expect(pixel(img, 540, 240)[2]).toBeGreaterThan(200);
  });
});
