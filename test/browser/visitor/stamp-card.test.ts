// The stamp card in real Chromium: empty, partial and complete states, prize-tier progress, pending
// vs synced text, live updates from another tab, and the scan button's wiring to the scan view.
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../src/app/pages/visitor/visitor-page.js';
import type { VisitorPage } from '../../../src/app/pages/visitor/visitor-page.js';
import { formatMoment } from '../../../src/app/format.js';
import { openStampDb } from '../../../src/storage/stamp-db.js';
import { addStamp, listStamps } from '../../../src/storage/stamps.store.js';
import { StorageError, storageHealth } from '../../../src/storage/storage-error.js';
import { SyncClient } from '../../../src/sync/sync-client.js';
import { disposeDbs, freshDb, stampInput } from '../storage/test-db.js';
import { FakeApi, ManualTimers } from '../sync/fake-api.js';
import { PATTERN_SET_A, campaignFixture, campaignWithSet } from '../campaign-fixture.js';
import { FakeNetwork } from './fake-network.js';

const others: SyncClient[] = [];
afterEach(async () => {
  document.body.replaceChildren();
  for (const c of others.splice(0)) c.stop();
  vi.unstubAllGlobals();
  storageHealth.clear();
  await disposeDbs();
});

// Booths in card order: Santa Workshop (1), Cocoa Cafe (2), Toy Train (3).
const byPosition = [...campaignFixture.booths].sort((a, b) => a.position - b.position);
const boothIds = byPosition.map((b) => b.id);

function deepText(node: Node): string {
  let text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : '';
  if (node instanceof Element && node.shadowRoot) text += deepText(node.shadowRoot);
  for (const child of node.childNodes) text += deepText(child);
  return text.replace(/\s+/g, ' ');
}

/** A card on a database holding `collected` stamps; `online: false` keeps them pending. */
async function mountCard({ collected = 0, online = true } = {}) {
  const { name, db } = await freshDb();
  for (let i = 0; i < collected; i++) await addStamp(db, stampInput('xmas', boothIds[i]!, i));
  const net = new FakeNetwork();
  net.serve(campaignWithSet(PATTERN_SET_A));
  vi.stubGlobal('fetch', net.fetch);
  const api = new FakeApi();
  const page = document.createElement('visitor-page');
  page.sessionOptions = {
    dbName: name,
    sync: {
      api: { fetch: api.fetch },
      timers: new ManualTimers(),
      isOnline: () => online,
      locks: null,
    },
  };
  page.readinessOptions = { store: null, fetch: net.fetch };
  page.slug = 'xmas';
  document.body.append(page);
  const root = page.shadowRoot!;
  await vi.waitFor(() => expect(root.querySelector('booth-grid')).not.toBeNull());
  await vi.waitFor(() =>
    expect(
      root.querySelector('[data-testid="card-progress"]')?.getAttribute('data-collected'),
    ).toBe(String(collected)),
  );
  return { page, root, db, api, name };
}

async function cells(page: VisitorPage) {
  const grid = page.shadowRoot!.querySelector('booth-grid')!;
  await grid.updateComplete;
  return [...grid.shadowRoot!.querySelectorAll('li')];
}

async function tiers(
  page: VisitorPage,
): Promise<Record<string, { reached: string | undefined; text: string }>> {
  const element = page.shadowRoot!.querySelector('prize-tiers')!;
  await element.updateComplete;
  return Object.fromEntries(
    [...element.shadowRoot!.querySelectorAll('li')].map((li) => [
      li.dataset.tierId,
      { reached: li.dataset.reached, text: li.textContent!.replace(/\s+/g, ' ') },
    ]),
  );
}

