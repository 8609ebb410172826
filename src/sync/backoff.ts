// Retry timing: jittered exponential backoff that never retries sooner than the server's Retry-After.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * Delay before retry number `attempt` (0-based): "equal jitter" — half the exponential step fixed,
 * half random — so thousands of phones that lost the venue Wi-Fi together do not return in lockstep,
 * yet every retry still waits longer than the last one's floor.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs: number | null = null,
): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = step / 2 + random() * (step / 2);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}
