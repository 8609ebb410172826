// The visitor's session for one campaign (no UI): opens the stamp database, shows the cached card
// first, refreshes config + pattern set in the background as one pair, runs the sync client and
// commits scanned stamps. The page renders its `state`; 'change' says when to re-read it.
import { msg } from '@lit/localize';
import type { PublicCampaign } from '../../../shared/campaign.schema.js';
import { getCampaignBundle, saveCampaignBundle } from '../../../storage/campaign-cache.store.js';
import type { CampaignBundle } from '../../../storage/campaign-cache.store.js';
import { ensurePersistentStorage } from '../../../storage/persistence.js';
import type { PersistenceState } from '../../../storage/persistence.js';
import { openStampDb } from '../../../storage/stamp-db.js';
import type { StampDb, StampRecord } from '../../../storage/stamp-db.js';
import { StorageError, storageHealth } from '../../../storage/storage-error.js';
import { collectedStamps } from '../../../sync/reconcile.js';
import { SyncClient } from '../../../sync/sync-client.js';
import type { SyncClientOptions, SyncState } from '../../../sync/sync-client.js';
import { ApiError, NetworkError } from '../../api.js';
import type { CommitOutcome, ScanDetection } from './scan/scan-contract.js';
import {
  ArtifactMismatchError,
  ArtifactUnavailableError,
  downloadBundle,
} from './campaign-download.js';

export type SessionLoad = 'loading' | 'ready' | 'not-found' | 'offline' | 'error';
/** Why the last background refresh did not apply a new pair (the card keeps what it had). */
export type RefreshProblem = 'offline' | 'mismatch' | 'error';

export interface VisitorSessionState {
  load: SessionLoad;
  /** What the card shows: the applied pair's config, or a fresh config whose set is still missing. */
  campaign: PublicCampaign | null;
  /** The applied config + pattern set; scanning uses only this. */
  bundle: CampaignBundle | null;
  /** The card came from this phone's copy and no fresh config has been applied yet. */
  fromCache: boolean;
  refreshing: boolean;
  refreshProblem: RefreshProblem | null;
  /** The stamps that count, one per booth at most. */
  stamps: StampRecord[];
  sync: SyncState | null;
  storageError: StorageError | null;
  persistence: PersistenceState | null;
}

export interface VisitorSessionOptions {
  slug: string;
  /** Tests use a throw-away database. */
  dbName?: string;
  /** Passed to the SyncClient (fake API, timers, connectivity in tests). */
  sync?: Partial<Omit<SyncClientOptions, 'db' | 'campaignSlug'>>;
}

/** A phone resuming the app after this long refreshes config and set, as a fresh start would. */
const STALE_AFTER_MS = 5 * 60 * 1000;

