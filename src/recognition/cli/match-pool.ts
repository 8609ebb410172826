// Worker threads for the CLI: jobs (compile a pattern, match a query) go to whichever thread is
// free, replies come back in job order. One thread per core by default (STAMP_RALLY_THREADS
// overrides), since the engine itself runs on one thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PoolReply, PoolRequest } from './pool-messages.js';

/** A request without its id (the pool numbers them); Omit applied to each variant of the union. */
type Job = PoolRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export function defaultThreads(jobs: number): number {
  const wanted = Number(process.env.STAMP_RALLY_THREADS) || availableParallelism();
  return Math.max(1, Math.min(wanted, jobs));
}

export class MatchPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<
    number,
    { resolve: (r: PoolReply) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;

  constructor(threads: number) {
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./pool-worker.mjs', import.meta.url));
      worker.on('message', (reply: PoolReply) => {
        this.pending.get(reply.id)?.resolve(reply);
        this.pending.delete(reply.id);
      });
      worker.on('error', (err) => this.failAll(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.failAll(new Error(`a worker thread stopped (exit ${code})`));
      });
      return worker;
    });
  }

  private failAll(err: Error): void {
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
  }

  private call(worker: Worker, job: Job): Promise<PoolReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  }

  /** Runs every job on the first free thread; `onReply` sees the replies in job order. */
  async run(jobs: readonly Job[], onReply: (reply: PoolReply, index: number) => void) {
    const replies: Array<PoolReply | undefined> = [];
    let next = 0;
    let printed = 0;
    const drive = async (worker: Worker) => {
      while (next < jobs.length) {
        const index = next++;
        replies[index] = await this.call(worker, jobs[index]!);
        for (let r = replies[printed]; r; r = replies[printed]) {
          replies[printed] = undefined;
          onReply(r, printed++);
        }
      }
    };
    await Promise.all(this.workers.map(drive));
  }

  /** Sends the same job to every thread and waits for all of them. */
  async broadcast(job: Job): Promise<PoolReply[]> {
    return Promise.all(this.workers.map((w) => this.call(w, job)));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
