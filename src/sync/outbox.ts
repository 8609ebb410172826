// The outbox, derived from the stamps store: a stamp is its own outbox entry while it is pending.
// Why derived and not a second store: a stamp and "it must be sent" are then one record written in
// one transaction, so they can never disagree (a stamp saved but not queued, or queued twice), and an
// ack only has to flip the stamp's status.
import { MAX_EVENTS_PER_BATCH } from '../shared/sync.schema.js';
import type { StampEvent } from '../shared/sync.schema.js';
import type { StampDb } from '../storage/stamp-db.js';
import { isOutboxStamp, listStamps, toStampEvent } from '../storage/stamps.store.js';

/** Up to `limit` events waiting to be sent, oldest capture first. */
export async function pendingEvents(
  db: StampDb,
  campaignSlug: string,
  limit = MAX_EVENTS_PER_BATCH,
): Promise<StampEvent[]> {
  const stamps = (await listStamps(db, campaignSlug)).filter(isOutboxStamp);
  stamps.sort((a, b) => (a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : 0));
  return stamps.slice(0, limit).map((s) => toStampEvent(s)!);
}

export async function pendingCount(db: StampDb, campaignSlug: string): Promise<number> {
  return (await listStamps(db, campaignSlug)).filter(isOutboxStamp).length;
}
