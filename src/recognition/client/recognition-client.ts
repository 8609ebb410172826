// The page's bridge to the recognition worker: starts it lazily, queues requests, lets a caller
// abandon a frame with an AbortSignal, and terminates the worker after a while without work.
import type { MatchResult } from '../engine/matcher.js';
import type { FrameData, WorkerReply, WorkerRequest } from '../shared/worker-messages.js';

type Pending = { resolve: (reply: WorkerReply) => void; reject: (err: Error) => void };
type RequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

export interface LoadedSet {
  patterns: string[];
  modelSha256: string;
}

export class RecognitionClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private loaded: { modelUrl: string; artifact: Uint8Array } | null = null;

  constructor(
    private readonly createWorker: () => Worker,
    /** null: never on its own (the owner decides when to terminate). */
    private readonly idleMs: number | null = 60_000,
  ) {}

  /** Loads (or replaces) the pattern set; kept so a worker restarted after idling reloads it. */
  async load(modelUrl: string, artifact: Uint8Array): Promise<LoadedSet> {
    this.loaded = { modelUrl, artifact };
    const reply = await this.send({ type: 'load', modelUrl, artifact: artifact.slice() });
    if (reply.type !== 'loaded') throw new Error(`unexpected reply ${reply.type}`);
    return { patterns: reply.patterns, modelSha256: reply.modelSha256 };
  }

  /** Matches one frame; the frame's buffer is transferred to the worker. */
  async match(frame: FrameData, signal?: AbortSignal): Promise<MatchResult & { ms: number }> {
    if (!this.worker && this.loaded) await this.load(this.loaded.modelUrl, this.loaded.artifact);
    const reply = await this.send(
      { type: 'match', frame },
      [frame.data.buffer as ArrayBuffer],
      signal,
    );
    if (reply.type !== 'matched') throw new Error(`unexpected reply ${reply.type}`);
    return { ...reply.result, ms: reply.ms };
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error('recognition worker stopped'));
    this.pending.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if (reply.type === 'error') pending.reject(new Error(reply.message));
      else pending.resolve(reply);
      this.scheduleIdle();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const err = new Error(`recognition worker failed: ${event.message}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  private send(
    body: RequestBody,
    transfer: Transferable[] = [],
    signal?: AbortSignal,
  ): Promise<WorkerReply> {
    if (signal?.aborted)
      return Promise.reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The worker still finishes the frame; the caller just stops waiting for it.
      signal?.addEventListener('abort', () => {
        if (this.pending.delete(id))
          reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      });
      worker.postMessage({ ...body, id } as WorkerRequest, transfer);
    });
  }

  private scheduleIdle(): void {
    if (this.idleMs === null || this.pending.size > 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.terminate(), this.idleMs);
  }
}
