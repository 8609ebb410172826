// Tells the app's other tabs that a campaign's stamps changed, so their cards re-read IndexedDB.

export interface StampChange {
  type: 'stamps-changed';
  campaignSlug: string;
  /** 'added' prompts the tab holding the sync lock to send it soon. */
  reason: 'added' | 'synced';
}

export const stampChannelName = (slug: string) => `stamp-rally:stamps:${slug}`;

export interface StampChannel {
  post(change: StampChange): void;
  close(): void;
}

/**
 * Opens the campaign's channel; `onChange` hears other tabs (a BroadcastChannel never echoes to the
 * sender). Without BroadcastChannel, other tabs refresh on their next sync or focus instead.
 */
export function openStampChannel(
  slug: string,
  onChange: (change: StampChange) => void,
): StampChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} };
  const channel = new BroadcastChannel(stampChannelName(slug));
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<StampChange> | null;
    if (data?.type === 'stamps-changed' && data.campaignSlug === slug)
      onChange(data as StampChange);
  };
  return { post: (change) => channel.postMessage(change), close: () => channel.close() };
}
