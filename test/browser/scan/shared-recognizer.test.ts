// One recognition worker per page: reused by the next opening of the scanner while it is still warm,
// terminated once nobody has held it for the grace period, and never left holding a failed load.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  acquireRecognizer,
  prewarmRecognizer,
  recognizerAlive,
} from '../../../src/recognition/client/shared-recognizer.js';
import { createRecognitionWorker } from '../../../src/recognition/client/recognition-worker.js';
import { demoSet } from './scan-harness.js';
import type { DemoSet } from './scan-harness.js';

let demo: DemoSet;
/** A copy of a demo frame: matching transfers (detaches) the frame's buffer. */
const frame = (name: string) => {
  const f = demo.frames[name]!;
  return { width: f.width, height: f.height, data: f.data.slice() };
};
const workers: Worker[] = [];
const createWorker = () => {
  const worker = createRecognitionWorker();
  workers.push(worker);
  return worker;
};

beforeAll(async () => {
  demo = await demoSet();
}, 120_000);

afterEach(async () => {
  // Let any recognizer still held by a test go, so the next test starts from nothing.
  await vi.waitFor(() => expect(recognizerAlive()).toBe(false), { timeout: 5_000 });
  workers.length = 0;
});

describe('acquireRecognizer', () => {
  it('reuses the warm worker for the same set, and terminates it after the grace period', async () => {
    const first = await acquireRecognizer('set-1', demo.artifact, { createWorker, graceMs: 300 });
    expect([...first.patterns].sort()).toEqual([
      'hot-cocoa-cafe',
      'santa-workshop',
      'snowman-village',
    ]);
    const result = await first.match(frame('cocoa frontal'));
    expect(result.pattern).toBe('hot-cocoa-cafe');
    first.release();

    const second = await acquireRecognizer('set-1', demo.artifact, { createWorker, graceMs: 300 });
    expect(workers).toHaveLength(1);
    expect(recognizerAlive()).toBe(true);
    second.release();
    second.release(); // releasing twice does not count twice
    await vi.waitFor(() => expect(recognizerAlive()).toBe(false), { timeout: 3_000 });
  }, 60_000);

  it('keeps the worker while another opening still holds it', async () => {
    const a = await acquireRecognizer('set-1', demo.artifact, { createWorker, graceMs: 50 });
    const b = await acquireRecognizer('set-1', demo.artifact, { createWorker, graceMs: 50 });
    a.release();
    await new Promise((r) => setTimeout(r, 200));
    expect(recognizerAlive()).toBe(true);
    expect((await b.match(frame('santa tilted'))).pattern).toBe('santa-workshop');
    b.release();
  }, 60_000);

  it('prewarms: the first scan finds the set already loaded in the same worker', async () => {
    prewarmRecognizer('set-1', demo.artifact, { createWorker, graceMs: 2_000 });
    await vi.waitFor(() => expect(recognizerAlive()).toBe(true));
    const recognizer = await acquireRecognizer('set-1', demo.artifact, {
      createWorker,
      graceMs: 50,
    });
    expect(workers).toHaveLength(1);
    expect((await recognizer.match(frame('cocoa frontal'))).pattern).toBe('hot-cocoa-cafe');
    recognizer.release();
  }, 60_000);

  it('rejects a set the worker cannot load, and starts afresh next time', async () => {
    await expect(
      acquireRecognizer('broken', new Uint8Array([1, 2, 3]), { createWorker, graceMs: 50 }),
    ).rejects.toThrow();
    expect(recognizerAlive()).toBe(false);
    const ok = await acquireRecognizer('set-1', demo.artifact, { createWorker, graceMs: 50 });
    expect(workers).toHaveLength(2);
    ok.release();
  }, 60_000);
});
