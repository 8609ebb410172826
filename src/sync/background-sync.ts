// Asks the service worker to sync when connectivity returns (Background Sync), where the browser has it.

/** The tag the service worker listens for in its `sync` event; it then syncs every campaign's outbox. */
export const BACKGROUND_SYNC_TAG = 'stamp-rally-sync';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/**
 * Registers the sync tag; returns whether it did. Failing is fine — the page's own online/retry loop
 * still syncs — so errors only turn into `false`.
 */
export async function requestBackgroundSync(): Promise<boolean> {
  try {
    const registration = await globalThis.navigator?.serviceWorker?.getRegistration();
    const sync = (registration as { sync?: SyncManagerLike } | undefined)?.sync;
    if (!sync) return false;
    await sync.register(BACKGROUND_SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}
