// "Ready offline": on the first visit, downloads everything a rally needs besides the app shell (the
// descriptor model, the ORT wasm, the pattern set, booth thumbnails) with progress, and remembers per
// campaign version that it did, so a later visit says "ready" at once and a new set downloads again.
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import type { PublicCampaign } from '../../../shared/campaign.schema.js';
import { descriptorModelUrl } from '../../../recognition/client/model-url.js';

export type AssetKind = 'model' | 'wasm' | 'pattern-set' | 'thumbnail';
export interface ReadinessAsset {
  kind: AssetKind;
  url: string;
}

export type ReadinessState =
  | { kind: 'idle' }
  | { kind: 'downloading'; done: number; total: number; fraction: number }
  | { kind: 'ready' }
  | { kind: 'failed'; offline: boolean };

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export interface OfflineReadinessOptions {
  slug: string;
  fetch?: typeof fetch;
  /** Where the "ready" fact is kept (localStorage: readable synchronously, before any await). */
  store?: KeyValueStore | null;
  /** Resolves once responses will pass through the service worker (so it caches them). */
  untilWorkerControls?: () => Promise<void>;
  /** Whether an asset is still cached; undefined → trust the remembered fact. */
  isCached?: (url: string) => Promise<boolean>;
  concurrency?: number;
  events?: EventTarget;
}

const STORE_PREFIX = 'stamp-rally.offline-ready:';

/** What a rally needs offline; same order every time so the version key is stable. */
export function readinessAssets(campaign: PublicCampaign): ReadinessAsset[] {
  const assets: ReadinessAsset[] = [
    { kind: 'model', url: descriptorModelUrl },
    { kind: 'wasm', url: ortWasmUrl },
  ];
  if (campaign.patternSet)
    assets.push({ kind: 'pattern-set', url: campaign.patternSet.artifactUrl });
  const thumbs = campaign.booths
    .map((b) => b.thumbnailUrl)
    .filter((url): url is string => url !== null && !url.startsWith('data:'));
  for (const url of [...new Set(thumbs)].sort()) assets.push({ kind: 'thumbnail', url });
  return assets;
}

/** Names the campaign version: hashed asset URLs change whenever their bytes do. */
export function readinessKey(campaign: PublicCampaign, assets: readonly ReadinessAsset[]): string {
  const set = campaign.patternSet
    ? `${campaign.patternSet.id}:${campaign.patternSet.contentHash}`
    : '-';
  return [set, ...assets.map((a) => a.url)].join('\n');
}

function defaultStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * In a production build the page registers the service worker; on the first visit it controls the
 * page only after activating, and responses fetched before that would not reach its caches. Dev
 * builds and tests have no worker, and waiting would never end.
 */
async function untilServiceWorkerControls(): Promise<void> {
  const container = globalThis.navigator?.serviceWorker;
  if (!import.meta.env.PROD || !container) return;
  const timeout = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  await Promise.race([container.ready, timeout(15_000)]);
  if (container.controller) return;
  await Promise.race([
    new Promise<void>((resolve) =>
      container.addEventListener('controllerchange', () => resolve(), { once: true }),
    ),
    timeout(5_000),
  ]);
}

async function inCacheStorage(url: string): Promise<boolean> {
  if (!globalThis.navigator?.serviceWorker?.controller || typeof caches === 'undefined')
    return true;
  return (await caches.match(new URL(url, location.href).href)) !== undefined;
}

export class OfflineReadiness extends EventTarget {
  #state: ReadinessState = { kind: 'idle' };
  readonly #o: Required<Omit<OfflineReadinessOptions, 'store'>> & { store: KeyValueStore | null };
  #campaign: PublicCampaign | null = null;
  #run: Promise<void> | null = null;
  #key = '';
  /** Bumped per run: a superseded or failed run must neither report nor keep downloading. */
  #generation = 0;

