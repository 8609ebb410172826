// Shared set-up of the scan view tests: the compiled demo pattern set and camera-like frames (made by
// the Node engine through the parity command), a canvas-backed stream standing in for the camera,
// and a way to watch the view's data-state.
import { commands } from 'vitest/browser';
import { vi } from 'vitest';
import type { PublicBooth } from '../../../src/shared/campaign.schema.js';
import type { ParityCase } from '../recognition/node-commands.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    recognitionParityCase: () => Promise<ParityCase>;
  }
}

export interface Frame {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface DemoSet {
  artifact: Uint8Array;
  /** Demo posters in perspective: 'santa tilted', 'cocoa frontal', 'train (not in set)'. */
  frames: Record<string, Frame>;
}

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

let demo: Promise<DemoSet> | null = null;

/** Compiled once per test file; the same artifact object lets the shared worker keep its set. */
export function demoSet(): Promise<DemoSet> {
  demo ??= commands.recognitionParityCase().then((fixture) => ({
    artifact: bytes(fixture.artifact),
    frames: Object.fromEntries(
      fixture.frames.map((f) => [
        f.name,
        { width: f.width, height: f.height, data: new Uint8ClampedArray(bytes(f.rgba)) },
      ]),
    ),
  }));
  return demo;
}

const booth = (id: string, en: string, zh: string, position: number): PublicBooth => ({
  id,
  position,
  name: { en, 'zh-Hant': zh },
  hint: null,
  floorPosition: null,
  thumbnailUrl: null,
});

/** Booths whose ids are the demo set's pattern ids, as in the seeded demo campaign. */
export const DEMO_BOOTHS: PublicBooth[] = [
  booth('santa-workshop', 'Santa Workshop', '聖誕老人工坊', 1),
  booth('snowman-village', 'Snowman Village', '雪人村', 2),
  booth('hot-cocoa-cafe', 'Hot Cocoa Cafe', '熱可可咖啡', 3),
];

/** A stand-in camera: a canvas redrawn ~30 times a second, captured as a MediaStream. */
export class FakeCamera {
  readonly canvas = document.createElement('canvas');
  private readonly ctx: CanvasRenderingContext2D;
  private frame: ImageData | null = null;
  private readonly timer: ReturnType<typeof setInterval>;
  readonly streams: MediaStream[] = [];

  constructor(width = 640, height = 480) {
    this.canvas.width = width;
    this.canvas.height = height;
    this.ctx = this.canvas.getContext('2d')!;
    // captureStream only emits a frame when the canvas was drawn to, so keep drawing.
    this.timer = setInterval(() => this.draw(), 33);
  }

  show(frame: Frame): void {
    this.frame = new ImageData(new Uint8ClampedArray(frame.data), frame.width, frame.height);
    this.draw();
  }

  /** A new stream, as getUserMedia would give each time it is called. */
  open(): MediaStream {
    const stream = this.canvas.captureStream(30);
    this.streams.push(stream);
    return stream;
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const s of this.streams) for (const t of s.getTracks()) t.stop();
  }

  private draw(): void {
    if (this.frame) this.ctx.putImageData(this.frame, 0, 0);
  }
}

/** Replaces getUserMedia with `impl` for the test (restored by vi.restoreAllMocks). */
export function stubGetUserMedia(impl: (c?: MediaStreamConstraints) => Promise<MediaStream>) {
  return vi.spyOn(navigator.mediaDevices, 'getUserMedia').mockImplementation(impl);
}

/** Every data-state the element takes, in order (including the one it has now). */
export function recordStates(el: HTMLElement): string[] {
  const seen: string[] = [];
  const note = () => {
    const s = el.dataset['state'];
    if (s && seen[seen.length - 1] !== s) seen.push(s);
  };
  note();
  new MutationObserver(note).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  return seen;
}

export async function waitForState(el: HTMLElement, states: string[], timeoutMs = 60_000) {
  await vi.waitFor(
    () => {
      if (!states.includes(el.dataset['state'] ?? '')) {
        throw new Error(`state ${el.dataset['state']}, waiting for ${states.join('|')}`);
      }
    },
    { timeout: timeoutMs, interval: 20 },
  );
}

/** A frame of near-black noise: a dark room with nothing recognisable in it. */
export function darkFrame(width = 640, height = 480): Frame {
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 7;
  for (let i = 0; i < data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const v = 5 + (seed >>> 27);
    data[i] = data[i + 1] = data[i + 2] = v;
    data[i + 3] = 255;
  }
  return { width, height, data };
}
