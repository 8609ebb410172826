// Decodes an image file in Node into the RGBA pixels the engine takes, upright (EXIF), with a clear
// error for anything unreadable.
import sharp from 'sharp';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Largest decoded image accepted (pixels): protects memory from decompression bombs. */
const MAX_INPUT_PIXELS = 60_000_000;

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
