// Asking the browser to keep the app's storage (navigator.storage.persist) — once per device.
import { getMeta, setMeta } from './meta.store.js';
import type { StampDb } from './stamp-db.js';

export type PersistenceState = 'granted' | 'denied' | 'unsupported';

/**
 * Requests persistent storage the first time and remembers that it asked (some browsers prompt, and
 * asking on every start would nag). Later calls only report the current state.
 */
export async function ensurePersistentStorage(db: StampDb): Promise<PersistenceState> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  if (await storage.persisted()) return 'granted';
  const asked = await getMeta(db, 'persistence');
  if (asked) return 'denied';
  const granted = await storage.persist();
  await setMeta(db, 'persistence', { granted, askedAt: new Date().toISOString() });
  return granted ? 'granted' : 'denied';
}

/** Usage and quota in bytes when the browser tells. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const estimate = await globalThis.navigator?.storage?.estimate?.();
  if (!estimate || estimate.usage === undefined || estimate.quota === undefined) return null;
  return { usage: estimate.usage, quota: estimate.quota };
}
