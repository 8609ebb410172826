// The visitor's sync engine for one campaign: registers the device, drains the outbox in batches,
// merges the server card, backs off on failure, and publishes its state to the UI.
import { MAX_EVENTS_PER_BATCH } from '../shared/sync.schema.js';
import {
  forgetToken,
  getDevice,
  getOrCreateDevice,
  saveRegistration,
} from '../storage/device.store.js';
import { getLastSyncAt, setLastSyncAt } from '../storage/meta.store.js';
import type { StampDb, StampRecord } from '../storage/stamp-db.js';
import { addStamp, listStamps } from '../storage/stamps.store.js';
import type { AddStampResult, NewStamp } from '../storage/stamps.store.js';
import { requestBackgroundSync } from './background-sync.js';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff.js';
import type { BackoffPolicy } from './backoff.js';
import { pendingCount, pendingEvents } from './outbox.js';
import { openStampChannel } from './stamp-channel.js';
import type { StampChannel, StampChange } from './stamp-channel.js';
import { applySyncResponse, rekeyStamps } from './stamp-merge.js';
import { defaultLockManager, withSyncLock } from './sync-lock.js';
import type { LockManagerLike } from './sync-lock.js';
import { describeFailure } from './sync-failure.js';
import { SyncHttpError, SyncNetworkError, postSync, registerVisitor } from './visitor-api.js';
import type { VisitorApiOptions } from './visitor-api.js';

