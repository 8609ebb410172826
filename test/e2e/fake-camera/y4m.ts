// Writes uncompressed YUV4MPEG2 video (4:2:0), the format Chromium's fake camera plays
// (--use-file-for-fake-video-capture), and reads frames back through ffmpeg for checks.
import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';

export interface Y4mFormat {
  width: number;
  height: number;
  fps: number;
}

/**
 * Opens a y4m file for writing RGB frames. The colour conversion is BT.601 limited range, which is
 * what Chromium assumes for the I420 frames its fake capture device produces.
 */
export function openY4mWriter(path: string, { width, height, fps }: Y4mFormat) {
  if (width % 2 || height % 2) throw new Error('4:2:0 needs even frame dimensions');
  const fd = openSync(path, 'w');
  writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const cw = width / 2;
  const planes = Buffer.alloc(width * height + 2 * cw * (height / 2));
  const frameTag = Buffer.from('FRAME\n');
  return {
    /** Appends one frame of packed RGB (3 bytes per pixel, values clamped to 0–255). */
    write(rgb: ArrayLike<number>): void {
      if (rgb.length !== width * height * 3) throw new Error('frame size does not match the video');
      const uBase = width * height;
      const vBase = uBase + cw * (height / 2);
      for (let i = 0, p = 0; i < width * height; i++, p += 3) {
        const y = 16 + (65.481 * rgb[p]! + 128.553 * rgb[p + 1]! + 24.966 * rgb[p + 2]!) / 255;
        planes[i] = Math.max(16, Math.min(235, Math.round(y)));
      }
      // Chroma from the mean of each 2×2 block (JPEG siting: centred between the luma samples).
      for (let cy = 0; cy < height / 2; cy++) {
        for (let cx = 0; cx < cw; cx++) {
          let r = 0;
          let g = 0;
          let b = 0;
          for (const [dx, dy] of [
            [0, 0],
            [1, 0],
            [0, 1],
            [1, 1],
          ] as const) {
            const p = ((cy * 2 + dy) * width + cx * 2 + dx) * 3;
            r += rgb[p]!;
            g += rgb[p + 1]!;
            b += rgb[p + 2]!;
          }
          [r, g, b] = [r / 4, g / 4, b / 4];
          const u = 128 + (-37.797 * r - 74.203 * g + 112 * b) / 255;
          const v = 128 + (112 * r - 93.786 * g - 18.214 * b) / 255;
          planes[uBase + cy * cw + cx] = Math.max(16, Math.min(240, Math.round(u)));
          planes[vBase + cy * cw + cx] = Math.max(16, Math.min(240, Math.round(v)));
        }
      }
      writeSync(fd, frameTag);
      writeSync(fd, planes);
    },
    close(): void {
      closeSync(fd);
    },
  };
}

/** Frames `sorted` (ascending, distinct) in one ffmpeg run. */
async function ffmpegFrames(path: string, sorted: readonly number[], size: number) {
  const select = sorted.map((i) => `eq(n\\,${i})`).join('+');
  // -frames:v stops decoding once the last wanted frame is out, instead of at the end of the file.
  const args = ['-v', 'error', '-i', path, '-vf', `select=${select}`, '-vsync', '0'];
  args.push('-frames:v', String(sorted.length), '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1');
  const chunks: Buffer[] = [];
  let stderr = '';
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`ffmpeg failed (${code}) reading ${path}: ${stderr}`);
  const all = Buffer.concat(chunks);
  if (all.length !== size * sorted.length) {
    throw new Error(
      `ffmpeg returned ${all.length / size} frames of ${path}, wanted ${sorted.length}`,
    );
  }
  return sorted.map((_, k) => new Uint8Array(all.buffer, all.byteOffset + k * size, size));
}

/**
 * Decodes the listed frames of a video to RGBA with ffmpeg — an independent reader, so a frame that
 * comes back right proves the file is well-formed y4m, not just consistent with our own writer.
 */
export async function readFramesWithFfmpeg(
  path: string,
  indices: readonly number[],
  { width, height }: Pick<Y4mFormat, 'width' | 'height'>,
): Promise<Uint8Array[]> {
  const wanted = [...new Set(indices)].sort((a, b) => a - b);
  const frames = new Map<number, Uint8Array>();
  // A few frames per run: ffmpeg's expression parser gives up on long select expressions.
  for (let k = 0; k < wanted.length; k += 16) {
    const part = wanted.slice(k, k + 16);
    const decoded = await ffmpegFrames(path, part, width * height * 4);
    part.forEach((index, j) => frames.set(index, decoded[j]!));
  }
  return indices.map((index) => frames.get(index)!);
}
