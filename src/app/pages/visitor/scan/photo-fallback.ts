// The photo fallback: a picture taken with the file input is decoded, scaled to the frame size the
// engine expects and read back as RGBA for the same recognition worker. One photo cannot be checked
// across frames, so only the engine's own (calibrated) single-frame accept counts.
import type { Recognizer } from '../../../../recognition/client/shared-recognizer.js';
import type { FrameData } from '../../../../recognition/shared/worker-messages.js';
import { FrameReader } from './frame-sampler.js';
import type { ScanDetection } from './scan-contract.js';

export type PhotoProblem = 'not-image' | 'unreadable';

/** Where the fallback panel's photo check stands. */
export type PhotoState =
  { kind: 'idle' | 'checking' | 'no-match' } | { kind: 'error'; problem: PhotoProblem };

export class PhotoError extends Error {
  constructor(
    readonly problem: PhotoProblem,
    cause?: unknown,
  ) {
    super(`photo not usable: ${problem}`, { cause });
    this.name = 'PhotoError';
  }
}

async function decodeWithImage(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** RGBA of the photo, longest side at most 640 px, upright as the camera app saved it (EXIF). */
export async function decodePhoto(file: Blob): Promise<FrameData> {
  // An empty type is common for camera captures on some phones; let the decoder judge those.
  if (file.type && !file.type.startsWith('image/')) throw new PhotoError('not-image');
  const reader = new FrameReader();
  if (typeof createImageBitmap !== 'function') {
    const image = await decodeWithImage(file).catch((err: unknown) => {
      throw new PhotoError('unreadable', err);
    });
    return reader.read(image, image.naturalWidth, image.naturalHeight);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (err) {
    throw new PhotoError('unreadable', err);
  }
  try {
    return reader.read(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/**
 * Decodes the photo and matches it once: the booth it shows, or null when it shows none of
 * `isBooth`'s booths. Rejects with a PhotoError when it is not a usable image.
 */
export async function recognisePhoto(
  file: Blob,
  recognizer: Promise<Recognizer>,
  isBooth: (id: string) => boolean,
): Promise<ScanDetection | null> {
  const [ready, frame] = await Promise.all([recognizer, decodePhoto(file)]);
  const result = await ready.match(frame);
  if (result.pattern === null || !isBooth(result.pattern)) return null;
  return {
    boothId: result.pattern,
    score: result.score,
    evidence: { score: result.score, frames: 1, source: 'photo' },
  };
}

/**
 * The photo check's outcome for the fallback panel: a detection to settle, the panel's next photo
 * state (no booth in it, or not a usable image), or a failure of the engine itself.
 */
export async function checkPhoto(
  file: Blob,
  recognizer: Promise<Recognizer>,
  isBooth: (id: string) => boolean,
): Promise<{ detection: ScanDetection } | { photo: PhotoState } | { engineFailed: true }> {
  try {
    const detection = await recognisePhoto(file, recognizer, isBooth);
    return detection ? { detection } : { photo: { kind: 'no-match' } };
  } catch (error) {
    if (error instanceof PhotoError) return { photo: { kind: 'error', problem: error.problem } };
    return { engineFailed: true };
  }
}
