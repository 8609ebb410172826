// Remembers, per browser and model, a WebGPU trial that kept WASM (slower or disagreeing), so later
// scans on that phone skip the WebGPU runtime, its GPU session and the trial altogether. A browser
// update changes the user agent and so tries again; a trial that chose WebGPU is not remembered
// (it is cheap where WebGPU is fast, and drivers change). IndexedDB, as the worker has no
// localStorage; when storage fails, nothing is remembered and the trial simply runs again.
import { openDB, type DBSchema } from 'idb';
import type { BackendReport } from '../engine/descriptor-backend.js';

interface BackendMemoryDb extends DBSchema {
  trials: { key: string; value: { key: string; report: BackendReport; at: number } };
}

const DB_NAME = 'stamp-rally-recognition';

function open() {
  return openDB<BackendMemoryDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('trials', { keyPath: 'key' });
    },
  });
}

export function trialKey(modelSha256: string): string {
  return `${modelSha256} ${self.navigator.userAgent}`;
}

/** A remembered trial that kept WASM on this browser, or null. */
export async function rememberedRejection(key: string): Promise<BackendReport | null> {
  try {
    const db = await open();
    try {
      return (await db.get('trials', key))?.report ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Keeps a trial's outcome when it measured WebGPU and kept WASM. */
export async function rememberTrial(key: string, report: BackendReport): Promise<void> {
  if (report.backend !== 'wasm' || report.trial === null) return;
  try {
    const db = await open();
    try {
      await db.put('trials', { key, report, at: Date.now() });
    } finally {
      db.close();
    }
  } catch {
    // Storage full or blocked: the next load runs the trial again.
  }
}
