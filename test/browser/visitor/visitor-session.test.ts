// The visitor session in real Chromium against a stubbed network: the cached card first, atomic
// config + pattern-set refresh, background registration, and what committing a scan reports.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VisitorSession } from '../../../src/app/pages/visitor/visitor-session.js';
import type { ScanDetection } from '../../../src/app/pages/visitor/scan/scan-contract.js';
import {
  getCampaignBundle,
  saveCampaignBundle,
} from '../../../src/storage/campaign-cache.store.js';
import { listStamps } from '../../../src/storage/stamps.store.js';
import { storageHealth } from '../../../src/storage/storage-error.js';
import { disposeDbs, freshDb } from '../storage/test-db.js';
import { FakeApi, ManualTimers } from '../sync/fake-api.js';
import {
  PATTERN_SET_A,
  PATTERN_SET_B,
  artifactFor,
  campaignFixture,
  campaignWithSet,
} from '../campaign-fixture.js';
import { FakeNetwork } from './fake-network.js';

const sessions: VisitorSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) s.stop();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  storageHealth.clear();
  await disposeDbs();
});

const [boothA, boothB] = [campaignFixture.booths[0]!.id, campaignFixture.booths[1]!.id];
const detection = (boothId: string): ScanDetection => ({
  boothId,
  score: 0.91,
  evidence: { score: 0.91, frames: 4, source: 'camera' },
});

/** A session on a throw-away database (closed first, so the session may open it), fake network. */
async function setup(seed?: { campaign: ReturnType<typeof campaignWithSet>; setId: string }) {
  const { name, db } = await freshDb();
  if (seed) {
    const bytes = artifactFor(seed.campaign.booths.map((b) => b.id));
    await saveCampaignBundle(db, {
      campaign: seed.campaign,
      patternSet: {
        patternSetId: seed.setId,
        campaignSlug: seed.campaign.slug,
        contentHash: `hash-${seed.setId}`,
        bytes,
      },
    });
  }
  const net = new FakeNetwork();
  vi.stubGlobal('fetch', net.fetch);
  const api = new FakeApi();
  const timers = new ManualTimers();
  const session = new VisitorSession({
    slug: campaignFixture.slug,
    dbName: name,
    sync: {
      api: { fetch: api.fetch },
      timers,
      events: new EventTarget(),
      isOnline: () => true,
      locks: null,
      backoff: { baseMs: 10, maxMs: 100 },
    },
  });
  sessions.push(session);
  return { db, net, api, timers, session };
}

