// The visitor's whole journey against the built product, in Debian's Chromium with a fake camera:
// open /r/demo → ready offline → scan a booth → offline reload → scan another booth → back online →
// the server holds both stamps exactly once; the card survives a browser restart; a video without
// a booth never stamps; a browser with WebGPU fetches that runtime on demand, into its own cache.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.js';
import { makeNegativeVideo, makePosterVideo, pointFakeCamera } from './fake-camera/fake-video.js';
import type { FakeVideo } from './fake-camera/fake-video.js';
import { startProductServer } from './server-process.js';
import type { ProductServer } from './server-process.js';
import { DEMO_BOOTHS } from '../../src/server/seed/demo-booths.js';

const SCREENSHOT_DIR = 'test-results';
const FIRST_POSTER = 'santa-workshop';
const SECOND_POSTER = 'hot-cocoa-cafe';

let server: ProductServer;
let dataDir: string;
let workDir: string;
let liveVideo: string;
const videos: Record<'first' | 'second' | 'negative', FakeVideo> = {} as never;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'stamp-rally-journey-data-'));
  workDir = await mkdtemp(join(tmpdir(), 'stamp-rally-journey-'));
  liveVideo = join(workDir, 'camera.y4m');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  [videos.first, videos.second, videos.negative] = await Promise.all([
    makePosterVideo({ poster: FIRST_POSTER }),
    makePosterVideo({ poster: SECOND_POSTER }),
    makeNegativeVideo(),
  ]);
  server = await startProductServer({ dataDir });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** The English booth name the demo seed gives a poster key. */
function boothName(posterKey: string): string {
  const booth = DEMO_BOOTHS.find((b) => b.key === posterKey);
  if (!booth) throw new Error(`no demo booth ${posterKey}`);
  return booth.name.en;
}