describe('stamp card', () => {
  it('empty: nothing collected, every tier still ahead', async () => {
    const { page, root } = await mountCard();
    expect(deepText(root.querySelector('[data-testid="card-progress"]')!)).toContain(
      '0 of 3 stamps',
    );
    expect((await cells(page)).map((c) => c.dataset.collected)).toEqual(['no', 'no', 'no']);
    const t = await tiers(page);
    expect(t.sticker).toMatchObject({ reached: 'false' });
    expect(t.sticker!.text).toContain('1 more stamp to go');
    expect(t.gold!.text).toContain('3 more stamps to go');
    expect(root.querySelector('[data-testid="card-complete"]')).toBeNull();
  });

  it('partial: collected booths show when, tiers show what is reached and what is left', async () => {
    const { page, root, db } = await mountCard({ collected: 1, online: false });
    expect(deepText(root.querySelector('[data-testid="card-progress"]')!)).toContain(
      '1 of 3 stamps',
    );
    const [santa, cocoa] = await cells(page);
    expect(santa!.dataset.collected).toBe('pending');
    const capturedAt = (await listStamps(db, 'xmas'))[0]!.capturedAt;
    expect(santa!.textContent).toContain(`Collected ${formatMoment(capturedAt, 'en')}`);
    expect(santa!.textContent).toContain('Saved on this phone');
    expect(cocoa!.textContent).toContain('Not yet collected');
    const t = await tiers(page);
    expect(t.sticker).toMatchObject({ reached: 'true' });
    expect(t.sticker!.text).toContain('Reached');
    expect(t.gold).toMatchObject({ reached: 'false' });
    expect(t.gold!.text).toContain('2 more stamps to go');
  });

  it('says stamps are saved on the phone while they wait, and when they synced', async () => {
    const pending = await mountCard({ collected: 2, online: false });
    const status = () => pending.root.querySelector('card-status')!.shadowRoot!;
    await vi.waitFor(() =>
      expect(deepText(status())).toContain('2 stamps saved on this phone, will sync'),
    );
    expect(status().querySelector('[data-testid="sync-status"]')!.getAttribute('data-state')).toBe(
      'pending',
    );
    document.body.replaceChildren();

    const synced = await mountCard({ collected: 2, online: true });
    const syncedStatus = () => synced.root.querySelector('card-status')!.shadowRoot!;
    const line = () => syncedStatus().querySelector('[data-testid="sync-status"]')!;
    await vi.waitFor(() => expect(line().getAttribute('data-state')).toBe('synced'));
    const at = line().getAttribute('data-last-sync')!;
    expect(deepText(line())).toContain(`Synced ${formatMoment(at, 'en')}`);
    expect(synced.api.stamps.size).toBe(2);
    await vi.waitFor(async () =>
      expect((await cells(synced.page)).map((c) => c.dataset.collected)).toEqual([
        'synced',
        'synced',
        'no',
      ]),
    );
  });

  it('complete: every booth collected, every tier reached', async () => {
    const { page, root } = await mountCard({ collected: 3, online: false });
    expect(deepText(root.querySelector('[data-testid="card-complete"]')!)).toContain(
      'Card complete',
    );
    expect((await cells(page)).every((c) => c.dataset.collected === 'pending')).toBe(true);
    expect(Object.values(await tiers(page)).every((t) => t.reached === 'true')).toBe(true);
  });

  it('updates live when another tab collects a stamp', async () => {
    const { page, name } = await mountCard({ online: false });
    const other = new SyncClient({
      db: await openStampDb({ name }),
      campaignSlug: 'xmas',
      isOnline: () => false,
      timers: new ManualTimers(),
      locks: null,
    });
    others.push(other);
    other.start();
    await other.recordStamp({
      boothId: boothIds[2]!,
      patternSetId: PATTERN_SET_A,
      evidence: { score: 0.9, frames: 3, source: 'camera' },
    });
    await vi.waitFor(async () =>
      expect((await cells(page)).map((c) => c.dataset.collected)).toEqual(['no', 'no', 'pending']),
    );
    expect(
      page
        .shadowRoot!.querySelector('[data-testid="card-progress"]')!
        .getAttribute('data-collected'),
    ).toBe('1');
  });

  it('opens the scan view full screen with the applied set, and Back closes it', async () => {
    const { page, root } = await mountCard({ collected: 1, online: false });
    const button = root.querySelector<HTMLButtonElement>('[data-testid="scan-button"]')!;
    await vi.waitFor(() => expect(button.disabled).toBe(false));
    button.click();
    // The scanner's code is a lazy chunk: on a cold dev server its first import takes seconds.
    await vi.waitFor(() => expect(root.querySelector('scan-view')).not.toBeNull(), {
      timeout: 20_000,
    });
    const view = root.querySelector('scan-view')!;
    expect(view.patternSetId).toBe(PATTERN_SET_A);
    expect(view.artifact?.byteLength).toBeGreaterThan(0);
    expect([...view.collected]).toEqual([boothIds[0]]);
    expect(location.hash).toBe('#scan');

    const outcome = await view.commitStamp!({
      boothId: boothIds[1]!,
      score: 0.9,
      evidence: { score: 0.9, frames: 3, source: 'camera' },
    });
    expect(outcome).toEqual({ kind: 'stamped' });
    await vi.waitFor(() => expect([...root.querySelector('scan-view')!.collected]).toHaveLength(2));

    history.back();
    await vi.waitFor(() => expect(root.querySelector('scan-view')).toBeNull());
    expect(location.hash).toBe('');
    await vi.waitFor(() => expect(page.shadowRoot!.activeElement).toBe(button));
  });

  it('shows a storage failure such as a full disk where the visitor sees it', async () => {
    const { root, page } = await mountCard();
    expect(root.querySelector('[data-testid="storage-alert"]')).toBeNull();
    storageHealth.report(
      new StorageError('quota', 'save stamp: the device is out of storage space'),
    );
    await page.updateComplete;
    const alert = root.querySelector('[data-testid="storage-alert"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('out of storage space');
  });

  it('keeps the scan button disabled, saying why, until a pattern set is published', async () => {
    const { name } = await freshDb();
    const net = new FakeNetwork();
    net.serve(campaignFixture);
    vi.stubGlobal('fetch', net.fetch);
    const page = document.createElement('visitor-page');
    page.sessionOptions = { dbName: name, sync: { isOnline: () => false, locks: null } };
    page.readinessOptions = { store: null };
    page.slug = 'xmas';
    document.body.append(page);
    const root = page.shadowRoot!;
    await vi.waitFor(() => expect(root.querySelector('booth-grid')).not.toBeNull());
    const button = root.querySelector<HTMLButtonElement>('[data-testid="scan-button"]')!;
    expect(button.disabled).toBe(true);
    const note = root.querySelector(`#${button.getAttribute('aria-describedby')!}`)!;
    expect(note.textContent).toContain('Scanning opens once the booth posters are downloaded');
  });
});
