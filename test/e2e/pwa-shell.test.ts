// The built PWA against the real server: the demo card renders, the page is cross-origin isolated,
// the service worker takes control, and the card still opens offline from its caches.
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../chromium.js';
import { startProductServer } from './server-process.js';
import type { ProductServer } from './server-process.js';

const SCREENSHOT_DIR = 'test-results';

let server: ProductServer;
let browser: Browser;

beforeAll(async () => {
  server = await startProductServer();
  browser = await chromium.launch(chromiumLaunchOptions());
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Page errors and CSP violations: the built app must run under the server's strict policy. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return problems;
}

/** A fresh context (phone-sized unless told) with one page whose problems are watched. */
async function openPage(options: BrowserContextOptions = {}) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    locale: 'en-US',
    ...options,
  });
  const page = await context.newPage();
  return { context, page, problems: watchProblems(page) };
}

describe('PWA shell', () => {
  it('renders the demo card, installs the service worker and works offline', async () => {
    const { context, page, problems } = await openPage({
      deviceScaleFactor: 2,
      serviceWorkers: 'allow',
    });

    await page.goto(`${server.url}/r/demo`);
    const title = page.locator('visitor-page h1');
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toContain('Christmas');
    const booths = page.locator('booth-grid li');
    const boothCount = await booths.count();
    expect(boothCount).toBeGreaterThanOrEqual(6);

    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 15_000,
    });
    // The campaign was fetched before the worker took over; the page hands it over to be cached.
    await page.waitForFunction(
      async () => Boolean(await caches.match('/api/v1/campaigns/demo')),
      undefined,
      {
        timeout: 15_000,
      },
    );

    await page.screenshot({ path: `${SCREENSHOT_DIR}/card-360x640.png` });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/card-360x640-full.png`, fullPage: true });

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toContain('Christmas');
    expect(await booths.count()).toBe(boothCount);
    expect(await page.locator('visitor-page .offline-banner').isVisible()).toBe(true);
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/card-360x640-offline.png`, fullPage: true });

    expect(problems).toEqual([]);
    await context.close();
  });

  it('lays the card out for a desktop window', async () => {
    // A context of its own rather than resizing a live page: Chromium once hung a screenshot for
    // 30 s right after a resize on a busy CI machine.
    const { context, page, problems } = await openPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/r/demo`);
    await expect
      .poll(() => page.locator('visitor-page h1').textContent(), { timeout: 15_000 })
      .toContain('Christmas');
    // The wide window shows booths side by side: at least three share the first row.
    const tops = await page
      .locator('booth-grid li')
      .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
    expect(tops.filter((top) => top === tops[0]).length).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/card-1280x800.png` });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('speaks zh-Hant to zh-* browsers and has a friendly view for unknown app paths', async () => {
    const { context, page, problems } = await openPage({ locale: 'zh-TW' });
    await page.goto(`${server.url}/r/demo`);
    await expect
      .poll(() => page.locator('visitor-page h2').first().textContent())
      .toContain('獎品');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/card-360x640-zh.png`, fullPage: true });

    // A path under /r/ that is no valid slug gets the shell from the server, then the router's 404 view.
    await page.goto(`${server.url}/r/Not_A_Slug`);
    await expect
      .poll(() => page.locator('not-found-page h1').textContent())
      .toContain('找不到這個頁面');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs staff and organizers in against the real API, each only on their own screen', async () => {
    const { context, page, problems } = await openPage();
    const panel = page.locator('sign-in-panel');
    const signIn = async (username: string, password: string) => {
      await panel.locator('input[name=username]').fill(username);
      await panel.locator('input[name=password]').fill(password);
      await panel.locator('button[type=submit]').click();
    };

    await page.goto(`${server.url}/admin`);
    await signIn('organizer', 'not-the-password');
    await expect
      .poll(() => panel.locator('.error').textContent())
      .toContain('Wrong username or password');
    await signIn('staff', 'rally-staff');
    await expect
      .poll(() => panel.locator('.error').textContent())
      .toContain('This is a staff account');
    await signIn('organizer', 'rally-organizer');
    await expect
      .poll(() => panel.locator('.who').textContent())
      .toContain('Signed in as organizer (organizer)');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-signed-in-360x640.png` });

    // Same tab, staff screen: the organizer session is recognised but refused there.
    await page.goto(`${server.url}/staff`);
    await expect
      .poll(() => panel.locator('.error').textContent())
      .toContain('This is an organizer account');
    await panel.locator('button', { hasText: 'Sign out' }).click();
    await expect.poll(() => panel.locator('form').count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