/** Stamps the server stores, as booth name (en) → copies. */
function serverStamps(): Map<string, number> {
  const db = new Database(join(dataDir, 'stamp-rally.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT booth.name AS name, count(*) AS n FROM stamp JOIN booth ON booth.id = stamp.booth_id
         GROUP BY stamp.booth_id`,
      )
      .all() as { name: string; n: number }[];
    return new Map(rows.map((r) => [(JSON.parse(r.name) as { en: string }).en, r.n]));
  } finally {
    db.close();
  }
}

function launch(userDataDir: string, webgpu = false): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    ...chromiumLaunchOptions({ fakeVideo: liveVideo, webgpu }),
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    locale: 'en-US',
    permissions: ['camera'],
    serviceWorkers: 'allow',
  });
}

const boothCell = (page: Page, posterKey: string) =>
  page.locator('booth-grid li[data-booth-id]', { hasText: boothName(posterKey) });

async function collectedCount(page: Page): Promise<number> {
  return Number(await page.locator('[data-testid="card-progress"]').getAttribute('data-collected'));
}

/** Opens the scan view and waits until it celebrates a stamp; returns to the card. */
async function scanUntilStamped(page: Page, screenshot?: string): Promise<void> {
  await page.locator('[data-testid="scan-button"]').click();
  const view = page.locator('scan-view');
  await expect.poll(() => view.getAttribute('data-state'), { timeout: 60_000 }).toBe('stamped');
  if (screenshot) await page.screenshot({ path: `${SCREENSHOT_DIR}/${screenshot}` });
  await page.goBack();
  await expect.poll(() => view.count()).toBe(0);
}

describe('visitor journey', () => {
  it('scans online, then offline, and syncs both stamps exactly once', async () => {
    const profile = join(workDir, 'profile');
    pointFakeCamera(liveVideo, videos.first);
    let context = await launch(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/r/demo`);
    await expect
      .poll(() => page.locator('[data-testid="offline-readiness"]').getAttribute('data-state'), {
        timeout: 60_000,
      })
      .toBe('ready');
    expect(await collectedCount(page)).toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/journey-card-empty.png` });

    await scanUntilStamped(page, 'journey-scan-stamped.png');
    await expect
      .poll(() => boothCell(page, FIRST_POSTER).getAttribute('data-collected'))
      .not.toBe('no');
    expect(await collectedCount(page)).toBe(1);
    // Registration and sync happen in the background; wait until the first stamp reached the server.
    await expect
      .poll(() => page.locator('[data-testid="sync-status"]').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('synced');

    // Offline: the card and scanning still work from the caches.
    await context.setOffline(true);
    pointFakeCamera(liveVideo, videos.second);
    await page.reload();
    await expect.poll(() => collectedCount(page), { timeout: 30_000 }).toBe(1);
    await expect(page.locator('[data-testid="offline-banner"]').isVisible()).resolves.toBe(true);
    await scanUntilStamped(page, 'journey-scan-offline-stamped.png');
    await expect
      .poll(() => boothCell(page, SECOND_POSTER).getAttribute('data-collected'))
      .toBe('pending');
    expect(await collectedCount(page)).toBe(2);
    expect(serverStamps().get(boothName(SECOND_POSTER))).toBeUndefined();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/journey-card-partial.png`, fullPage: true });

    // Back online: the outbox drains; the server holds each stamp once.
    await context.setOffline(false);
    await expect
      .poll(() => page.locator('[data-testid="sync-status"]').getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('synced');
    const stored = serverStamps();
    expect(stored.get(boothName(FIRST_POSTER))).toBe(1);
    expect(stored.get(boothName(SECOND_POSTER))).toBe(1);
    expect([...stored.values()].reduce((a, b) => a + b, 0)).toBe(2);

    // A closed browser loses nothing: reopen the same profile.
    await context.close();
    context = await launch(profile);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/r/demo`);
    await expect.poll(() => collectedCount(page), { timeout: 30_000 }).toBe(2);
    await context.close();
  }, 300_000);

  it('on a browser with WebGPU, stamps and keeps the WebGPU runtime out of the precache', async () => {
    pointFakeCamera(liveVideo, videos.first);
    const context = await launch(join(workDir, 'webgpu-profile'), true);
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/r/demo`);
    await expect
      .poll(() => page.locator('[data-testid="offline-readiness"]').getAttribute('data-state'), {
        timeout: 60_000,
      })
      .toBe('ready');
    const cachedPaths = (cache: string) =>
      page.evaluate(async (name) => {
        const keys = await (await caches.open(name)).keys();
        return keys.map((request) => new URL(request.url).pathname);
      }, cache);
    const precache = (await page.evaluate(() => caches.keys())).find((n) => n.includes('precache'));
    const precached = await cachedPaths(precache!);
    expect(precached.filter((path) => path.endsWith('.wasm'))).toEqual([
      expect.stringMatching(/^\/assets\/ort-wasm-simd-threaded-[\w-]+\.wasm$/),
    ]);
    expect(await cachedPaths('webgpu-runtime')).toEqual([]);

    // Scanning starts on WASM at once; the worker tries WebGPU meanwhile (here SwiftShader, slower
    // than WASM, so WASM stays) and its runtime is cached by the service worker for offline use.
    await page.locator('[data-testid="scan-button"]').click();
    const view = page.locator('scan-view');
    await expect.poll(() => view.getAttribute('data-state'), { timeout: 60_000 }).toBe('stamped');
    await expect
      .poll(() => cachedPaths('webgpu-runtime'), { timeout: 120_000 })
      .toEqual([
        expect.stringMatching(/^\/assets\/ort-wasm-simd-threaded\.asyncify-[\w-]+\.wasm$/),
      ]);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('never stamps from a video without a booth', async () => {
    pointFakeCamera(liveVideo, videos.negative);
    const context = await launch(join(workDir, 'negative-profile'));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/r/demo`);
    await expect
      .poll(() => page.locator('[data-testid="offline-readiness"]').getAttribute('data-state'), {
        timeout: 60_000,
      })
      .toBe('ready');
    await page.locator('[data-testid="scan-button"]').click();
    const view = page.locator('scan-view');
    // Scan for a while: the view must keep searching, never confirm anything.
    const seen = new Set<string>();
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      seen.add((await view.getAttribute('data-state')) ?? '');
      await page.waitForTimeout(250);
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}/journey-scan-negative.png` });
    expect(seen.has('searching')).toBe(true);
    for (const state of ['confirmed', 'stamped', 'already']) expect(seen.has(state)).toBe(false);
    await page.goBack();
    expect(await collectedCount(page)).toBe(0);
    await context.close();
  }, 120_000);
});
