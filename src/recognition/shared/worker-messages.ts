// Messages between the page and the recognition worker: a discriminated union on `type`, every
// request answered by the reply of the same `id`; a reply of type 'error' carries the message.
import type { Backend, BackendChoice, BackendReport } from '../engine/descriptor-backend.js';
import type { MatchResult } from '../engine/matcher.js';

export interface FrameData {
  width: number;
  height: number;
  /** RGBA bytes (transferred, not copied). */
  data: Uint8ClampedArray | Uint8Array;
}

export type WorkerRequest =
  | { type: 'load'; id: number; modelUrl: string; artifact: Uint8Array; backend?: BackendChoice }
  | { type: 'match'; id: number; frame: FrameData }
  /** Waits for the backend choice to settle (an 'auto' load decides in the background). */
  | { type: 'backend'; id: number };

export type WorkerReply =
  | { type: 'loaded'; id: number; patterns: string[]; modelSha256: string; backend: Backend }
  | { type: 'matched'; id: number; result: MatchResult; ms: number; backend: Backend }
  | { type: 'backend'; id: number; report: BackendReport }
  | { type: 'error'; id: number; message: string };

export const WORKER_REQUEST_TYPES = ['load', 'match', 'backend'] as const;