  constructor(options: OfflineReadinessOptions) {
    super();
    this.#o = {
      fetch: (input, init) => globalThis.fetch(input, init),
      untilWorkerControls: untilServiceWorkerControls,
      isCached: inCacheStorage,
      concurrency: 3,
      events: globalThis,
      ...options,
      store: options.store === undefined ? defaultStore() : options.store,
    };
  }

  get state(): ReadinessState {
    return this.#state;
  }

  /** Makes `campaign`'s version ready offline (a no-op when it is, or while it is being made so). */
  ensure(campaign: PublicCampaign): Promise<void> {
    const assets = readinessAssets(campaign);
    const key = readinessKey(campaign, assets);
    if (this.#run && key === this.#key) return this.#run;
    this.#campaign = campaign;
    this.#key = key;
    const run = this.#ensure(key, assets).finally(() => {
      if (this.#run === run) this.#run = null;
    });
    this.#run = run;
    return run;
  }

  /** Tries again after a failure (the Retry button; also on the 'online' event). */
  retry(): Promise<void> {
    return this.#campaign ? this.ensure(this.#campaign) : Promise.resolve();
  }

  dispose(): void {
    this.#o.events.removeEventListener('online', this.#onOnline);
  }

  async #ensure(key: string, assets: readonly ReadinessAsset[]): Promise<void> {
    const generation = ++this.#generation;
    const current = () => this.#generation === generation;
    const storeKey = STORE_PREFIX + (this.#campaign?.slug ?? '');
    if (this.#o.store?.getItem(storeKey) === key) {
      this.#set({ kind: 'ready' });
      // The browser may have evicted caches since: check quietly, download again only if so.
      const cached = await Promise.all(
        assets.map((a) => this.#o.isCached(a.url).catch(() => false)),
      );
      if (cached.every(Boolean) || !current()) return;
    }
    const total = assets.length;
    const progress = new Array<number>(total).fill(0);
    let done = 0;
    const report = () => {
      if (!current()) return;
      const fraction = progress.reduce((a, b) => a + b, 0) / Math.max(total, 1);
      this.#set({ kind: 'downloading', done, total, fraction });
    };
    report();
    try {
      await this.#o.untilWorkerControls();
      let next = 0;
      const worker = async () => {
        while (next < total && current()) {
          const index = next++;
          await this.#download(assets[index]!.url, current, (f) => {
            progress[index] = f;
            report();
          });
          progress[index] = 1;
          done += 1;
          report();
        }
      };
      await Promise.all(Array.from({ length: Math.min(this.#o.concurrency, total) }, worker));
    } catch {
      if (!current()) return;
      // Stops the sibling downloads of this run (they check `current`).
      this.#generation += 1;
      const offline = globalThis.navigator?.onLine === false;
      this.#set({ kind: 'failed', offline });
      // Without a network there is nothing to retry now; the 'online' event resumes it.
      this.#o.events.removeEventListener('online', this.#onOnline);
      this.#o.events.addEventListener('online', this.#onOnline, { once: true });
      return;
    }
    if (!current()) return;
    try {
      this.#o.store?.setItem(storeKey, key);
    } catch {
      // Not remembered: the next visit checks again, which costs only cache reads.
    }
    this.#set({ kind: 'ready' });
  }

  /** Fetches one asset to the end (that is what fills the caches), reporting the fraction read. */
  async #download(
    url: string,
    current: () => boolean,
    onProgress: (fraction: number) => void,
  ): Promise<void> {
    const response = await this.#o.fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length')) || 0;
    if (!response.body || length === 0) {
      await response.arrayBuffer();
      return;
    }
    const reader = response.body.getReader();
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!current()) {
        await reader.cancel();
        return;
      }
      read += value.byteLength;
      // Content-Length counts compressed bytes and the stream yields decoded ones: cap below 1.
      onProgress(Math.min(read / length, 0.99));
    }
  }

  readonly #onOnline = () => void this.retry();

  #set(state: ReadinessState): void {
    this.#state = state;
    this.dispatchEvent(new Event('change'));
  }
}
