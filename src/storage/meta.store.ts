// The meta store: small typed facts about the app's own state (last sync time, persistence request).
import type { StampDb } from './stamp-db.js';
import { guardStorage } from './storage-error.js';

/** Every meta key and the type of its value; per-campaign keys end in `:<slug>`. */
export interface MetaValues {
  lastSyncAt: string;
  persistence: { granted: boolean; askedAt: string };
}
export type MetaKey = keyof MetaValues;

function storageKey(key: MetaKey, scope?: string): string {
  return scope === undefined ? key : `${key}:${scope}`;
}

export function getMeta<K extends MetaKey>(
  db: StampDb,
  key: K,
  scope?: string,
): Promise<MetaValues[K] | undefined> {
  return guardStorage('read meta', async () => {
    const record = await db.get('meta', storageKey(key, scope));
    return record?.value as MetaValues[K] | undefined;
  });
}

export function setMeta<K extends MetaKey>(
  db: StampDb,
  key: K,
  value: MetaValues[K],
  scope?: string,
): Promise<void> {
  return guardStorage(
    'save meta',
    async () => {
      await db.put('meta', { key: storageKey(key, scope), value });
    },
    { write: true },
  );
}

export const getLastSyncAt = (db: StampDb, slug: string) => getMeta(db, 'lastSyncAt', slug);
export const setLastSyncAt = (db: StampDb, slug: string, at: string) =>
  setMeta(db, 'lastSyncAt', at, slug);