export class VisitorSession extends EventTarget {
  readonly slug: string;
  #state: VisitorSessionState = {
    load: 'loading',
    campaign: null,
    bundle: null,
    fromCache: false,
    refreshing: false,
    refreshProblem: null,
    stamps: [],
    sync: null,
    storageError: storageHealth.error,
    persistence: null,
  };
  readonly #options: VisitorSessionOptions;
  #db: StampDb | null = null;
  #sync: SyncClient | null = null;
  #abort = new AbortController();
  #refreshing: Promise<void> | null = null;
  #started = false;
  #refreshedAt = 0;
  readonly #events: EventTarget;

  constructor(options: VisitorSessionOptions) {
    super();
    this.slug = options.slug;
    this.#options = options;
    this.#events = options.sync?.events ?? globalThis;
  }

  get state(): VisitorSessionState {
    return this.#state;
  }

  /** Shows the cached card, then refreshes from the network; resolves once that first refresh ends. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    this.#abort = new AbortController();
    storageHealth.addEventListener('change', this.#onHealth);
    this.#events.addEventListener('online', this.#onOnline);
    globalThis.document?.addEventListener('visibilitychange', this.#onVisible);
    try {
      this.#db = await openStampDb(this.#options.dbName ? { name: this.#options.dbName } : {});
    } catch {
      // Reported on storageHealth: the card can still be shown from the network, without stamps.
    }
    if (!this.#started) return this.#closeDb();
    const db = this.#db;
    if (db) {
      const cached = await getCampaignBundle(db, this.slug).catch(() => undefined);
      if (cached && this.#started && !this.#state.bundle) {
        const bundle = { campaign: cached.campaign, patternSet: cached.patternSet };
        this.#set({ load: 'ready', campaign: cached.campaign, bundle, fromCache: true });
        this.#startSync();
      }
      void ensurePersistentStorage(db)
        .then((persistence) => this.#set({ persistence }))
        .catch(() => undefined);
    }
    await this.refresh();
  }

  stop(): void {
    this.#started = false;
    this.#abort.abort();
    storageHealth.removeEventListener('change', this.#onHealth);
    this.#events.removeEventListener('online', this.#onOnline);
    globalThis.document?.removeEventListener('visibilitychange', this.#onVisible);
    this.#sync?.removeEventListener('state', this.#onSyncState);
    this.#sync?.removeEventListener('stamps', this.#onStamps);
    this.#sync?.stop();
    this.#sync = null;
    this.#closeDb();
  }

  /** Fetches config + pattern set and applies them together; concurrent calls share one run. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#refresh().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }

  /**
   * Commits a recognised booth as a stamp of `patternSetId` (the set the scanner was given). Resolves
   * 'stamped' only once the stamp is durable in IndexedDB; never throws.
   */
  async commit(detection: ScanDetection, patternSetId?: string): Promise<CommitOutcome> {
    const setId = patternSetId ?? this.#state.bundle?.patternSet?.patternSetId;
    const sync = this.#sync;
    if (!sync || !setId) {
      return { kind: 'failed', message: storageMessage(this.#state.storageError) };
    }
    if (!this.#state.campaign?.booths.some((b) => b.id === detection.boothId)) {
      return {
        kind: 'failed',
        message: msg('This poster is not part of this rally.', { id: 'card.error.unknown-booth' }),
      };
    }
    try {
      const { created } = await sync.recordStamp({
        boothId: detection.boothId,
        patternSetId: setId,
        evidence: detection.evidence,
      });
      return { kind: created ? 'stamped' : 'already' };
    } catch (error) {
      return {
        kind: 'failed',
        message: storageMessage(error instanceof StorageError ? error : null),
      };
    }
  }

  /** The scan view's commit callback, bound to the pattern set it was opened with. */
  commitFor(patternSetId: string): (detection: ScanDetection) => Promise<CommitOutcome> {
    return (detection) => this.commit(detection, patternSetId);
  }

  async #refresh(): Promise<void> {
    const signal = this.#abort.signal;
    this.#refreshedAt = Date.now();
    this.#set({ refreshing: true });
    try {
      const bundle = await downloadBundle(this.slug, this.#state.bundle, signal);
      if (signal.aborted) return;
      if (this.#db) {
        // A failed save (quota) is on storageHealth; the pair is still consistent in memory.
        await saveCampaignBundle(this.#db, bundle).catch(() => undefined);
      }
      if (signal.aborted) return;
      this.#set({
        load: 'ready',
        campaign: bundle.campaign,
        bundle,
        fromCache: false,
        refreshProblem: null,
      });
      this.#startSync();
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ArtifactUnavailableError) {
        // Keep the old pair; with none, show the fresh card (scanning waits for its set).
        if (!this.#state.campaign) this.#set({ load: 'ready', campaign: error.campaign });
        this.#set({ refreshProblem: problemOf(error.cause) });
        this.#startSync();
      } else if (this.#state.campaign) {
        this.#set({ refreshProblem: problemOf(error) });
      } else {
        this.#set({ load: loadFailure(error) });
      }
    } finally {
      if (!signal.aborted) this.#set({ refreshing: false });
    }
  }

  /** Starts syncing once the campaign is known to exist (registration retries on its own). */
  #startSync(): void {
    if (this.#sync || !this.#db || !this.#started) return;
    const sync = new SyncClient({ ...this.#options.sync, db: this.#db, campaignSlug: this.slug });
    this.#sync = sync;
    sync.addEventListener('state', this.#onSyncState);
    sync.addEventListener('stamps', this.#onStamps);
    this.#set({ sync: sync.state });
    sync.start();
    this.#onStamps();
  }

  readonly #onSyncState = () => {
    if (this.#sync) this.#set({ sync: this.#sync.state });
  };

  /** This tab or another changed the stamps: re-read them from IndexedDB. */
  readonly #onStamps = () => {
    const sync = this.#sync;
    if (!sync) return;
    void sync
      .stamps()
      .then((all) => {
        if (this.#sync === sync) this.#set({ stamps: collectedStamps(all) });
      })
      .catch(() => undefined);
  };

  readonly #onHealth = () => this.#set({ storageError: storageHealth.error });

  readonly #onOnline = () => {
    if (this.#state.refreshProblem || this.#state.load !== 'ready') void this.refresh();
  };

  readonly #onVisible = () => {
    if (document.visibilityState === 'visible' && Date.now() - this.#refreshedAt > STALE_AFTER_MS) {
      void this.refresh();
    }
  };

  #closeDb(): void {
    this.#db?.close();
    this.#db = null;
  }

  #set(patch: Partial<VisitorSessionState>): void {
    this.#state = { ...this.#state, ...patch };
    this.dispatchEvent(new Event('change'));
  }
}

function storageMessage(error: StorageError | null): string {
  if (error?.kind === 'quota') {
    return msg(
      'Your phone is out of storage space, so the stamp was not saved. Free some space and scan again.',
      {
        id: 'card.error.quota',
      },
    );
  }
  return msg('The stamp could not be saved on this phone. Please scan again.', {
    id: 'card.error.storage',
  });
}

function problemOf(error: unknown): RefreshProblem {
  if (error instanceof ArtifactMismatchError) return 'mismatch';
  if (error instanceof NetworkError) return 'offline';
  return 'error';
}

function loadFailure(error: unknown): SessionLoad {
  if (error instanceof ApiError && error.status === 404) return 'not-found';
  if (error instanceof NetworkError) return navigator.onLine ? 'error' : 'offline';
  return 'error';
}
