// Persistent storage is requested once per device, then only reported; meta values round-trip.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getLastSyncAt, setLastSyncAt } from '../../../src/storage/meta.store.js';
import { ensurePersistentStorage } from '../../../src/storage/persistence.js';
import { disposeDbs, freshDb } from './test-db.js';

afterEach(async () => {
  vi.restoreAllMocks();
  await disposeDbs();
});

describe('ensurePersistentStorage', () => {
  it('asks the browser once and remembers the answer', async () => {
    const { db } = await freshDb();
    vi.spyOn(navigator.storage, 'persisted').mockResolvedValue(false);
    const persist = vi.spyOn(navigator.storage, 'persist').mockResolvedValue(false);
    expect(await ensurePersistentStorage(db)).toBe('denied');
    expect(await ensurePersistentStorage(db)).toBe('denied');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('reports granted without asking when storage is already persistent', async () => {
    const { db } = await freshDb();
    vi.spyOn(navigator.storage, 'persisted').mockResolvedValue(true);
    const persist = vi.spyOn(navigator.storage, 'persist');
    expect(await ensurePersistentStorage(db)).toBe('granted');
    expect(persist).not.toHaveBeenCalled();
  });
});

describe('meta', () => {
  it('keeps the last sync time per campaign', async () => {
    const { db } = await freshDb();
    await setLastSyncAt(db, 'demo', '2025-05-01T10:00:00.000Z');
    expect(await getLastSyncAt(db, 'demo')).toBe('2025-05-01T10:00:00.000Z');
    expect(await getLastSyncAt(db, 'other')).toBeUndefined();
  });
});