export type SyncStatus = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncState {
  status: SyncStatus;
  /** Stamps waiting to reach the server. */
  pending: number;
  lastSyncAt: string | null;
  registered: boolean;
  /** Why the last attempt failed (status 'error' or 'offline'). */
  error: { code: string; message: string } | null;
  /** When the retry loop tries next (epoch ms), null when nothing is scheduled. */
  nextAttemptAt: number | null;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SyncClientOptions {
  db: StampDb;
  campaignSlug: string;
  api?: VisitorApiOptions;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** undefined → navigator.locks when present; null forces the in-page fallback. */
  locks?: LockManagerLike | null;
  timers?: Timers;
  /** Where 'online' is heard (window). */
  events?: EventTarget;
  isOnline?: () => boolean;
}

/** Re-registrations allowed within one run before giving up to the backoff loop. */
const MAX_REREGISTRATIONS = 2;
const MAX_ROUNDS = 1000;

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const syncLockName = (slug: string) => `stamp-rally-sync:${slug}`;

/** Events: 'state' (read `.state`), 'stamps' (this or another tab changed the stamps: re-read). */
export class SyncClient extends EventTarget {
  readonly #o: Required<Omit<SyncClientOptions, 'api' | 'locks'>> & {
    api: VisitorApiOptions;
    locks: LockManagerLike | null;
  };
  #state: SyncState = {
    status: 'idle',
    pending: 0,
    lastSyncAt: null,
    registered: false,
    error: null,
    nextAttemptAt: null,
  };
  #running: Promise<void> | null = null;
  #again = false;
  #attempt = 0;
  /** Epoch ms before which no request may go out (the server's Retry-After). */
  #notBefore = 0;
  #timer: unknown = null;
  #channel: StampChannel | null = null;
  #started = false;
  readonly #onOnline = () => void this.sync();

  constructor(options: SyncClientOptions) {
    super();
    this.#o = {
      api: {},
      backoff: DEFAULT_BACKOFF,
      random: Math.random,
      timers: defaultTimers,
      events: globalThis,
      isOnline: () => globalThis.navigator?.onLine ?? true,
      ...options,
      locks: options.locks === undefined ? defaultLockManager() : options.locks,
    };
  }

  get state(): SyncState {
    return this.#state;
  }

  /** App start: sync now, again when the network returns, and hear other tabs. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#o.events.addEventListener('online', this.#onOnline);
    this.#channel = openStampChannel(this.#o.campaignSlug, (change) => this.#onRemote(change));
    void this.sync();
  }

  stop(): void {
    this.#started = false;
    this.#o.events.removeEventListener('online', this.#onOnline);
    this.#channel?.close();
    this.#channel = null;
    this.#cancelTimer();
  }

  /**
   * Commits a scanned stamp (resolved only once it is durable; a StorageError rejects), then tells
   * other tabs and starts a sync in the background — the visitor never waits for the network.
   */
  async recordStamp(input: Omit<NewStamp, 'campaignSlug'>): Promise<AddStampResult> {
    const result = await addStamp(this.#o.db, { ...input, campaignSlug: this.#o.campaignSlug });
    if (result.created) {
      this.#broadcast('added');
      this.dispatchEvent(new Event('stamps'));
      void requestBackgroundSync();
      // The stamp is durable already; this read only updates the pending count the card shows.
      await this.#refreshState().catch(() => undefined);
      void this.sync();
    }
    return result;
  }

  stamps(): Promise<StampRecord[]> {
    return listStamps(this.#o.db, this.#o.campaignSlug);
  }

  /** Resolves when the sync in progress (if any) and its follow-ups have finished. */
  settled(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  /** Syncs now; calls while a sync runs are folded into one more run after it. */
  sync(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    // Rate-limited: the retry timer already waits for Retry-After; an early trigger must not jump it.
    if (Date.now() < this.#notBefore && this.#timer !== null) return Promise.resolve();
    this.#cancelTimer();
    this.#running = (async () => {
      try {
        let ok = true;
        do {
          this.#again = false;
          ok = await this.#runOnce();
          // After a failure the backoff timer decides when to try again, not a queued trigger.
        } while (this.#again && ok);
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  /** One attempt; failures become state and a scheduled retry. Returns whether it succeeded. */
  async #runOnce(): Promise<boolean> {
    try {
      if (!this.#o.isOnline()) throw new SyncNetworkError('navigator.onLine is false');
      this.#setState({ status: 'syncing' });
      await withSyncLock(syncLockName(this.#o.campaignSlug), () => this.#drain(), this.#o.locks);
      this.#attempt = 0;
      await this.#refreshState({ status: 'idle', error: null, nextAttemptAt: null });
      return true;
    } catch (error) {
      // A storage failure here is already on storageHealth (guardStorage); the sync error wins.
      await this.#refreshState().catch(() => undefined);
      this.#fail(error);
      return false;
    }
  }

  /** Runs under the sync lock: register if needed, then send batches until the outbox is empty. */
  async #drain(): Promise<void> {
    const { db, campaignSlug: slug, api } = this.#o;
    let reregistrations = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const token = await this.#ensureRegistered();
      const events = await pendingEvents(db, slug, MAX_EVENTS_PER_BATCH);
      // The first round runs even with nothing to send: it fetches the server's card.
      if (round > 0 && events.length === 0) return;
      let response;
      try {
        response = await postSync(slug, token, events, api);
      } catch (error) {
        if (error instanceof SyncHttpError && error.status === 401) {
          if (++reregistrations > MAX_REREGISTRATIONS) throw error;
          await forgetToken(db, slug, token);
          continue;
        }
        throw error;
      }
      const changed = await applySyncResponse(db, slug, response);
      // Rejected as id_conflict: the id was filed under an earlier registration; resend as new.
      const rekeyed = await rekeyStamps(db, slug, false);
      await setLastSyncAt(db, slug, response.serverTime);
      if (changed || rekeyed > 0) {
        this.#broadcast('synced');
        this.dispatchEvent(new Event('stamps'));
      }
      const sent = new Set(events.map((e) => e.id));
      const left = await pendingEvents(db, slug, MAX_EVENTS_PER_BATCH);
      if (left.some((e) => sent.has(e.id))) {
        throw new SyncHttpError(502, 'unacked', 'The server did not acknowledge every stamp', null);
      }
      await this.#refreshState();
    }
  }

  /** The token to sync with, registering the device first when there is none. */
  async #ensureRegistered(): Promise<string> {
    const { db, campaignSlug: slug, api } = this.#o;
    const device = await getOrCreateDevice(db, slug);
    if (device.token) return device.token;
    const registration = await registerVisitor(slug, device.publicKeySpki, api);
    const saved = await saveRegistration(db, slug, registration);
    // A new visitor id (the server forgot the old token): resend every stamp under fresh ids.
    if (device.visitorId !== null && device.visitorId !== saved.visitorId) {
      await rekeyStamps(db, slug, true);
    }
    this.#setState({ registered: true });
    return saved.token!;
  }

  #fail(error: unknown): void {
    const failure = describeFailure(error);
    const { retryAfterMs } = failure;
    const delay = backoffDelay(this.#attempt, this.#o.backoff, this.#o.random, retryAfterMs);
    this.#attempt += 1;
    this.#notBefore = retryAfterMs === null ? 0 : Date.now() + retryAfterMs;
    this.#setState({
      status: failure.status,
      error: { code: failure.code, message: failure.message },
      nextAttemptAt: Date.now() + delay,
    });
    if (this.#started) {
      this.#cancelTimer();
      this.#timer = this.#o.timers.set(() => {
        this.#timer = null;
        void this.sync();
      }, delay);
    }
    if (failure.status === 'offline') void requestBackgroundSync();
    this.dispatchEvent(new CustomEvent('retry', { detail: { delay, error } }));
  }

  #onRemote(change: StampChange): void {
    this.dispatchEvent(new Event('stamps'));
    if (change.reason === 'added') void this.sync();
    else void this.#refreshState().catch((error: unknown) => this.#fail(error));
  }

  #broadcast(reason: StampChange['reason']): void {
    this.#channel?.post({ type: 'stamps-changed', campaignSlug: this.#o.campaignSlug, reason });
  }

  #cancelTimer(): void {
    if (this.#timer !== null) this.#o.timers.clear(this.#timer);
    this.#timer = null;
  }

  async #refreshState(patch: Partial<SyncState> = {}): Promise<void> {
    const { db, campaignSlug: slug } = this.#o;
    const [pending, lastSyncAt, device] = await Promise.all([
      pendingCount(db, slug),
      getLastSyncAt(db, slug),
      getDevice(db, slug),
    ]);
    const registered = Boolean(device?.token);
    this.#setState({ pending, lastSyncAt: lastSyncAt ?? null, registered, ...patch });
  }

  #setState(patch: Partial<SyncState>): void {
    this.#state = { ...this.#state, ...patch };
    this.dispatchEvent(new Event('state'));
  }
}
