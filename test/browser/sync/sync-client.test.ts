// The sync client against a fake API in real Chromium: batching, duplicates, rate limits, lost
// tokens, lost replies and offline starts — no stamp is ever lost or counted twice.
import { afterEach, describe, expect, it } from 'vitest';
import type { StampDb } from '../../../src/storage/stamp-db.js';
import { listStamps } from '../../../src/storage/stamps.store.js';
import { collectedStamps } from '../../../src/sync/reconcile.js';
import { SyncClient } from '../../../src/sync/sync-client.js';
import type { SyncClientOptions } from '../../../src/sync/sync-client.js';
import { PATTERN_SET_ID, disposeDbs, freshDb } from '../storage/test-db.js';
import { FakeApi, ManualTimers } from './fake-api.js';

const clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.stop();
  await disposeDbs();
});

const booth = (n: number) =>
  `00000000-0000-4000-8000-${(0xb000 + n).toString(16).padStart(12, '0')}`;
const scan = (n: number, minute = n % 60) => ({
  boothId: booth(n),
  patternSetId: PATTERN_SET_ID,
  evidence: { score: 0.9, frames: 3, source: 'camera' as const },
  capturedAt: new Date(Date.UTC(2025, 4, 1, 10, minute)).toISOString(),
});

async function setup(overrides: Partial<SyncClientOptions> = {}, db?: StampDb) {
  const api = new FakeApi();
  const timers = new ManualTimers();
  const slug = `t${crypto.randomUUID().slice(0, 8)}`;
  const database = db ?? (await freshDb()).db;
  const client = new SyncClient({
    db: database,
    campaignSlug: slug,
    api: { fetch: api.fetch },
    backoff: { baseMs: 100, maxMs: 10_000 },
    random: () => 1,
    timers,
    events: new EventTarget(),
    isOnline: () => true,
    ...overrides,
  });
  clients.push(client);
  return { api, timers, slug, db: database, client };
}

/** Fires retry timers until nothing is scheduled (bounded). */
async function retryUntilIdle(client: SyncClient, timers: ManualTimers): Promise<void> {
  await client.settled();
  for (let i = 0; i < 20 && timers.count > 0; i++) {
    timers.fire();
    await client.settled();
  }
}

