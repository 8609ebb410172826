// Two sync clients on one database, as two tabs: they scan the same and different booths and sync at
// once; the server ends with one stamp per booth, each id sent once, and both tabs see the result.
import { afterEach, describe, expect, it } from 'vitest';
import { listStamps } from '../../../src/storage/stamps.store.js';
import { collectedStamps } from '../../../src/sync/reconcile.js';
import { SyncClient } from '../../../src/sync/sync-client.js';
import type { LockManagerLike } from '../../../src/sync/sync-lock.js';
import { PATTERN_SET_ID, disposeDbs, freshDb } from '../storage/test-db.js';
import { FakeApi, ManualTimers } from './fake-api.js';

const clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.stop();
  await disposeDbs();
});

const booth = (n: number) =>
  `00000000-0000-4000-8000-${(0xb000 + n).toString(16).padStart(12, '0')}`;
const scan = (n: number) => ({
  boothId: booth(n),
  patternSetId: PATTERN_SET_ID,
  evidence: { score: 0.9, source: 'camera' as const },
});

async function twoTabs(locks: LockManagerLike | null | undefined) {
  const api = new FakeApi();
  const slug = `t${crypto.randomUUID().slice(0, 8)}`;
  const { db, connect } = await freshDb();
  const make = (database: typeof db) => {
    const timers = new ManualTimers();
    const client = new SyncClient({
      db: database,
      campaignSlug: slug,
      api: { fetch: api.fetch },
      backoff: { baseMs: 10, maxMs: 100 },
      timers,
      locks,
      events: new EventTarget(),
      isOnline: () => true,
    });
    clients.push(client);
    return { client, timers };
  };
  return { api, slug, db, tabs: [make(db), make(await connect())] as const };
}

async function settleAll(tabs: readonly { client: SyncClient; timers: ManualTimers }[]) {
  for (let i = 0; i < 10; i++) {
    await Promise.all(tabs.map((t) => t.client.settled()));
    // Let BroadcastChannel messages arrive and the syncs they start begin.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await Promise.all(tabs.map((t) => t.client.settled()));
    if (tabs.every((t) => t.timers.count === 0)) return;
    for (const t of tabs) t.timers.fire();
  }
}

describe.each([
  ['Web Locks', undefined],
  ['the in-page fallback', null],
] as const)('two tabs syncing with %s', (_name, locks) => {
  it('never loses or duplicates a stamp', async () => {
    const { api, slug, db, tabs } = await twoTabs(locks);
    const [a, b] = tabs;
    a.client.start();
    b.client.start();
    // Both tabs scan booths 0–9 at once; each booth must end up with one stamp.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).client.recordStamp(scan(i % 10))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(10);
    await settleAll(tabs);

    expect(api.registrations).toBe(1);
    const serverBooths = [...api.stamps.values()].map((s) => s.boothId).sort();
    expect(serverBooths).toEqual(Array.from({ length: 10 }, (_, i) => booth(i)).sort());
    expect([...api.sendCounts().values()].every((n) => n === 1)).toBe(true);
    const local = await listStamps(db, slug);
    expect(local).toHaveLength(10);
    expect(collectedStamps(local)).toHaveLength(10);
    expect(local.every((s) => s.status === 'synced')).toBe(true);
    for (const t of tabs) expect(t.client.state.pending).toBe(0);
  });

  it('tells the other tab to refresh its card', async () => {
    const { tabs } = await twoTabs(locks);
    const [a, b] = tabs;
    a.client.start();
    b.client.start();
    await settleAll(tabs);
    let refreshed = 0;
    b.client.addEventListener('stamps', () => refreshed++);
    await a.client.recordStamp(scan(1));
    await settleAll(tabs);
    expect(refreshed).toBeGreaterThan(0);
    expect((await b.client.stamps()).map((s) => s.boothId)).toEqual([booth(1)]);
  });
});
