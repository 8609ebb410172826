// "Ready offline" in real Chromium against a stubbed network: progress up to ready, the remembered
// fact per campaign version, failures that are not remembered, and resuming when back online.
import { describe, expect, it } from 'vitest';
import {
  OfflineReadiness,
  readinessAssets,
} from '../../../src/app/pages/visitor/offline-readiness.js';
import type { ReadinessState } from '../../../src/app/pages/visitor/offline-readiness.js';
import type { PublicCampaign } from '../../../src/shared/campaign.schema.js';
import { PATTERN_SET_A, PATTERN_SET_B, campaignWithSet } from '../campaign-fixture.js';
import { FakeNetwork } from './fake-network.js';

/** The fixture with real thumbnail URLs (data: thumbnails need no download). */
function rally(setId: string): PublicCampaign {
  const campaign = campaignWithSet(setId);
  return {
    ...campaign,
    booths: campaign.booths.map((b, i) => ({
      ...b,
      thumbnailUrl: `/api/v1/reference-images/0000000${i}-0000-4000-8000-00000000000${i}/thumb`,
    })),
  };
}

function memoryStore() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

function setup(campaign: PublicCampaign, store = memoryStore()) {
  const net = new FakeNetwork();
  net.serve(campaign);
  for (const asset of readinessAssets(campaign)) {
    const path = new URL(asset.url, location.href).pathname;
    // Big enough to arrive in several chunks, so progress moves within one file too.
    if (asset.kind !== 'pattern-set') net.assets.set(path, new Uint8Array(300_000).fill(7));
  }
  const events = new EventTarget();
  const readiness = new OfflineReadiness({
    slug: campaign.slug,
    fetch: net.fetch,
    store,
    untilWorkerControls: async () => {},
    isCached: async () => true,
    events,
  });
  const states: ReadinessState[] = [];
  readiness.addEventListener('change', () => states.push(readiness.state));
  return { net, readiness, states, store, events };
}

describe('OfflineReadiness', () => {
  it('downloads the model, the ORT wasm, the pattern set and the thumbnails, with progress', async () => {
    const campaign = rally(PATTERN_SET_A);
    const { net, readiness, states } = setup(campaign);
    const assets = readinessAssets(campaign);
    expect(assets.map((a) => a.kind).sort()).toEqual(
      ['model', 'pattern-set', 'thumbnail', 'thumbnail', 'thumbnail', 'wasm'].sort(),
    );
    expect(assets.find((a) => a.kind === 'model')!.url).toMatch(/\.onnx/);
    expect(assets.find((a) => a.kind === 'wasm')!.url).toMatch(/\.wasm/);

    await readiness.ensure(campaign);
    expect(readiness.state).toEqual({ kind: 'ready' });
    for (const asset of assets)
      expect(net.count(new URL(asset.url, location.href).pathname)).toBe(1);
    const fractions = states.flatMap((s) => (s.kind === 'downloading' ? [s.fraction] : []));
    expect(fractions[0]).toBe(0);
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    const last = states.findLast((s) => s.kind === 'downloading');
    expect(last).toMatchObject({ done: assets.length, total: assets.length });
  });

  it('is ready at once on a later visit, and downloads again for a new pattern set', async () => {
    const first = setup(rally(PATTERN_SET_A));
    await first.readiness.ensure(rally(PATTERN_SET_A));

    const later = setup(rally(PATTERN_SET_A), first.store);
    const done = later.readiness.ensure(rally(PATTERN_SET_A));
    // Synchronously ready: no progress bar flashes on a visit that has everything.
    expect(later.readiness.state).toEqual({ kind: 'ready' });
    await done;
    expect(later.net.requests).toEqual([]);
    expect(later.states.every((s) => s.kind === 'ready')).toBe(true);

    const updated = setup(rally(PATTERN_SET_B), first.store);
    await updated.readiness.ensure(rally(PATTERN_SET_B));
    expect(updated.states[0]?.kind).toBe('downloading');
    expect(updated.net.count(`/api/v1/pattern-sets/${PATTERN_SET_B}/artifact`)).toBe(1);
    expect(updated.readiness.state).toEqual({ kind: 'ready' });
  });

  it('downloads again when the browser evicted a cached asset', async () => {
    const first = setup(rally(PATTERN_SET_A));
    await first.readiness.ensure(rally(PATTERN_SET_A));
    const net = new FakeNetwork();
    const evicted = new OfflineReadiness({
      slug: 'xmas',
      fetch: (input) => first.net.fetch(input).finally(() => net.requests.push(String(input))),
      store: first.store,
      untilWorkerControls: async () => {},
      isCached: async (url) => !url.includes('/pattern-sets/'),
    });
    await evicted.ensure(rally(PATTERN_SET_A));
    expect(net.requests.length).toBe(readinessAssets(rally(PATTERN_SET_A)).length);
    expect(evicted.state).toEqual({ kind: 'ready' });
  });

  it('does not claim ready when a download fails, and resumes when back online', async () => {
    const campaign = rally(PATTERN_SET_A);
    const { net, readiness, store, events } = setup(campaign);
    net.offline = true;
    await readiness.ensure(campaign);
    expect(readiness.state.kind).toBe('failed');
    expect(store.getItem('stamp-rally.offline-ready:xmas')).toBeNull();

    net.offline = false;
    events.dispatchEvent(new Event('online'));
    await expect.poll(() => readiness.state.kind).toBe('ready');
    // The failed run stopped: nothing is fetched twice after the network returned, nor reported late.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readiness.state.kind).toBe('ready');
    expect(store.getItem('stamp-rally.offline-ready:xmas')).not.toBeNull();
  });

  it('fails on a missing asset rather than calling a half download ready', async () => {
    const campaign = rally(PATTERN_SET_A);
    const { net, readiness } = setup(campaign);
    net.assets.delete(new URL(campaign.booths[0]!.thumbnailUrl!, location.href).pathname);
    await readiness.ensure(campaign);
    expect(readiness.state).toEqual({ kind: 'failed', offline: false });
  });
});
