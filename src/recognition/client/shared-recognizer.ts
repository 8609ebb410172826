// One recognition worker for the whole page, shared by every opening of the scan view: the model and
// pattern set are loaded once per set, and the worker is terminated a short while after the last
// user lets go (a visitor reopening the camera a moment later does not pay for a reload).
import type { Backend } from '../engine/descriptor-backend.js';
import type { MatchResult } from '../engine/matcher.js';
import type { FrameData } from '../shared/worker-messages.js';
import { descriptorModelUrl } from './model-url.js';
import { RecognitionClient } from './recognition-client.js';
import { createRecognitionWorker } from './recognition-worker.js';

export interface Recognizer {
  /** Pattern ids of the loaded set. */
  readonly patterns: readonly string[];
  /** `ms`: the worker's time for the frame; `backend`: where its descriptor network ran. */
  match(
    frame: FrameData,
    signal?: AbortSignal,
  ): Promise<MatchResult & { ms: number; backend: Backend }>;
  /** Lets go of the worker; it is terminated once nobody has held it for the grace period. */
  release(): void;
}

export interface RecognizerOptions {
  createWorker?: () => Worker;
  modelUrl?: string;
  /** How long an unused worker is kept for the next opening. */
  graceMs?: number;
}

interface Shared {
  client: RecognitionClient;
  patternSetId: string;
  artifact: Uint8Array;
  loaded: Promise<readonly string[]>;
  users: number;
  timer: ReturnType<typeof setTimeout> | null;
}

let shared: Shared | null = null;

/**
 * A 640×480 frame of random 8 px blocks: textured enough to run every stage of the engine (keypoints,
 * the ONNX descriptor net, the index), so the JIT and ORT warm-up is paid while the camera is still
 * starting instead of by the first frames that show a poster.
 */
function warmUpFrame(): FrameData {
  const width = 640;
  const height = 480;
  const data = new Uint8ClampedArray(width * height * 4);
  let seed = 0x2545f491;
  const blocks = new Uint8Array((width / 8) * (height / 8)).map(() => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed >>> 24;
  });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = blocks[(y >> 3) * (width / 8) + (x >> 3)]!;
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

async function loadWarm(client: RecognitionClient, modelUrl: string, artifact: Uint8Array) {
  const set = await client.load(modelUrl, artifact);
  // A failed warm-up only means the first real frame pays for it.
  await client.match(warmUpFrame()).catch(() => undefined);
  return set.patterns;
}

function dispose(entry: Shared): void {
  if (entry.timer) clearTimeout(entry.timer);
  entry.client.terminate();
  if (shared === entry) shared = null;
}

/**
 * A recognizer for `artifact`, loading the set only if the shared worker holds another one. Rejects
 * when the model or set cannot be loaded (the caller shows that; the next call tries again).
 */
export async function acquireRecognizer(
  patternSetId: string,
  artifact: Uint8Array,
  options: RecognizerOptions = {},
): Promise<Recognizer> {
  const { createWorker = createRecognitionWorker, modelUrl = descriptorModelUrl } = options;
  const graceMs = options.graceMs ?? 30_000;
  if (shared && (shared.patternSetId !== patternSetId || shared.artifact !== artifact)) {
    if (shared.users === 0) dispose(shared);
    else {
      shared.loaded = shared.client.load(modelUrl, artifact).then((set) => set.patterns);
      shared.patternSetId = patternSetId;
      shared.artifact = artifact;
    }
  }
  if (!shared) {
    // This module decides when the worker goes (the grace period), not the client's idle timer.
    const client = new RecognitionClient(createWorker, null);
    shared = {
      client,
      patternSetId,
      artifact,
      loaded: loadWarm(client, modelUrl, artifact),
      users: 0,
      timer: null,
    };
  }
  const entry = shared;
  entry.users++;
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = null;
  let patterns: readonly string[];
  try {
    patterns = await entry.loaded;
  } catch (err) {
    entry.users--;
    // A failed load must not stick: the next opening starts a fresh worker.
    dispose(entry);
    throw err;
  }
  let released = false;
  return {
    patterns,
    match: (frame, signal) => entry.client.match(frame, signal),
    release() {
      if (released) return;
      released = true;
      entry.users--;
      if (entry.users > 0 || shared !== entry) return;
      entry.timer = setTimeout(() => dispose(entry), graceMs);
    },
  };
}

/** Whether a worker is currently held (for tests and diagnostics). */
export function recognizerAlive(): boolean {
  return shared !== null;
}

/**
 * Starts the worker and loads the set ahead of the first scan (e.g. when the scan button is pressed,
 * in parallel with loading the scan view's code); the worker then waits out the grace period.
 */
export function prewarmRecognizer(
  patternSetId: string,
  artifact: Uint8Array,
  options?: RecognizerOptions,
): void {
  acquireRecognizer(patternSetId, artifact, options).then(
    (recognizer) => recognizer.release(),
    // The scan view shows the failure when it tries again itself.
    () => undefined,
  );
}
