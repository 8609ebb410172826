// The page's bridge to the recognition worker: starts it lazily, queues requests, lets a caller
// abandon a frame with an AbortSignal, and terminates the worker after a while without work.
import type { Backend, BackendChoice, BackendReport } from '../engine/descriptor-backend.js';
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
  /** Where the descriptor network runs now ('auto' may still switch to WebGPU later). */
  backend: Backend;
}

export class RecognitionClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private loaded: { modelUrl: string; artifact: Uint8Array; backend: BackendChoice } | null = null;

  constructor(
    private readonly createWorker: () => Worker,
    /** null: never on its own (the owner decides when to terminate). */
    private readonly idleMs: number | null = 60_000,
  ) {}

  /**
   * Loads (or replaces) the pattern set; kept so a worker restarted after idling reloads it.
   * `backend`: 'auto' runs on WASM at once and switches to WebGPU in the background where WebGPU
   * agrees with WASM and is faster; 'webgpu' fails unless WebGPU agrees; 'wasm' never tries it.
   */
  async load(
    modelUrl: string,
    artifact: Uint8Array,
    backend: BackendChoice = 'auto',
  ): Promise<LoadedSet> {
    this.loaded = { modelUrl, artifact, backend };
    const reply = await this.send({ type: 'load', modelUrl, artifact: artifact.slice(), backend });
    if (reply.type !== 'loaded') throw new Error(`unexpected reply ${reply.type}`);
    return { patterns: reply.patterns, modelSha256: reply.modelSha256, backend: reply.backend };
  }

  /** Matches one frame; the frame's buffer is transferred to the worker. */
  async match(
    frame: FrameData,
    signal?: AbortSignal,
  ): Promise<MatchResult & { ms: number; backend: Backend }> {
    await this.reloadIfRestarted();
    const reply = await this.send(
      { type: 'match', frame },
      [frame.data.buffer as ArrayBuffer],
      signal,
    );
    if (reply.type !== 'matched') throw new Error(`unexpected reply ${reply.type}`);
    return { ...reply.result, ms: reply.ms, backend: reply.backend };
  }

  /** The backend choice once settled: which one, the trial's figures, and why not WebGPU. */
  async backendReport(): Promise<BackendReport> {
    await this.reloadIfRestarted();
    const reply = await this.send({ type: 'backend' });
    if (reply.type !== 'backend') throw new Error(`unexpected reply ${reply.type}`);
    return reply.report;
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error('recognition worker stopped'));
    this.pending.clear();
  }

  private async reloadIfRestarted(): Promise<void> {
    if (!this.worker && this.loaded) {
      const { modelUrl, artifact, backend } = this.loaded;
      await this.load(modelUrl, artifact, backend);
    }
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
