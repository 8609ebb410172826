// Worker processes for the CLI: jobs (compile a pattern, match a query) go to whichever worker is
// free, replies come back in job order. Processes, not worker threads: on the 2-core machine two
// threads of one process ran each job 1.3–2× slower than one thread alone (they share the
// process's V8 platform and allocator), two processes 1.25× (README, "Fourteenth session"). A
// second worker only pays for its start-up on a long run, so the default is one worker per
// `JOBS_PER_WORKER` queries (a pattern to compile counts as a few), at most one per core
// (STAMP_RALLY_WORKERS overrides).
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PoolReply, PoolRequest } from './pool-messages.js';

/** A request without its id (the pool numbers them); Omit applied to each variant of the union. */
type Job = PoolRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** Below this many queries' worth of work per worker, one more costs more than it saves. */
const JOBS_PER_WORKER = 50;
/** Most workers STAMP_RALLY_WORKERS may ask for (each is a process with its own engine). */
const MAX_WORKERS = 64;

export function defaultWorkers(work: number): number {
  const setting = process.env.STAMP_RALLY_WORKERS;
  if (setting) {
    const wanted = Number(setting);
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > MAX_WORKERS)
      throw new Error(
        `STAMP_RALLY_WORKERS must be a whole number from 1 to ${MAX_WORKERS}, not "${setting}"`,
      );
    return wanted;
  }
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(work / JOBS_PER_WORKER)));
}

export class MatchPool {
  private readonly workers: ChildProcess[];
  private readonly pending = new Map<
    number,
    { resolve: (r: PoolReply) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;
  private closing = false;

  constructor(workers: number) {
    const script = fileURLToPath(new URL('./pool-worker.mjs', import.meta.url));
    this.workers = Array.from({ length: workers }, () => {
      const worker = fork(script, [], {
        serialization: 'advanced', // typed arrays (artifacts, compiled features) as they are
        // stdout is the CLI's answer: nothing a worker prints may land between its lines.
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      worker.on('message', (reply: PoolReply) => {
        this.pending.get(reply.id)?.resolve(reply);
        this.pending.delete(reply.id);
      });
      worker.on('error', (err) => this.failAll(err));
      worker.on('exit', (code, signal) => {
        if (!this.closing)
          this.failAll(new Error(`a worker process stopped (${signal ?? `exit ${code}`})`));
      });
      return worker;
    });
  }

  private failAll(err: Error): void {
    for (const { reject } of this.pending.values()) reject(err);
    this.pending.clear();
  }

  private call(worker: ChildProcess, job: Job): Promise<PoolReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.send({ ...job, id });
    });
  }

  /** Runs every job on the first free worker; `onReply` sees the replies in job order. */
  async run(jobs: readonly Job[], onReply: (reply: PoolReply, index: number) => void) {
    const replies: Array<PoolReply | undefined> = [];
    let next = 0;
    let printed = 0;
    const drive = async (worker: ChildProcess) => {
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

  /** Sends the same job to every worker and waits for all of them. */
  async broadcast(job: Job): Promise<PoolReply[]> {
    return Promise.all(this.workers.map((w) => this.call(w, job)));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.exitCode !== null || w.signalCode !== null) return resolve();
            w.once('exit', () => resolve());
            w.kill();
          }),
      ),
    );
  }
}
