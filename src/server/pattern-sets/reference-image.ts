// Turns an uploaded reference photo into the stored form: decoded safely, upright, bounded in size,
// with a thumbnail. Corrupt or oversized input fails with a clear error and nothing is stored.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { MAX_DECODED_SIDE, oversize } from '../../recognition/node/decode-image.js';
import { HttpError } from '../http-error.js';

/** Largest decoded image accepted (pixels); protects memory from decompression bombs. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAX_INPUT_BYTES = 15 * 1024 * 1024;
/** Stored references are scaled so the longest side is at most this (as the CLI decodes them). */
export const REFERENCE_MAX_SIDE = MAX_DECODED_SIDE;
export const THUMB_MAX_SIDE = 320;

export interface PreparedReferenceImage {
  sha256: string;
  mediaType: 'image/jpeg';
  width: number;
  height: number;
  bytes: Buffer;
  thumbMediaType: 'image/webp';
  thumb: Buffer;
}

export async function prepareReferenceImage(
  input: Uint8Array,
  label: string,
): Promise<PreparedReferenceImage> {
  if (input.byteLength > MAX_INPUT_BYTES) {
    throw new HttpError(413, 'payload_too_large', `${label}: image is larger than 15 MB`);
  }
  try {
    const source = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
    const { data, info } = await source
      .clone()
      .resize(REFERENCE_MAX_SIDE, REFERENCE_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 90, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumb = await sharp(data)
      .resize(THUMB_MAX_SIDE, THUMB_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78 })
      .toBuffer();
    return {
      sha256: createHash('sha256').update(data).digest('hex'),
      mediaType: 'image/jpeg',
      width: info.width,
      height: info.height,
      bytes: data,
      thumbMediaType: 'image/webp',
      thumb,
    };
  } catch (err) {
    const tooLarge = await oversize(input, MAX_INPUT_PIXELS);
    if (tooLarge) throw new HttpError(413, 'payload_too_large', `${label}: ${tooLarge}`);
    const reason = err instanceof Error ? err.message : String(err);
    throw new HttpError(
      415,
      'unsupported_media_type',
      `${label}: not a readable image (JPEG, PNG or WebP expected): ${reason}`,
    );
  }
}
