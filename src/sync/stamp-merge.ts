// Writes sync outcomes into the stamps store: a server reply merged through reconcile, and re-keying
// stamps when the device had to register as a new visitor.
import type { SyncResponse } from '../shared/sync.schema.js';
import type { StampDb, StampRecord } from '../storage/stamp-db.js';
import { toStampEvent, updateCampaignStamps } from '../storage/stamps.store.js';
import { reconcile } from './reconcile.js';

/** Merges a sync reply into the campaign's stamps, re-reading them inside the write transaction so
 * a stamp collected while the request was in flight is kept. Returns whether anything changed. */
export async function applySyncResponse(
  db: StampDb,
  campaignSlug: string,
  response: SyncResponse,
): Promise<boolean> {
  const facts = {
    serverTime: response.serverTime,
    acks: response.acks,
    card: response.card.stamps,
  };
  const { changed } = await updateCampaignStamps(db, campaignSlug, (current) =>
    reconcile(campaignSlug, current, facts),
  );
  return changed;
}

/**
 * Whether a stamp must be sent again under a new id: the server filed the old id under a visitor whose
 * token it no longer accepts, and ids are unique server-wide (it would answer id_conflict). Stamps
 * known only from the server card carry no event to resend and stay as they are.
 */
export function needsRekey(stamp: StampRecord, afterNewRegistration: boolean): boolean {
  if (toStampEvent(stamp) === null) return false;
  if (stamp.status === 'rejected') return stamp.rejectReason === 'id_conflict';
  return afterNewRegistration;
}

/** Gives matching stamps fresh ids and pending status; the old id is kept in previousIds. */
export async function rekeyStamps(
  db: StampDb,
  campaignSlug: string,
  afterNewRegistration: boolean,
  newId: () => string = () => crypto.randomUUID(),
): Promise<number> {
  let count = 0;
  await updateCampaignStamps(db, campaignSlug, (current) => {
    count = 0;
    const next = current.map((s): StampRecord => {
      if (!needsRekey(s, afterNewRegistration)) return s;
      count += 1;
      return {
        ...s,
        id: newId(),
        origin: 'local',
        status: 'pending',
        rejectReason: null,
        syncedAt: null,
        serverHeld: false,
        receivedAt: null,
        previousIds: [...s.previousIds, s.id],
      };
    });
    return reconcile(campaignSlug, next, null);
  });
  return count;
}
