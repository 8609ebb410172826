// Locale choice, campaign status and config parsing.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { campaignStatus } from '../../src/shared/campaign.schema.js';
import { pickLocale } from '../../src/shared/locale.js';

describe('pickLocale', () => {
  it('gives zh-Hant to any Chinese browser and en otherwise', () => {
    expect(pickLocale(['zh-TW', 'en'])).toBe('zh-Hant');
    expect(pickLocale(['zh-CN'])).toBe('zh-Hant');
    expect(pickLocale(['en-GB', 'zh-TW'])).toBe('en');
    expect(pickLocale(['ja-JP'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});

describe('campaignStatus', () => {
  it('is upcoming, running, then ended', () => {
    const s = '2026-12-01T00:00:00Z';
    const e = '2026-12-26T00:00:00Z';
    expect(campaignStatus(s, e, new Date('2026-11-30T23:59:59Z'))).toBe('upcoming');
    expect(campaignStatus(s, e, new Date(s))).toBe('running');
    expect(campaignStatus(s, e, new Date(e))).toBe('ended');
  });
});

describe('loadConfig', () => {
  it('defaults to SQLite on port 8080 and refuses nonsense clearly', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.databaseUrl).toBeNull();
    expect(c.sqlitePath).toMatch(/data\/stamp-rally\.sqlite$/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DEMO_STAFF_PASSWORD: 'short' })).toThrow(/DEMO_STAFF_PASSWORD/);
  });
});
