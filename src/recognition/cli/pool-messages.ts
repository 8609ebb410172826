// Messages between the CLI and its worker processes (pool-worker.ts): compile one pattern, load the
// assembled pattern set, match one query file.
import type { CompiledPattern } from '../engine/artifact.js';

export type PoolRequest =
  | { id: number; op: 'compile'; pattern: string; files: string[] }
  | { id: number; op: 'load'; artifact: Uint8Array }
  | { id: number; op: 'match'; file: string };

export type PoolReply =
  | {
      id: number;
      ok: true;
      compiled?: CompiledPattern;
      /** The model that compiled it (the artifact records it). */
      model?: { sha256: string; dims: number };
      pattern?: string | null;
      score?: number;
    }
  | { id: number; ok: false; message: string; unreadable: boolean };
