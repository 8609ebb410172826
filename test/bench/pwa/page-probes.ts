// What the bench reads inside the page: the stamp card's booth list, readiness for offline use, and
// the scan probe (first camera frame, first stamp committed to IndexedDB) in the page's own clock.
import type { Page } from 'playwright-core';

/**
 * Milliseconds since this document's navigation started when `count` booth cells are on screen (the
 * stamp card's <booth-grid>, found through the app's nested shadow roots).
 */
export async function boothListRenderedAt(page: Page, count: number, timeout = 30_000) {
  const handle = await page.waitForFunction(
    (n) => {
      // No named inner functions: tsx would wrap them in a helper the page does not have.
      const roots: (Document | ShadowRoot)[] = [document];
      let grid: Element | null = null;
      while (!grid && roots.length > 0) {
        const root = roots.shift()!;
        grid = root.querySelector('booth-grid');
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      }
      const cells = grid?.shadowRoot?.querySelectorAll('li').length ?? 0;
      return cells >= n ? performance.now() : false;
    },
    count,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/** The app's own "ready offline" fact (src/app/pages/visitor/offline-readiness.ts). */
export function waitReadyOffline(page: Page, slug: string, timeout = 60_000) {
  return page.waitForFunction(
    (key) => localStorage.getItem(key) !== null,
    `stamp-rally.offline-ready:${slug}`,
    { timeout },
  );
}

export interface ScanProbe {
  firstFrameAt: number | null;
  committedAt: number | null;
  boothId: string | null;
  /** Where the time goes, from the recognition worker's messages (page clock). */
  worker: {
    loadSentAt: number | null;
    loadedAt: number | null;
    firstMatchSentAt: number | null;
    firstRecognisedAt: number | null;
    matches: number;
    /** Sum of the worker-reported match times. */
    matchMs: number;
  };
}

/**
 * Installed before the app's scripts (context.addInitScript): notes when the camera's first frame
 * is presented (a clone of the app's own track, so both see the same frames) and when the first
 * locally collected stamp's IndexedDB transaction completes — the moment the stamp is durable.
 * Serialised into the page: no named inner functions (tsx would wrap them in a missing helper).
 */
export function installScanProbe(): void {
  const probe: ScanProbe = {
    firstFrameAt: null,
    committedAt: null,
    boothId: null,
    worker: {
      loadSentAt: null,
      loadedAt: null,
      firstMatchSentAt: null,
      firstRecognisedAt: null,
      matches: 0,
      matchMs: 0,
    },
  };
  (window as unknown as { __scanProbe: ScanProbe }).__scanProbe = probe;
  const getUserMedia = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = async function (constraints) {
    const stream = await getUserMedia.call(this, constraints);
    const track = stream.getVideoTracks()[0];
    if (track && probe.firstFrameAt === null) {
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = new MediaStream([track.clone()]);
      video.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:2px;opacity:0';
      document.documentElement.append(video);
      video.requestVideoFrameCallback((now, meta) => {
        probe.firstFrameAt ??= Math.min(now, meta.captureTime ?? now);
        for (const t of (video.srcObject as MediaStream).getTracks()) t.stop();
        video.remove();
      });
      void video.play();
    }
    return stream;
  };
  // The recognition worker's traffic (src/recognition/shared/worker-messages.ts).
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const type = (message as { type?: string } | null)?.type;
    const w = probe.worker;
    if (type === 'load') w.loadSentAt ??= performance.now();
    if (type === 'match') w.firstMatchSentAt ??= performance.now();
    const tagged = this as Worker & { __probed?: boolean };
    if (!tagged.__probed) {
      tagged.__probed = true;
      this.addEventListener('message', (event: MessageEvent) => {
        const reply = event.data as { type?: string; ms?: number; result?: { pattern?: unknown } };
        if (reply?.type === 'loaded') w.loadedAt ??= performance.now();
        if (reply?.type === 'matched') {
          w.matches++;
          w.matchMs += reply.ms ?? 0;
          if (reply.result?.pattern) w.firstRecognisedAt ??= performance.now();
        }
      });
    }
    return (post as (...args: unknown[]) => void).call(this, message, ...rest);
  } as typeof Worker.prototype.postMessage;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
    const stamp = value as { origin?: string; status?: string; boothId?: string } | null;
    if (this.name === 'stamps' && stamp?.origin === 'local' && stamp.status === 'pending') {
      this.transaction.addEventListener('complete', () => {
        if (probe.committedAt !== null) return;
        probe.committedAt = performance.now();
        probe.boothId = stamp.boothId ?? null;
      });
    }
    return put.call(this, value, key);
  };
}
