// First-visit transfer: every response the page and its service worker receive over the network,
// counted as encoded body bytes (brotli where the server serves it), by what the bytes are for.
import type { BrowserContext, Request } from 'playwright-core';

export const CATEGORIES = ['app', 'ortWasm', 'model', 'patternSet', 'thumbnails', 'api'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface TransferEntry {
  url: string;
  category: Category;
  /** Encoded body bytes received from the network (0 for HTTP-cache and service-worker hits). */
  bytes: number;
  encoding: string | null;
  bySw: boolean;
}

export function categorize(pathname: string): Category {
  if (pathname.endsWith('.wasm')) return 'ortWasm';
  if (pathname.endsWith('.onnx')) return 'model';
  if (pathname.startsWith('/api/v1/pattern-sets/')) return 'patternSet';
  if (pathname.startsWith('/api/v1/reference-images/')) return 'thumbnails';
  if (pathname.startsWith('/api/')) return 'api';
  // html, js, css, icons, manifest, the service worker script.
  return 'app';
}

async function wireBytes(request: Request): Promise<{ bytes: number; encoding: string | null }> {
  const response = await request.response();
  if (!response || response.fromServiceWorker()) return { bytes: 0, encoding: null };
  const headers = await response.allHeaders();
  const sizes = await request.sizes();
  // Chromium reports the received bytes minus the headers: negative for a cache hit (nothing came).
  let bytes = Math.max(0, sizes.responseBodySize);
  // The service worker's own script is fetched by the browser process, which reports no body size.
  if (bytes === 0 && response.status() === 200 && sizes.responseBodySize === 0) {
    bytes = Number(headers['content-length'] ?? 0);
  }
  return { bytes, encoding: headers['content-encoding'] ?? null };
}

/** Records what `context` downloads from now on (page and service-worker fetches alike). */
export function meterTransfers(context: BrowserContext) {
  const entries: TransferEntry[] = [];
  const pending = new Set<Promise<void>>();
  let lastActivity = Date.now();
  let inFlight = 0;
  let stopped = false;
  const onRequest = () => {
    inFlight++;
    lastActivity = Date.now();
  };
  const settle = (request: Request, finished: boolean) => {
    inFlight--;
    lastActivity = Date.now();
    if (!finished || stopped) return;
    const task = wireBytes(request).then(({ bytes, encoding }) => {
      const url = new URL(request.url());
      entries.push({
        url: url.pathname,
        category: categorize(url.pathname),
        bytes,
        encoding,
        bySw: request.serviceWorker() !== null,
      });
    });
    pending.add(task);
    void task.finally(() => pending.delete(task));
  };
  const onFinished = (r: Request) => settle(r, true);
  const onFailed = (r: Request) => settle(r, false);
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  return {
    entries,
    /** Stops counting (later requests, e.g. the offline reloads, are not the first visit). */
    stop(): void {
      stopped = true;
      context.off('request', onRequest);
      context.off('requestfinished', onFinished);
      context.off('requestfailed', onFailed);
    },
    /** Resolves once nothing has been in flight for `quietMs`. */
    async idle(quietMs = 2_000, timeoutMs = 60_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 || Date.now() - lastActivity < quietMs) {
        if (Date.now() > deadline) throw new Error(`network still busy after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await Promise.all(pending);
    },
  };
}

export function totalsByCategory(entries: readonly TransferEntry[]): Record<Category, number> {
  const totals = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const e of entries) totals[e.category] += e.bytes;
  return totals;
}
