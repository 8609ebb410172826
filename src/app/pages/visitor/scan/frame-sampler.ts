// Turns the playing camera video into RGBA frames for the recognition worker, one at a time: the
// next frame is read only after the previous one was handled, so frames arriving while the worker
// is busy are simply never read (no queue builds up, the view never lags behind the camera).
import type { FrameData } from '../../../../recognition/shared/worker-messages.js';

/** Longest side of a frame sent to the worker (the engine itself works at 480 px). */
export const MAX_FRAME_SIDE = 640;

export interface SampledFrame {
  frame: FrameData;
  /** Mean luminance 0–255, for the "too dark" hint. */
  luma: number;
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

export function fitWithin(width: number, height: number, maxSide = MAX_FRAME_SIDE) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Mean BT.601 luminance over a sparse grid (every `step`-th pixel each way): cheap, and plenty. */
export function meanLuma(frame: FrameData, step = 8): number {
  const { width, height, data } = frame;
  let sum = 0;
  let n = 0;
  for (let y = step >> 1; y < height; y += step) {
    for (let x = step >> 1; x < width; x += step) {
      const i = (y * width + x) * 4;
      sum += 77 * data[i]! + 150 * data[i + 1]! + 29 * data[i + 2]!;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n / 256;
}

function context(width: number, height: number): Canvas2D {
  const canvas =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as Canvas2D | null;
  if (!ctx) throw new Error('2D canvas unavailable');
  // Photos are scaled down ~6×; the default (low) smoothing would alias fine poster detail away.
  ctx.imageSmoothingQuality = 'high';
  return ctx;
}

/** Draws sources scaled to fit MAX_FRAME_SIDE and reads them back as RGBA; reuses its canvas. */
export class FrameReader {
  private ctx: Canvas2D | null = null;

  read(source: CanvasImageSource, sourceWidth: number, sourceHeight: number): FrameData {
    const { width, height } = fitWithin(sourceWidth, sourceHeight);
    if (!this.ctx || this.ctx.canvas.width !== width || this.ctx.canvas.height !== height) {
      this.ctx = context(width, height);
    }
    this.ctx.drawImage(source, 0, 0, width, height);
    // A fresh ImageData each time: its buffer is transferred to the worker and detached here.
    return { width, height, data: this.ctx.getImageData(0, 0, width, height).data };
  }
}

export class FrameSampler {
  private running = false;
  private wake: (() => void) | null = null;
  private readonly reader = new FrameReader();

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly onFrame: (sample: SampledFrame) => Promise<void>,
  ) {}

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      await this.nextVideoFrame();
      const { video } = this;
      if (!this.running) return;
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) continue;
      const frame = this.reader.read(video, video.videoWidth, video.videoHeight);
      const luma = meanLuma(frame);
      await this.onFrame({ frame, luma });
    }
  }

  /** Resolves on the next decoded video frame (or animation frame where that is unsupported), or on stop. */
  private nextVideoFrame(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.wake = null;
        resolve();
      };
      this.wake = done;
      if ('requestVideoFrameCallback' in this.video) this.video.requestVideoFrameCallback(done);
      else requestAnimationFrame(done);
    });
  }
}
