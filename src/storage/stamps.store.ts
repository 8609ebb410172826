// The stamps store: committing a collected stamp (one live stamp per booth, atomically) and reading
// or transactionally rewriting a campaign's stamps.
import { stampEventSchema } from '../shared/sync.schema.js';
import type { MatchEvidence, StampEvent } from '../shared/sync.schema.js';
import type { StampDb, StampRecord } from './stamp-db.js';
import { guardStorage } from './storage-error.js';

export interface NewStamp {
  campaignSlug: string;
  boothId: string;
  patternSetId: string;
  evidence: MatchEvidence;
  /** Defaults to now. */
  capturedAt?: string;
  /** Defaults to a fresh UUID. */
  id?: string;
}

export interface AddStampResult {
  /** The stamp that counts for this booth: the new one, or the one collected before. */
  stamp: StampRecord;
  /** false when the booth was already collected (show "already stamped", not the celebration). */
  created: boolean;
}

/** A stamp counts unless the server refused it; refused ones stay as history. */
export function isLive(stamp: StampRecord): boolean {
  return stamp.status !== 'rejected';
}

/** The stamp event to send for a record (null for stamps that only came from the server). */
export function toStampEvent(stamp: StampRecord): StampEvent | null {
  if (stamp.patternSetId === null || stamp.evidence === null) return null;
  return {
    id: stamp.id,
    boothId: stamp.boothId,
    patternSetId: stamp.patternSetId,
    capturedAt: stamp.capturedAt,
    evidence: stamp.evidence,
  };
}

export function newPendingStamp(input: NewStamp): StampRecord {
  const record: StampRecord = {
    id: input.id ?? crypto.randomUUID(),
    campaignSlug: input.campaignSlug,
    boothId: input.boothId,
    capturedAt: input.capturedAt ?? new Date().toISOString(),
    patternSetId: input.patternSetId,
    evidence: input.evidence,
    origin: 'local',
    status: 'pending',
    rejectReason: null,
    syncedAt: null,
    serverHeld: false,
    receivedAt: null,
    supersededBy: null,
    previousIds: [],
  };
  // Refuse here what the server would answer 400 to: such an event would block the outbox forever.
  stampEventSchema.parse(toStampEvent(record));
  return record;
}

/**
 * Commits a stamp and resolves only after the transaction completed (durable before the caller may
 * celebrate). Check and write happen in one readwrite transaction, which IndexedDB serialises across
 * tabs and connections, so two concurrent scans of one booth can never yield two live stamps.
 */
export async function addStamp(db: StampDb, input: NewStamp): Promise<AddStampResult> {
  const record = newPendingStamp(input);
  return guardStorage(
    'save stamp',
    async () => {
      const tx = db.transaction('stamps', 'readwrite');
      const index = tx.store.index('by-campaign-booth');
      const existing = (await index.getAll([record.campaignSlug, record.boothId])).filter(isLive);
      let result: AddStampResult;
      if (existing.length > 0) {
        const counting = existing.find((s) => s.supersededBy === null) ?? existing[0]!;
        result = { stamp: counting, created: false };
      } else {
        await tx.store.put(record);
        result = { stamp: record, created: true };
      }
      await tx.done;
      return result;
    },
    { write: true },
  );
}

/** All stamps of a campaign, by booth then id. */
export function listStamps(db: StampDb, campaignSlug: string): Promise<StampRecord[]> {
  return guardStorage('read stamps', async () => {
    const all = await db.getAllFromIndex('stamps', 'by-campaign', campaignSlug);
    return all.sort(compareStamps);
  });
}

/** Stamps still to send: pending, and not shadowed by another stamp of the same booth. */
export function isOutboxStamp(stamp: StampRecord): boolean {
  return stamp.status === 'pending' && stamp.supersededBy === null && toStampEvent(stamp) !== null;
}

export function compareStamps(a: StampRecord, b: StampRecord): number {
  if (a.boothId !== b.boothId) return a.boothId < b.boothId ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Rewrites a campaign's stamps in one readwrite transaction: `change` gets the current records and
 * returns the new full set (it must be synchronous — the transaction would auto-commit across an
 * await). Records missing from the result are deleted, so only re-keying may drop an id.
 */
export function updateCampaignStamps(
  db: StampDb,
  campaignSlug: string,
  change: (current: StampRecord[]) => StampRecord[],
): Promise<{ before: StampRecord[]; after: StampRecord[]; changed: boolean }> {
  return guardStorage(
    'update stamps',
    async () => {
      const tx = db.transaction('stamps', 'readwrite');
      const before = (await tx.store.index('by-campaign').getAll(campaignSlug)).sort(compareStamps);
      const after = change(before).sort(compareStamps);
      const old = new Map(before.map((s) => [s.id, JSON.stringify(s)]));
      const writes: Promise<unknown>[] = [];
      for (const stamp of after) {
        if (stamp.campaignSlug !== campaignSlug) throw new Error('stamp of another campaign');
        if (old.get(stamp.id) !== JSON.stringify(stamp)) writes.push(tx.store.put(stamp));
        old.delete(stamp.id);
      }
      for (const id of old.keys()) writes.push(tx.store.delete(id));
      await Promise.all(writes);
      await tx.done;
      return { before, after, changed: writes.length > 0 };
    },
    { write: true },
  );
}
