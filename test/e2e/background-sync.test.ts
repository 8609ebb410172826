// Background Sync in the built product: a stamp left pending in IndexedDB with no app tab open reaches
// the server when the browser fires the service worker's `sync` event (dispatched through DevTools,
// as Chromium would on reconnecting), and an unrelated sync tag leaves it alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, CDPSession } from 'playwright-core';
import type { PublicCampaign } from '../../src/shared/campaign.schema.js';
import type { StampRecord } from '../../src/storage/stamp-db.js';
import { newPendingStamp } from '../../src/storage/stamps.store.js';
import { BACKGROUND_SYNC_TAG } from '../../src/sync/background-sync.js';
import { chromiumLaunchOptions } from '../chromium.js';
import { startProductServer } from './server-process.js';
import type { ProductServer } from './server-process.js';

let server: ProductServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'stamp-rally-bgsync-'));
  server = await startProductServer({ dataDir });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** How many times the server's database holds this stamp id. */
function serverCopies(stampId: string): number {
  const db = new Database(join(dataDir, 'stamp-rally.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT count(*) AS n FROM stamp WHERE id = ?').get(stampId) as {
      n: number;
    };
    return row.n;
  } finally {
    db.close();
  }
}

async function registrationIdOf(cdp: CDPSession, scopeURL: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const match = registrations.find((r) => r.scopeURL === scopeURL && !r.isDeleted);
      if (match) resolve(match.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('service worker background sync', () => {
  it('sends pending stamps on the sync event, with every app tab gone', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/r/demo`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 15_000,
    });
    const cdp = await context.newCDPSession(page);
    const registrationId = await registrationIdOf(cdp, `${server.url}/`);

    const sync = (tag: string) =>
      cdp.send('ServiceWorker.dispatchSyncEvent', {
        origin: server.url,
        registrationId,
        tag,
        lastChance: false,
      });

    // Every app tab gone: no page sync client can send the stamp, only the service worker.
    await page.goto('about:blank');
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

    // Nothing pending yet: the handler opens the stamp database (creating it if the app has not) and
    // finds nothing to send.
    await sync(BACKGROUND_SYNC_TAG);
    await expect
      .poll(
        () =>
          worker.evaluate(
            () =>
              new Promise<boolean>((resolve) => {
                const open = indexedDB.open('stamp-rally');
                open.onsuccess = () => {
                  resolve(open.result.objectStoreNames.contains('stamps'));
                  open.result.close();
                };
                open.onerror = () => resolve(false);
              }),
          ),
        { timeout: 10_000 },
      )
      .toBe(true);

    // A pending stamp as the scanner leaves it when the network is gone, written from the worker's
    // side of the origin (no page is open).
    const campaign = (await (
      await fetch(`${server.url}/api/v1/campaigns/demo`)
    ).json()) as PublicCampaign;
    const stamp = newPendingStamp({
      campaignSlug: 'demo',
      boothId: campaign.booths[2]!.id,
      patternSetId: campaign.patternSet!.id,
      evidence: { score: 0.8, frames: 3, source: 'camera' },
    });
    await worker.evaluate(
      (record) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('stamp-rally');
          open.onsuccess = () => {
            const tx = open.result.transaction('stamps', 'readwrite');
            tx.objectStore('stamps').put(record);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      stamp,
    );

    // Another tag is not ours: nothing is sent.
    await sync('someone-else');
    await sleep(1_500);
    expect(serverCopies(stamp.id)).toBe(0);

    await sync(BACKGROUND_SYNC_TAG);
    await expect.poll(() => serverCopies(stamp.id), { timeout: 15_000 }).toBe(1);

    // The worker also recorded the ack locally: the stamp is no longer pending.
    await expect
      .poll(
        () =>
          worker.evaluate(
            (id) =>
              new Promise<Pick<StampRecord, 'status' | 'serverHeld'>>((resolve) => {
                const open = indexedDB.open('stamp-rally');
                open.onsuccess = () => {
                  const get = open.result.transaction('stamps').objectStore('stamps').get(id);
                  get.onsuccess = () => {
                    const { status, serverHeld } = get.result as StampRecord;
                    open.result.close();
                    resolve({ status, serverHeld });
                  };
                };
              }),
            stamp.id,
          ),
        { timeout: 10_000 },
      )
      .toEqual({ status: 'synced', serverHeld: true });
    await context.close();
  });
});
