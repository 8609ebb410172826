// Decodes an image file in Node into the RGBA pixels the engine takes, upright (EXIF) and at most
// 1,280 px on the longest side, with a clear error for anything unreadable.
import sharp from 'sharp';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Largest decoded image accepted (pixels): protects memory from decompression bombs. */
const MAX_INPUT_PIXELS = 60_000_000;
/**
 * Images are decoded with their longest side at most this (the server stores references at the
 * same size): the engine works at 480 px, and a JPEG shrunk while it is decoded costs a quarter
 * of a full 12-megapixel decode.
 */
export const MAX_DECODED_SIDE = 1280;

export class ImageReadError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`cannot read image ${file}: ${reason}`);
    this.name = 'ImageReadError';
  }
}

export async function decodeImageFile(file: string): Promise<RgbaImage> {
  try {
    const { data, info } = await sharp(file, {
      failOn: 'error',
      limitInputPixels: MAX_INPUT_PIXELS,
    })
      .rotate()
      .resize(MAX_DECODED_SIDE, MAX_DECODED_SIDE, { fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const tooLarge = await oversize(file, MAX_INPUT_PIXELS);
    throw new ImageReadError(file, tooLarge ?? reason.replace(/^Input file /, ''));
  }
}

/**
 * Why an image sharp refused is too large, from its header alone (null when it is not that): the
 * pixel limit's own message does not say by how much.
 */
export async function oversize(
  input: string | Uint8Array,
  maxPixels: number,
): Promise<string | null> {
  const { width = 0, height = 0 } = await sharp(input)
    .metadata()
    .catch(() => ({ width: 0, height: 0 }));
  if (width * height <= maxPixels) return null;
  const mp = (n: number) => `${Math.round(n / 1e6)} megapixels`;
  return `${width}×${height} is ${mp(width * height)}, over the limit of ${mp(maxPixels)} (scale it down)`;
}
