// Pure, deterministic merge of local stamps with what the server said (acks and card). Every fact
// only moves a stamp up a lattice (pending < rejected < synced; times take the minimum), so applying
// the same local stamps and server replies in any order, any number of times, gives the same card.
import type { StampRecord, StampStatus } from '../storage/stamp-db.js';
import type { ServerStamp, StampAck } from '../shared/sync.schema.js';

/** What one sync response taught us. */
export interface ServerFacts {
  serverTime: string;
  acks: readonly StampAck[];
  card: readonly ServerStamp[];
}

const STATUS_RANK: Record<StampStatus, number> = { pending: 0, rejected: 1, synced: 2 };

function minOf<T extends string>(a: T | null, b: T | null): T | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
}

function payloadKey(s: StampRecord): string {
  return JSON.stringify([s.capturedAt, s.boothId, s.patternSetId, s.evidence]);
}

/** Joins two versions of the same stamp id (commutative, associative, idempotent). */
export function joinStamp(a: StampRecord, b: StampRecord): StampRecord {
  // The event payload comes from a local version when there is one (the server card lacks evidence).
  const aLocal = a.origin === 'local';
  const bLocal = b.origin === 'local';
  let base: StampRecord;
  if (aLocal !== bLocal) base = aLocal ? a : b;
  else base = payloadKey(a) <= payloadKey(b) ? a : b;
  const status = STATUS_RANK[a.status] >= STATUS_RANK[b.status] ? a.status : b.status;
  return {
    ...base,
    status,
    rejectReason: status === 'rejected' ? minOf(a.rejectReason, b.rejectReason) : null,
    syncedAt: minOf(a.syncedAt, b.syncedAt),
    serverHeld: a.serverHeld || b.serverHeld,
    receivedAt: minOf(a.receivedAt, b.receivedAt),
    supersededBy: null,
    previousIds: [...new Set([...a.previousIds, ...b.previousIds])].sort(),
  };
}

function serverStampRecord(campaignSlug: string, s: ServerStamp, serverTime: string): StampRecord {
  return {
    id: s.id,
    campaignSlug,
    boothId: s.boothId,
    capturedAt: s.capturedAt,
    patternSetId: null,
    evidence: null,
    origin: 'server',
    status: 'synced',
    rejectReason: null,
    syncedAt: serverTime,
    serverHeld: true,
    receivedAt: s.receivedAt,
    supersededBy: null,
    previousIds: [],
  };
}

/** What an ack says about a stamp, as a record to join with it. */
function applyAck(stamp: StampRecord, ack: StampAck, serverTime: string): StampRecord {
  if (ack.status === 'rejected') {
    return joinStamp(stamp, { ...stamp, status: 'rejected', rejectReason: ack.reason });
  }
  // 'duplicate' may mean the server holds another id for this booth: synced, but not serverHeld.
  return joinStamp(stamp, {
    ...stamp,
    status: 'synced',
    syncedAt: serverTime,
    serverHeld: ack.status === 'accepted',
  });
}

/**
 * Which stamp counts for a booth: one the server holds, else the earliest captured, then the lowest
 * id. Rejected stamps never count. The others are marked superseded (kept, not sent).
 */
function winnerOf(stamps: readonly StampRecord[]): StampRecord | undefined {
  let best: StampRecord | undefined;
  for (const s of stamps) {
    if (s.status === 'rejected') continue;
    if (!best) best = s;
    else if (s.serverHeld !== best.serverHeld) best = s.serverHeld ? s : best;
    else if (timeOf(s.capturedAt) !== timeOf(best.capturedAt)) {
      best = timeOf(s.capturedAt) < timeOf(best.capturedAt) ? s : best;
    } else if (s.id < best.id) best = s;
  }
  return best;
}

/**
 * Merges the local stamps of one campaign with a server reply (or just normalises them when server is
 * null). Never drops a local stamp; adds server stamps missing locally as synced; one stamp per booth
 * counts. Output is sorted by booth then id.
 */
export function reconcile(
  campaignSlug: string,
  local: readonly StampRecord[],
  server: ServerFacts | null,
): StampRecord[] {
  const byId = new Map<string, StampRecord>();
  const add = (s: StampRecord) => {
    const known = byId.get(s.id);
    byId.set(s.id, known ? joinStamp(known, s) : { ...s, supersededBy: null });
  };
  for (const s of local) add(s);
  if (server) {
    for (const s of server.card) add(serverStampRecord(campaignSlug, s, server.serverTime));
    for (const ack of server.acks) {
      const known = byId.get(ack.id);
      // An ack for an id we do not have carries no booth; the card lists it if the server kept it.
      if (known) byId.set(ack.id, applyAck(known, ack, server.serverTime));
    }
  }
  const byBooth = new Map<string, StampRecord[]>();
  for (const s of byId.values()) {
    const group = byBooth.get(s.boothId) ?? [];
    group.push(s);
    byBooth.set(s.boothId, group);
  }
  const result: StampRecord[] = [];
  for (const group of byBooth.values()) {
    const winner = winnerOf(group);
    for (const s of group) {
      const supersededBy = winner && s !== winner && s.status !== 'rejected' ? winner.id : null;
      result.push({ ...s, supersededBy });
    }
  }
  return result.sort((a, b) =>
    a.boothId !== b.boothId ? (a.boothId < b.boothId ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
}

/** The stamps that count, one per booth (what the card shows as collected). */
export function collectedStamps(stamps: readonly StampRecord[]): StampRecord[] {
  return stamps.filter((s) => s.status !== 'rejected' && s.supersededBy === null);
}
