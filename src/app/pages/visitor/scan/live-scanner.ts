// The live half of the scanner, without any UI: holds the shared recognizer for the view's pattern
// set, the camera stream, and the frame sampler, and turns each matched frame into ScanFeedback.
// <scan-view> says what it wants (camera on? frames looked at?) and renders what this reports.
import { acquireRecognizer } from '../../../../recognition/client/shared-recognizer.js';
import type { Recognizer } from '../../../../recognition/client/shared-recognizer.js';
import type { Backend } from '../../../../recognition/engine/descriptor-backend.js';
import { CameraError, openCamera, stopCamera } from './camera.js';
import type { CameraProblem } from './camera.js';
import { FrameSampler } from './frame-sampler.js';
import type { SampledFrame } from './frame-sampler.js';
import { ScanTracker } from './scan-feedback.js';
import type { ScanFeedback } from './scan-feedback.js';

/** Frame rate and worker time seen by the view since it opened (diagnostics and tests). */
export interface ScanStats {
  frames: number;
  framesPerSecond: number;
  meanMatchMs: number;
  /** Where the last frame's descriptor network ran (null before the first frame). */
  backend: Backend | null;
}

export interface LiveScannerHost {
  video(): HTMLVideoElement;
  isBooth(patternId: string): boolean;
  /** Feedback after each frame; 'confirmed' has already stopped the sampling. */
  onFeedback(feedback: ScanFeedback): void;
  onCameraProblem(problem: CameraProblem): void;
  onEngineError(error: unknown): void;
  /** Something the view shows changed (stream, readiness). */
  onChange(): void;
}

export class LiveScanner {
  private _stream: MediaStream | null = null;
  private opening = false;
  private loading: Promise<Recognizer> | null = null;
  private ready: Recognizer | null = null;
  private sampler: FrameSampler | null = null;
  private frameAbort = new AbortController();
  private readonly tracker: ScanTracker;
  private readonly stats = {
    frames: 0,
    matchMs: 0,
    firstAt: 0,
    lastAt: 0,
    backend: null as Backend | null,
  };
  /** What the view wants; the scanner converges on it as streams and recognizers arrive. */
  private want = { camera: false, frames: false };

  constructor(private readonly host: LiveScannerHost) {
    this.tracker = new ScanTracker((id) => host.isBooth(id));
  }

  get stream(): MediaStream | null {
    return this._stream;
  }

  /** Camera on and recognizer loaded: frames can be looked at. */
  get live(): boolean {
    return this._stream !== null && this.ready !== null;
  }

  get recognizer(): Promise<Recognizer> | null {
    return this.loading;
  }

  get scanStats(): ScanStats {
    const { frames, matchMs, firstAt, lastAt, backend } = this.stats;
    const seconds = (lastAt - firstAt) / 1000;
    return {
      frames,
      framesPerSecond: frames > 1 && seconds > 0 ? (frames - 1) / seconds : 0,
      meanMatchMs: frames > 0 ? matchMs / frames : 0,
      backend,
    };
  }

  /** Loads (or switches to) a pattern set; the previous one is let go. */
  load(patternSetId: string, artifact: Uint8Array): void {
    this.ready?.release();
    this.ready = null;
    const loading = acquireRecognizer(patternSetId, artifact);
    this.loading = loading;
    loading.then(
      (recognizer) => {
        if (this.loading !== loading) return recognizer.release();
        this.ready = recognizer;
        this.sync(this.want);
      },
      (error: unknown) => {
        if (this.loading === loading) this.host.onEngineError(error);
      },
    );
  }

  get loaded(): boolean {
    return this.loading !== null;
  }

  /** Turns the camera and the frame loop on or off to match what the view wants now. */
  sync(want: { camera: boolean; frames: boolean }): void {
    this.want = want;
    if (!want.camera) this.stopCamera();
    else if (!this._stream && !this.opening) this.openCamera();
    const run = want.frames && this.live;
    if (run && !this.sampler?.active) {
      this.frameAbort = new AbortController();
      this.tracker.reset();
      this.sampler = new FrameSampler(this.host.video(), this.onFrame);
      this.sampler.start();
      this.host.onFeedback({ state: 'searching' });
    } else if (!run) {
      this.stopSampling();
    }
    this.host.onChange();
  }

  /** Stops everything and lets go of the recognizer (the view is gone). */
  dispose(): void {
    this.want = { camera: false, frames: false };
    this.stopCamera();
    this.ready?.release();
    this.ready = null;
    this.loading = null;
  }

  private openCamera(): void {
    this.opening = true;
    openCamera().then(
      async (stream) => {
        this.opening = false;
        if (!this.want.camera) return stopCamera(stream);
        this._stream = stream;
        const video = this.host.video();
        video.srcObject = stream;
        // Autoplay of a muted inline video is allowed; a refusal only delays the first frame.
        await video.play().catch(() => undefined);
        this.sync(this.want);
      },
      (error: unknown) => {
        this.opening = false;
        if (!this.want.camera) return;
        this.host.onCameraProblem(error instanceof CameraError ? error.problem : 'unsupported');
      },
    );
  }

  private stopSampling(): void {
    this.sampler?.stop();
    this.sampler = null;
    this.frameAbort.abort();
  }

  private stopCamera(): void {
    this.stopSampling();
    if (!this._stream) return;
    stopCamera(this._stream);
    this._stream = null;
    this.host.video().srcObject = null;
  }

  private onFrame = async ({ frame, luma }: SampledFrame) => {
    const recognizer = this.ready;
    const signal = this.frameAbort.signal;
    if (!recognizer) return;
    let result;
    try {
      result = await recognizer.match(frame, signal);
    } catch {
      // An abandoned frame (view closing) or a worker hiccup: the next frame simply tries again.
      return;
    }
    if (signal.aborted) return;
    const now = performance.now();
    const stats = this.stats;
    if (stats.frames === 0) stats.firstAt = now;
    stats.frames++;
    stats.matchMs += result.ms;
    stats.backend = result.backend;
    stats.lastAt = now;
    const feedback = this.tracker.push(result, luma);
    if (feedback.state === 'confirmed') this.stopSampling();
    this.host.onFeedback(feedback);
  };
}
