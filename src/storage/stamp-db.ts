// The IndexedDB schema of the visitor app (typed with idb), its stepwise upgrades and how it is opened.
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { PublicCampaign } from '../shared/campaign.schema.js';
import type { PatternSetArtifact } from '../shared/pattern-set.schema.js';
import type { MatchEvidence, StampRejectReason } from '../shared/sync.schema.js';
import { StorageError, guardStorage, storageHealth } from './storage-error.js';

export const DB_NAME = 'stamp-rally';
/** Bump together with a new `if (oldVersion < N)` step in upgradeStampDb. */
export const DB_VERSION = 1;

export type StampStatus = 'pending' | 'synced' | 'rejected';

/** One collected stamp. Records are never deleted except when re-keyed (see stamps.store.ts). */
export interface StampRecord {
  /** Client-generated UUID, the idempotency key the server dedupes on. */
  id: string;
  campaignSlug: string;
  boothId: string;
  capturedAt: string;
  /** null for stamps learned only from the server card (no local event to resend). */
  patternSetId: string | null;
  evidence: MatchEvidence | null;
  origin: 'local' | 'server';
  status: StampStatus;
  rejectReason: StampRejectReason | null;
  /** Server time of the first response that confirmed the stamp. */
  syncedAt: string | null;
  /** True once the server said it stores this very id (accepted, or listed on the card). */
  serverHeld: boolean;
  /** When the server received it, from the card. */
  receivedAt: string | null;
  /** Set when another stamp of the same booth is the one that counts (derived by reconcile). */
  supersededBy: string | null;
  /** Ids this stamp had before it was re-keyed for a new visitor registration. */
  previousIds: string[];
}

/** The device's identity for one campaign: its own key pair (campaigns cannot link visitors). */
export interface DeviceRecord {
  campaignSlug: string;
  /** Non-extractable: it never leaves this browser. */
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** base64url SPKI, what the registration endpoint takes. */
  publicKeySpki: string;
  createdAt: string;
  visitorId: string | null;
  token: string | null;
  registeredAt: string | null;
  /** Visitor ids this device had before (the server forgot a token); stamps were re-keyed then. */
  previousVisitorIds: string[];
}

/** Campaign config and its pattern set, stored as one record so they are replaced together. */
export interface CampaignCacheRecord {
  slug: string;
  campaign: PublicCampaign;
  patternSet: PatternSetArtifact | null;
  savedAt: string;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface StampRallyDB extends DBSchema {
  stamps: {
    key: string;
    value: StampRecord;
    indexes: { 'by-campaign': string; 'by-campaign-booth': [string, string] };
  };
  device: { key: string; value: DeviceRecord };
  'campaign-cache': { key: string; value: CampaignCacheRecord };
  meta: { key: string; value: MetaRecord };
}

export type StampDb = IDBPDatabase<StampRallyDB>;

type UpgradeTx = IDBPTransaction<StampRallyDB, StoreNames<StampRallyDB>[], 'versionchange'>;

/**
 * Brings a database from oldVersion to newVersion one step at a time, so a visitor who skipped app
 * versions still passes through every step. Exported for the upgrade tests.
 */
export function upgradeStampDb(
  db: StampDb,
  oldVersion: number,
  newVersion: number,
  _tx: UpgradeTx,
): void {
  if (oldVersion < 1 && newVersion >= 1) {
    const stamps = db.createObjectStore('stamps', { keyPath: 'id' });
    stamps.createIndex('by-campaign', 'campaignSlug');
    // Not unique: a rejected stamp stays beside the booth's next attempt; addStamp enforces one live
    // stamp per booth inside its transaction.
    stamps.createIndex('by-campaign-booth', ['campaignSlug', 'boothId']);
    db.createObjectStore('device', { keyPath: 'campaignSlug' });
    db.createObjectStore('campaign-cache', { keyPath: 'slug' });
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  // Next: if (oldVersion < 2 && newVersion >= 2) { … } — read old records through _tx.
}

export interface OpenStampDbOptions {
  name?: string;
  /** Only tests open an older version, to exercise the upgrade path. */
  version?: number;
}

/** Opens (creating or upgrading) the database; failures come back as StorageError. */
export function openStampDb({
  name = DB_NAME,
  version = DB_VERSION,
}: OpenStampDbOptions = {}): Promise<StampDb> {
  return guardStorage('open database', async () => {
    if (typeof indexedDB === 'undefined') {
      throw new StorageError('unavailable', 'IndexedDB is not available in this browser');
    }
    const db: StampDb = await openDB<StampRallyDB>(name, version, {
      upgrade: (database, oldVersion, newVersion, tx) =>
        upgradeStampDb(database, oldVersion, newVersion ?? version, tx),
      blocked: () =>
        storageHealth.report(
          new StorageError('blocked', 'Close other tabs of this app so it can update its data'),
        ),
      // A newer tab wants to upgrade: step aside, and tell this tab's UI to reload.
      blocking: () => {
        db.close();
        storageHealth.report(
          new StorageError('version', 'A newer version of the app is open; reload this tab'),
        );
      },
      terminated: () =>
        storageHealth.report(
          new StorageError('unavailable', 'The browser closed the app database unexpectedly'),
        ),
    });
    return db;
  });
}
