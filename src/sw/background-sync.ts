// The service worker's half of Background Sync: when the browser fires the `sync` event (connectivity
// is back, even with every tab closed), run one sync pass for each campaign holding pending stamps.
// All the syncing itself is the page's SyncClient and storage modules, so both sides behave alike.
import { openStampDb } from '../storage/stamp-db.js';
import type { StampDb } from '../storage/stamp-db.js';
import { BACKGROUND_SYNC_TAG } from '../sync/background-sync.js';
import { pendingCount } from '../sync/outbox.js';
import { openStampChannel } from '../sync/stamp-channel.js';
import { SyncClient } from '../sync/sync-client.js';

/** Background Sync is not in TypeScript's WebWorker lib (it is a WICG spec). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

/** Slugs of the campaigns that still have stamps to send. */
export async function campaignsWithPendingStamps(db: StampDb): Promise<string[]> {
  const slugs: string[] = [];
  const index = db.transaction('stamps').store.index('by-campaign');
  for (let c = await index.openKeyCursor(null, 'nextunique'); c; c = await c.continue()) {
    slugs.push(c.key);
  }
  const pending = await Promise.all(slugs.map((slug) => pendingCount(db, slug)));
  return slugs.filter((_, i) => pending[i]! > 0);
}

/**
 * One sync pass per campaign with pending stamps. Rejects when any campaign is left unsynced, which
 * tells the browser to fire the event again later with its own backoff.
 */
export async function syncPendingCampaigns(): Promise<void> {
  const db = await openStampDb();
  try {
    const failed: string[] = [];
    for (const slug of await campaignsWithPendingStamps(db)) {
      // Not start()ed: no online listener or retry timer in a worker the browser may stop any time.
      // Web Locks are shared with the pages, so a tab syncing the same campaign is waited for.
      const client = new SyncClient({ db, campaignSlug: slug });
      let changed = false;
      client.addEventListener('stamps', () => (changed = true));
      await client.sync();
      if (changed) {
        // Open cards re-read their stamps (the client only broadcasts once started).
        const channel = openStampChannel(slug, () => {});
        channel.post({ type: 'stamps-changed', campaignSlug: slug, reason: 'synced' });
        channel.close();
      }
      const { status, error } = client.state;
      if (status !== 'idle') failed.push(`${slug}: ${error?.code ?? status}`);
    }
    if (failed.length > 0)
      throw new Error(`background sync left stamps unsent (${failed.join('; ')})`);
  } finally {
    db.close();
  }
}

/** Installs the `sync` handler for the app's tag (registered by the page, src/sync/background-sync.ts). */
export function handleBackgroundSync(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('sync', (event) => {
    const sync = event as SyncEvent;
    if (sync.tag === BACKGROUND_SYNC_TAG) sync.waitUntil(syncPendingCampaigns());
  });
}
