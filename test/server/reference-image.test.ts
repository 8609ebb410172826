// An uploaded reference photo becomes the stored form, or fails with a clear error: corrupt bytes,
// too many bytes, too many pixels.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/server/http-error.js';
import {
  MAX_INPUT_BYTES,
  REFERENCE_MAX_SIDE,
  prepareReferenceImage,
} from '../../src/server/pattern-sets/reference-image.js';

const grey = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();

async function failure(input: Uint8Array): Promise<HttpError> {
  const err = await prepareReferenceImage(input, 'santa.png').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

describe('prepareReferenceImage', () => {
  it('stores a readable photo as a JPEG at most REFERENCE_MAX_SIDE wide, with a thumbnail', async () => {
    const stored = await prepareReferenceImage(await grey(3000, 2000), 'santa.png');
    expect(stored.width).toBe(REFERENCE_MAX_SIDE);
    expect(stored.height).toBe(Math.round((REFERENCE_MAX_SIDE * 2) / 3));
    expect((await sharp(stored.bytes).metadata()).format).toBe('jpeg');
    expect((await sharp(stored.thumb).metadata()).format).toBe('webp');
  });

  it('refuses bytes that are no image, naming the file', async () => {
    const err = await failure(new TextEncoder().encode('not a png'));
    expect([err.statusCode, err.code]).toEqual([415, 'unsupported_media_type']);
    expect(err.message).toMatch(/^santa\.png: not a readable image/);
  });

  it('refuses a file over the byte limit before decoding it', async () => {
    const err = await failure(new Uint8Array(MAX_INPUT_BYTES + 1));
    expect([err.statusCode, err.code]).toEqual([413, 'payload_too_large']);
  });

  it('says how many megapixels too large a photo is', async () => {
    // 7,000 × 6,000 = 42 megapixels of one grey: a small file over the 40-megapixel limit.
    const err = await failure(await grey(7000, 6000));
    expect([err.statusCode, err.code]).toEqual([413, 'payload_too_large']);
    expect(err.message).toBe(
      'santa.png: 7000×6000 is 42 megapixels, over the limit of 40 megapixels (scale it down)',
    );
  });
});