describe('SyncClient', () => {
  it('registers once and drains a large outbox in batches of at most 200, exactly once', async () => {
    const { api, timers, slug, db, client } = await setup();
    for (let n = 0; n < 450; n++) await client.recordStamp(scan(n));
    await retryUntilIdle(client, timers);
    expect(api.registrations).toBe(1);
    const batches = api.requests.filter((r) => r.kind === 'sync').map((r) => r.eventIds.length);
    expect(Math.max(...batches)).toBeLessThanOrEqual(200);
    expect([...api.sendCounts().values()].every((n) => n === 1)).toBe(true);
    expect(api.stamps.size).toBe(450);
    const local = await listStamps(db, slug);
    expect(local).toHaveLength(450);
    expect(local.every((s) => s.status === 'synced' && s.serverHeld)).toBe(true);
    expect(client.state).toMatchObject({ status: 'idle', pending: 0, registered: true });
    expect(client.state.lastSyncAt).not.toBeNull();
  });

  it('takes the server’s stamp when the booth was already stamped under another id', async () => {
    const { api, slug, db, client } = await setup();
    await client.sync();
    const [visitorId] = api.visitorIds;
    const serverId = crypto.randomUUID();
    api.stamps.set(serverId, {
      id: serverId,
      boothId: booth(1),
      capturedAt: '2025-05-01T09:00:00.000Z',
      receivedAt: '2025-05-01T09:00:01.000Z',
      visitorId: visitorId!,
    });
    const { stamp } = await client.recordStamp(scan(1));
    await client.settled();
    const local = await listStamps(db, slug);
    expect(local).toHaveLength(2);
    expect(local.find((s) => s.id === stamp.id)).toMatchObject({
      status: 'synced',
      supersededBy: serverId,
    });
    expect(collectedStamps(local).map((s) => s.id)).toEqual([serverId]);
    expect(client.state.pending).toBe(0);
  });

  it('honours Retry-After on 429 and backs off exponentially on network errors and 5xx', async () => {
    const { api, timers, slug, db, client } = await setup();
    api.script.push(
      { failure: 'network' },
      { failure: { status: 503, code: 'internal' } },
      { failure: { status: 503, code: 'internal' } },
      { failure: { status: 429, code: 'rate_limited', retryAfter: '7' } },
    );
    const states: string[] = [];
    client.addEventListener('state', () => states.push(client.state.status));
    await client.recordStamp(scan(1));
    await client.recordStamp(scan(2));
    client.start();
    await retryUntilIdle(client, timers);
    // random() = 1: the top of each jitter range, 100 → 200 → 400 ms, then Retry-After's 7 s.
    expect(timers.delays).toEqual([100, 200, 400, 7000]);
    expect(states).toContain('offline');
    expect(states).toContain('error');
    expect(client.state.status).toBe('idle');
    expect([...api.sendCounts().values()]).toEqual([1, 1]);
    expect((await listStamps(db, slug)).every((s) => s.status === 'synced')).toBe(true);
  });

  it('sends nothing before Retry-After has passed, even when a new stamp comes in', async () => {
    const { api, timers, slug, db, client } = await setup();
    client.start();
    await client.settled();
    api.script.push({ failure: { status: 429, code: 'rate_limited', retryAfter: '30' } });
    await client.recordStamp(scan(1));
    await client.settled();
    const requestsAfter429 = api.requests.length;
    await client.recordStamp(scan(2));
    await client.settled();
    expect(api.requests).toHaveLength(requestsAfter429);
    expect(client.state).toMatchObject({ status: 'error', pending: 2 });
    expect(client.state.error?.code).toBe('rate_limited');
    expect(timers.delays.at(-1)).toBe(30_000);
    await retryUntilIdle(client, timers);
    expect((await listStamps(db, slug)).every((s) => s.status === 'synced')).toBe(true);
  });

  it('re-registers after a 401 and resends every stamp under the new visitor', async () => {
    const { api, timers, slug, db, client } = await setup();
    await client.recordStamp(scan(1));
    await client.settled();
    const firstVisitor = api.visitorIds[0]!;
    api.forgetTokens();
    await client.recordStamp(scan(2));
    await retryUntilIdle(client, timers);
    expect(api.registrations).toBe(2);
    const secondVisitor = api.visitorIds[0]!;
    expect(secondVisitor).not.toBe(firstVisitor);
    expect(
      api
        .stampsOf(secondVisitor)
        .map((s) => s.boothId)
        .sort(),
    ).toEqual([booth(1), booth(2)]);
    const local = await listStamps(db, slug);
    expect(
      collectedStamps(local)
        .map((s) => s.boothId)
        .sort(),
    ).toEqual([booth(1), booth(2)]);
    expect(local.every((s) => s.status === 'synced')).toBe(true);
    expect(local.find((s) => s.boothId === booth(1))!.previousIds).toHaveLength(1);
    expect(client.state.pending).toBe(0);
  });

  it('keeps retrying registration without blocking the visitor', async () => {
    const { api, timers, slug, db, client } = await setup();
    api.script.push(
      { failure: 'network', only: 'register' },
      { failure: { status: 503, code: 'internal' }, only: 'register' },
    );
    client.start();
    const { created } = await client.recordStamp(scan(1));
    expect(created).toBe(true);
    await client.settled();
    expect(client.state).toMatchObject({ registered: false, pending: 1 });
    await retryUntilIdle(client, timers);
    expect(client.state).toMatchObject({ registered: true, pending: 0, status: 'idle' });
    expect((await listStamps(db, slug))[0]!.status).toBe('synced');
  });

  it('counts a stamp once when the reply to an applied batch was lost', async () => {
    const { api, timers, slug, db, client } = await setup();
    client.start();
    await client.settled();
    api.script.push({ failure: 'lost-reply', only: 'sync' });
    const { stamp } = await client.recordStamp(scan(1));
    await retryUntilIdle(client, timers);
    expect(api.sendCounts().get(stamp.id)).toBe(2);
    expect(api.stamps.size).toBe(1);
    expect(await listStamps(db, slug)).toMatchObject([{ id: stamp.id, status: 'synced' }]);
  });

  it('syncs on start and when the browser comes back online, not while offline', async () => {
    let online = false;
    const events = new EventTarget();
    const { api, timers, client } = await setup({ events, isOnline: () => online });
    await client.recordStamp(scan(1));
    client.start();
    await client.settled();
    expect(api.requests).toHaveLength(0);
    expect(client.state).toMatchObject({ status: 'offline', pending: 1 });
    online = true;
    events.dispatchEvent(new Event('online'));
    await client.settled();
    expect(client.state).toMatchObject({ status: 'idle', pending: 0 });
    expect(timers.count).toBe(0);
  });
});
