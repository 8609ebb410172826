// The stamps store in real Chromium: durable before it returns, one live stamp per booth even under
// concurrent tabs, and quota failures surfaced as typed, visible errors.
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StampDb } from '../../../src/storage/stamp-db.js';
import { addStamp, listStamps, updateCampaignStamps } from '../../../src/storage/stamps.store.js';
import { StorageError, storageHealth } from '../../../src/storage/storage-error.js';
import { disposeDbs, freshDb, stampInput } from './test-db.js';

const BOOTH_A = '00000000-0000-4000-8000-0000000000a1';
const BOOTH_B = '00000000-0000-4000-8000-0000000000b2';

afterEach(async () => {
  vi.restoreAllMocks();
  await disposeDbs();
  storageHealth.clear();
});

/** Records when each readwrite transaction of `db` fires its native complete event. */
function watchCommits(db: StampDb): { completed: boolean[] } {
  const state = { completed: [] as boolean[] };
  const original = db.transaction.bind(db);
  vi.spyOn(db, 'transaction').mockImplementation(((...args: Parameters<StampDb['transaction']>) => {
    const tx = original(...args);
    const slot = state.completed.push(false) - 1;
    unwrap(tx).addEventListener('complete', () => (state.completed[slot] = true));
    return tx;
  }) as StampDb['transaction']);
  return state;
}

describe('addStamp', () => {
  it('resolves only after its transaction committed, and the stamp survives a reopen', async () => {
    const { db, connect } = await freshDb();
    const commits = watchCommits(db);
    const { stamp, created } = await addStamp(db, stampInput('demo', BOOTH_A));
    expect(created).toBe(true);
    expect(commits.completed).toEqual([true]);
    expect(stamp).toMatchObject({ boothId: BOOTH_A, status: 'pending', syncedAt: null });
    db.close();
    expect(await listStamps(await connect(), 'demo')).toEqual([stamp]);
  });

  it('refuses a second stamp for a collected booth, also when tabs race', async () => {
    const { db, connect } = await freshDb();
    const otherTab = await connect();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        addStamp(i % 2 ? otherTab : db, stampInput('demo', BOOTH_A, i)),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const winner = results.find((r) => r.created)!.stamp;
    expect(new Set(results.map((r) => r.stamp.id))).toEqual(new Set([winner.id]));
    expect(await listStamps(db, 'demo')).toEqual([winner]);
    // Another booth, or the same booth in another campaign, is a new stamp.
    expect((await addStamp(db, stampInput('demo', BOOTH_B))).created).toBe(true);
    expect((await addStamp(db, stampInput('other', BOOTH_A))).created).toBe(true);
  });

  it('allows a new stamp for a booth whose stamp the server rejected, keeping the rejected one', async () => {
    const { db } = await freshDb();
    const first = (await addStamp(db, stampInput('demo', BOOTH_A))).stamp;
    await updateCampaignStamps(db, 'demo', (all) =>
      all.map((s) => ({
        ...s,
        status: 'rejected' as const,
        rejectReason: 'unknown_booth' as const,
      })),
    );
    const second = await addStamp(db, stampInput('demo', BOOTH_A, 5));
    expect(second.created).toBe(true);
    expect((await listStamps(db, 'demo')).map((s) => s.id).sort()).toEqual(
      [first.id, second.stamp.id].sort(),
    );
  });

  it('refuses malformed input before writing anything', async () => {
    const { db } = await freshDb();
    await expect(addStamp(db, stampInput('demo', 'not-a-uuid'))).rejects.toThrow();
    expect(await listStamps(db, 'demo')).toEqual([]);
  });
});

describe('storage failures', () => {
  it('turns QuotaExceededError into a visible quota StorageError and saves nothing', async () => {
    const { db } = await freshDb();
    const seen: (string | undefined)[] = [];
    const onChange = () => seen.push(storageHealth.error?.kind);
    storageHealth.addEventListener('change', onChange);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failure = await addStamp(db, stampInput('demo', BOOTH_A)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ kind: 'quota' });
    expect(storageHealth.error?.kind).toBe('quota');
    put.mockRestore();
    expect(await listStamps(db, 'demo')).toEqual([]);
    // The state stays visible until a write succeeds again.
    expect((await addStamp(db, stampInput('demo', BOOTH_A))).created).toBe(true);
    expect(storageHealth.error).toBeNull();
    expect(seen).toEqual(['quota', undefined]);
    storageHealth.removeEventListener('change', onChange);
  });

  it('reports a closed database as unavailable', async () => {
    const { db } = await freshDb();
    db.close();
    await expect(addStamp(db, stampInput('demo', BOOTH_A))).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });
});
