// Backoff: grows exponentially within its cap, jitters, and never undercuts Retry-After.
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../../src/sync/backoff.js';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles its range per attempt up to the cap, jittered within the upper half', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, policy, () => 0))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, policy, () => 1))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(backoffDelay(40, policy, () => 1)).toBe(60_000);
    expect(backoffDelay(40, policy, () => 0)).toBe(30_000);
  });

  it('waits at least as long as Retry-After says', () => {
    expect(backoffDelay(0, policy, () => 0.5, 120_000)).toBe(120_000);
    expect(backoffDelay(3, policy, () => 1, 10)).toBe(8000);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
