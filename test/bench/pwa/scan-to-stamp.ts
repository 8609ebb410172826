// Scan-to-stamp: from the first fake-camera frame (every frame of the video shows the booth) to the
// stamp committed in IndexedDB, through the real card → scan view → recognition worker → storage.
import type { Browser } from 'playwright-core';
import type { PublicCampaign } from '../../../src/shared/campaign.schema.js';
import { DEMO_BOOTHS } from '../../../src/server/seed/demo-booths.js';
import { installScanProbe, waitReadyOffline } from './page-probes.js';
import type { ScanProbe } from './page-probes.js';

export interface ScanToStampRun {
  ms: number;
  /** Phases, ms after the first camera frame: worker loaded, first frame matched, first recognised. */
  phases: { loaded: number | null; firstMatchSent: number | null; recognised: number | null };
  /** Frames the worker matched before the commit, and their mean worker-side time. */
  matches: number;
  meanMatchMs: number;
  /** Whether the stamp was the booth the video shows. */
  rightBooth: boolean;
}

/** The campaign booth whose poster is demo-patterns/<posterKey>.jpg (matched by its English name). */
export function demoBoothId(campaign: PublicCampaign, posterKey: string): string {
  const demo = DEMO_BOOTHS.find((b) => b.key === posterKey);
  const booth = demo && campaign.booths.find((b) => b.name.en === demo.name.en);
  if (!booth) throw new Error(`no booth of campaign "${campaign.slug}" shows ${posterKey}`);
  return booth.id;
}

/**
 * One run in a fresh context of `browser`, which must have been launched with the fake camera
 * playing a video of booth `boothId` (test/chromium.ts chromiumLaunchOptions({ fakeVideo })).
 */
export async function measureScanToStamp(
  browser: Browser,
  origin: string,
  slug: string,
  boothId: string,
  /** Where to save a screenshot of the scan view once the stamp is committed. */
  screenshot?: string,
  /**
   * How long the visitor stays on the ready card before tapping Scan (walking up to the booth);
   * 0 taps at once, before the card has warmed the recognizer up.
   */
  tapAfterReadyMs = 0,
): Promise<ScanToStampRun> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    locale: 'en-US',
    permissions: ['camera'],
  });
  try {
    await context.addInitScript(installScanProbe);
    const page = await context.newPage();
    await page.goto(`${origin}/r/${slug}`);
    await waitReadyOffline(page, slug);
    if (tapAfterReadyMs > 0) await page.waitForTimeout(tapAfterReadyMs);
    await page.locator('[data-testid="scan-button"]').click();
    const handle = await page.waitForFunction(
      () => {
        const probe = (window as unknown as { __scanProbe: ScanProbe }).__scanProbe;
        return probe.committedAt !== null && probe.firstFrameAt !== null ? probe : false;
      },
      undefined,
      { timeout: 30_000 },
    );
    const probe = (await handle.jsonValue()) as ScanProbe;
    if (screenshot) await page.screenshot({ path: screenshot });
    const since = (t: number | null) => (t === null ? null : t - probe.firstFrameAt!);
    const { worker } = probe;
    return {
      ms: probe.committedAt! - probe.firstFrameAt!,
      phases: {
        loaded: since(worker.loadedAt),
        firstMatchSent: since(worker.firstMatchSentAt),
        recognised: since(worker.firstRecognisedAt),
      },
      matches: worker.matches,
      meanMatchMs: worker.matches ? worker.matchMs / worker.matches : 0,
      rightBooth: probe.boothId === boothId,
    };
  } finally {
    await context.close();
  }
}
