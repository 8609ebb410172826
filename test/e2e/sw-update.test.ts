// A new service worker waits for the visitor: the page shows the update prompt, never reloads by
// itself, and reloads into the new version only after "Reload".
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.js';
import { startProductServer } from './server-process.js';
import type { ProductServer } from './server-process.js';

let server: ProductServer;
let browser: Browser;
let staticDir: string;

beforeAll(async () => {
  // A private copy of the build, so the test can publish a "new version" without touching dist/.
  staticDir = await mkdtemp(join(tmpdir(), 'stamp-rally-client-'));
  await cp('dist/client', staticDir, { recursive: true });
  server = await startProductServer({ env: { STATIC_DIR: staticDir } });
  browser = await chromium.launch(chromiumLaunchOptions());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (staticDir) await rm(staticDir, { recursive: true, force: true });
});

/** Publishes a byte-different worker (and drops precompressed copies the server would prefer). */
async function publishNewWorker(): Promise<void> {
  await appendFile(join(staticDir, 'sw.js'), `\n// e2e update ${Date.now()}\n`);
  await rm(join(staticDir, 'sw.js.br'), { force: true });
  await rm(join(staticDir, 'sw.js.gz'), { force: true });
}

const hasWaitingWorker = (page: Page) =>
  page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting));

/** The demo card in a fresh context, once the service worker controls it. */
async function openControlledCard() {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    locale: 'en-US',
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/r/demo`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 15_000,
  });
  return { context, page };
}

describe('service worker update', () => {
  it('waits for the visitor before switching to the new version', async () => {
    const { context, page } = await openControlledCard();
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
    expect(firstWorker).toBe(`${server.url}/sw.js`);

    await publishNewWorker();
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const prompt = page.locator('update-prompt');
    await prompt.waitFor({ timeout: 15_000 });
    expect(await prompt.locator('p').textContent()).toContain('A new version is ready.');
    await page.screenshot({
      path: 'test-results/update-prompt-360x640.png',
      animations: 'disabled',
    });
    // Still the same document: nothing reloaded under the visitor.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await hasWaitingWorker(page)).toBe(true);

    await Promise.all([
      page.waitForEvent('load', { timeout: 15_000 }),
      prompt.locator('button', { hasText: 'Reload' }).click(),
    ]);
    expect(
      await page.evaluate(() => (window as unknown as { marker?: number }).marker),
    ).toBeUndefined();
    await expect.poll(() => page.locator('visitor-page h1').textContent()).toContain('Christmas');
    expect(
      await page.evaluate(async () => {
        const registration = (await navigator.serviceWorker.getRegistration())!;
        return {
          waiting: registration.waiting,
          controlled: navigator.serviceWorker.controller !== null,
        };
      }),
    ).toEqual({ waiting: null, controlled: true });
    expect(await page.locator('update-prompt').count()).toBe(0);
    await context.close();
  });

  it('holds the prompt back while the visitor is scanning', async () => {
    const { context, page } = await openControlledCard();
    await page.locator('[data-testid="scan-button"]').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#scan');

    await publishNewWorker();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect.poll(() => hasWaitingWorker(page), { timeout: 15_000 }).toBe(true);
    // Give the page time to (wrongly) show it before checking that it did not.
    await page.waitForTimeout(1_000);
    expect(await page.locator('update-prompt').count()).toBe(0);

    await page.goBack();
    await expect.poll(() => page.locator('scan-view').count()).toBe(0);
    await page.locator('update-prompt').waitFor({ timeout: 15_000 });
    await context.close();
  });
});