describe('VisitorSession', () => {
  it('shows the cached card before the network answers, and with the network off', async () => {
    const cached = campaignWithSet(PATTERN_SET_A, 'Cached name');
    const { net, session } = await setup({ campaign: cached, setId: PATTERN_SET_A });
    net.stalled.add('/api/v1/campaigns/xmas');
    void session.start();
    await vi.waitFor(() => expect(session.state.load).toBe('ready'));
    expect(session.state.campaign?.name.en).toBe('Cached name');
    expect(session.state.fromCache).toBe(true);
    expect(session.state.refreshing).toBe(true);
    expect(session.state.bundle?.patternSet?.patternSetId).toBe(PATTERN_SET_A);

    const offline = await setup({ campaign: cached, setId: PATTERN_SET_A });
    offline.net.offline = true;
    await offline.session.start();
    expect(offline.session.state.load).toBe('ready');
    expect(offline.session.state.campaign?.name.en).toBe('Cached name');
    expect(offline.session.state.refreshProblem).toBe('offline');
  });

  it('applies a new config and its new pattern set together', async () => {
    const { db, net, session } = await setup({
      campaign: campaignWithSet(PATTERN_SET_A, 'Old'),
      setId: PATTERN_SET_A,
    });
    net.serve(campaignWithSet(PATTERN_SET_B, 'New'));
    await session.start();
    expect(session.state.campaign?.name.en).toBe('New');
    expect(session.state.bundle?.patternSet?.patternSetId).toBe(PATTERN_SET_B);
    expect(session.state.fromCache).toBe(false);
    const stored = await getCampaignBundle(db, 'xmas');
    expect(stored?.campaign.patternSet?.id).toBe(PATTERN_SET_B);
    expect(stored?.patternSet?.patternSetId).toBe(PATTERN_SET_B);
    expect(stored?.patternSet?.bytes).toEqual(net.artifacts.get(PATTERN_SET_B)!.bytes);
  });

  it('reuses the held pattern set when only the config changed', async () => {
    const { db, net, session } = await setup({
      campaign: campaignWithSet(PATTERN_SET_A, 'Old'),
      setId: PATTERN_SET_A,
    });
    net.serve(campaignWithSet(PATTERN_SET_A, 'Renamed'));
    await session.start();
    expect(net.count(`/api/v1/pattern-sets/${PATTERN_SET_A}/artifact`)).toBe(0);
    expect((await getCampaignBundle(db, 'xmas'))?.campaign.name.en).toBe('Renamed');
  });

  it.each([
    [
      'its content hash differs',
      'mismatch',
      (net: FakeNetwork) => {
        net.artifacts.get(PATTERN_SET_B)!.etag = 'hash-of-something-else';
      },
    ],
    [
      'it recognises a booth the campaign lacks',
      'mismatch',
      (net: FakeNetwork) => {
        const stranger = '0000000f-0000-4000-8000-000000000000';
        net.artifacts.get(PATTERN_SET_B)!.bytes = artifactFor([boothA, stranger]);
      },
    ],
    [
      'it is not an artifact at all',
      'mismatch',
      (net: FakeNetwork) => {
        net.artifacts.get(PATTERN_SET_B)!.contentType = 'text/html';
      },
    ],
    [
      'its download fails',
      'error',
      (net: FakeNetwork) => {
        net.artifactsFail = true;
      },
    ],
  ] as const)(
    'keeps the old pair when the new pattern set is unusable: %s',
    async (_, problem, breakIt) => {
      const old = campaignWithSet(PATTERN_SET_A, 'Old');
      const { db, net, session } = await setup({ campaign: old, setId: PATTERN_SET_A });
      net.serve(campaignWithSet(PATTERN_SET_B, 'New'));
      breakIt(net);
      await session.start();
      expect(session.state.refreshProblem).toBe(problem);
      expect(session.state.campaign?.name.en).toBe('Old');
      expect(session.state.bundle?.campaign.patternSet?.id).toBe(PATTERN_SET_A);
      expect(session.state.bundle?.patternSet?.patternSetId).toBe(PATTERN_SET_A);
      const stored = await getCampaignBundle(db, 'xmas');
      expect(stored?.campaign.name.en).toBe('Old');
      expect(stored?.patternSet?.patternSetId).toBe(PATTERN_SET_A);
    },
  );

  it('with nothing cached and no usable set, shows the card but offers no scanning', async () => {
    const { db, net, session } = await setup();
    net.serve(campaignWithSet(PATTERN_SET_B));
    net.artifactsFail = true;
    await session.start();
    expect(session.state.load).toBe('ready');
    expect(session.state.campaign?.patternSet?.id).toBe(PATTERN_SET_B);
    expect(session.state.bundle).toBeNull();
    expect(await getCampaignBundle(db, 'xmas')).toBeUndefined();
    expect(await session.commit(detection(boothA))).toMatchObject({ kind: 'failed' });
  });

  it('reports a rally that does not exist and registers no device for it', async () => {
    const { api, session } = await setup();
    await session.start();
    expect(session.state.load).toBe('not-found');
    expect(api.requests).toEqual([]);
  });

  it('commits a scan: stamped, then already, and it reaches the server once', async () => {
    const { db, net, api, timers, session } = await setup();
    net.serve(campaignWithSet(PATTERN_SET_A));
    // The first registration attempt fails: the visitor never waits, the retry loop registers.
    api.script.push({ failure: 'network', only: 'register' });
    await session.start();

    expect(await session.commit(detection(boothA))).toEqual({ kind: 'stamped' });
    const stored = await listStamps(db, 'xmas');
    expect(stored.map((s) => [s.boothId, s.patternSetId])).toEqual([[boothA, PATTERN_SET_A]]);
    await vi.waitFor(() => expect(session.state.stamps.map((s) => s.boothId)).toEqual([boothA]));
    expect(await session.commit(detection(boothA))).toEqual({ kind: 'already' });
    expect(await listStamps(db, 'xmas')).toHaveLength(1);

    for (let i = 0; i < 10 && api.stamps.size === 0; i++) {
      timers.fire();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await vi.waitFor(() => expect(session.state.sync?.pending).toBe(0));
    expect(api.registrations).toBe(1);
    expect([...api.stamps.values()].map((s) => s.boothId)).toEqual([boothA]);
    expect(session.state.sync?.lastSyncAt).not.toBeNull();
    await vi.waitFor(() => expect(session.state.stamps[0]?.status).toBe('synced'));
  });

  it('fails a commit for a poster outside the rally, and one the phone could not store', async () => {
    const { db, net, session } = await setup();
    net.serve(campaignWithSet(PATTERN_SET_A));
    await session.start();
    const stranger = '0000000f-0000-4000-8000-000000000000';
    expect(await session.commit(detection(stranger))).toMatchObject({ kind: 'failed' });

    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const outcome = await session.commit(detection(boothB));
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/out of storage space/);
    expect(session.state.storageError?.kind).toBe('quota');
    vi.restoreAllMocks();
    // Never claimed: nothing was stored.
    expect(await listStamps(db, 'xmas')).toEqual([]);
  });
});
