// The IndexedDB schema in real Chromium: creation, upgrade path, and a newer tab taking over.
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, openStampDb } from '../../../src/storage/stamp-db.js';
import { addStamp, listStamps } from '../../../src/storage/stamps.store.js';
import { StorageError, storageHealth } from '../../../src/storage/storage-error.js';
import { disposeDbs, freshDb, stampInput } from './test-db.js';

const BOOTH = '00000000-0000-4000-8000-0000000000b1';

afterEach(async () => {
  await disposeDbs();
  storageHealth.clear();
});

describe('stamp database schema', () => {
  it('creates every store and the stamp indexes', async () => {
    const { db } = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['campaign-cache', 'device', 'meta', 'stamps']);
    const stamps = db.transaction('stamps').store;
    expect([...stamps.indexNames].sort()).toEqual(['by-campaign', 'by-campaign-booth']);
    expect(stamps.keyPath).toBe('id');
    expect(stamps.index('by-campaign-booth').keyPath).toEqual(['campaignSlug', 'boothId']);
  });

  it('keeps data written at version 1 when reopened at the current version', async () => {
    const { db, connect } = await freshDb(1);
    expect(db.version).toBe(1);
    const { stamp } = await addStamp(db, stampInput('demo', BOOTH));
    db.close();
    const upgraded = await connect(DB_VERSION);
    expect(upgraded.version).toBe(DB_VERSION);
    expect(await listStamps(upgraded, 'demo')).toEqual([stamp]);
    expect([...upgraded.objectStoreNames]).toContain('campaign-cache');
  });

  it('steps aside for a newer version in another tab and says so', async () => {
    const { db, name } = await freshDb();
    // Another tab with a newer app opens the next version: this connection must let it upgrade.
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    newer.close();
    expect(storageHealth.error?.kind).toBe('version');
    await expect(listStamps(db, 'demo')).rejects.toBeInstanceOf(StorageError);
    // And this app version cannot open the newer database: a typed 'version' error, not a crash.
    await expect(openStampDb({ name })).rejects.toMatchObject({ kind: 'version' });
  });
});
