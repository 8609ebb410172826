// Messages between the page and the recognition worker: a discriminated union on `type`, every
// request answered by the reply of the same `id`; a reply of type 'error' carries the message.
import type { MatchResult } from '../engine/matcher.js';

export interface FrameData {
  width: number;
  height: number;
  /** RGBA bytes (transferred, not copied). */
  data: Uint8ClampedArray | Uint8Array;
}

export type WorkerRequest =
  | { type: 'load'; id: number; modelUrl: string; artifact: Uint8Array }
  | { type: 'match'; id: number; frame: FrameData };

export type WorkerReply =
  | { type: 'loaded'; id: number; patterns: string[]; modelSha256: string }
  | { type: 'matched'; id: number; result: MatchResult; ms: number }
  | { type: 'error'; id: number; message: string };

export const WORKER_REQUEST_TYPES = ['load', 'match'] as const;
