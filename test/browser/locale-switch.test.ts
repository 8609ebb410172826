// The language: browser-based default, the visible switch, persistence, and translation coverage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LOCALE_STORAGE_KEY,
  currentLocale,
  initialLocale,
  startLocalization,
} from '../../src/app/localization.js';
import { templates } from '../../src/app/locales/zh-Hant.js';
import '../../src/app/components/language-switch.js';
import '../../src/app/pages/visitor/visitor-page.js';
import { campaignFixture, jsonResponse } from './campaign-fixture.js';

const sources = import.meta.glob<string>(['../../src/app/**/*.ts', '../../src/pwa/**/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

beforeEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('locale', () => {
  it('starts from the browser languages, then from the stored choice', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['zh-TW', 'en']);
    expect(initialLocale()).toBe('zh-Hant');
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    expect(initialLocale()).toBe('en');
    localStorage.setItem(LOCALE_STORAGE_KEY, 'zh-Hant');
    expect(initialLocale()).toBe('zh-Hant');
    vi.restoreAllMocks();
  });

  it('switches the whole UI, campaign data included, and remembers the choice', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-US']);
    await startLocalization();
    vi.restoreAllMocks();
    expect(currentLocale()).toBe('en');
    vi.stubGlobal('fetch', async () => jsonResponse(campaignFixture));
    const toggle = document.createElement('language-switch');
    const page = document.createElement('visitor-page');
    page.slug = 'xmas';
    document.body.append(toggle, page);
    await vi.waitFor(() =>
      expect(page.shadowRoot!.querySelector('h1')?.textContent).toBe('Christmas Market Rally'),
    );

    await toggle.updateComplete;
    const zh = toggle.shadowRoot!.querySelector<HTMLButtonElement>(
      'button[data-locale="zh-Hant"]',
    )!;
    expect(zh.getAttribute('aria-pressed')).toBe('false');
    zh.click();

    await vi.waitFor(() =>
      expect(page.shadowRoot!.querySelector('h1')?.textContent).toBe('聖誕市集集章'),
    );
    expect(page.shadowRoot!.textContent).toContain('已集 0 / 3 枚印章');
    expect(page.shadowRoot!.textContent).toContain('活動進行中');
    expect(zh.getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('zh-Hant');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-Hant');
    expect(initialLocale()).toBe('zh-Hant');

    toggle.shadowRoot!.querySelector<HTMLButtonElement>('button[data-locale="en"]')!.click();
    await vi.waitFor(() =>
      expect(page.shadowRoot!.querySelector('h1')?.textContent).toBe('Christmas Market Rally'),
    );
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('has a zh-Hant translation for every message id, and no stale ones', () => {
    const used = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/\bid: '([a-z0-9.-]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((id) => !(id in templates))).toEqual([]);
    expect(Object.keys(templates).filter((id) => !used.has(id))).toEqual([]);
  });
});
