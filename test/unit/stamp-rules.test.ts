// The shared stamp rules decide each reason code at its boundary.
import { describe, expect, it } from 'vitest';
import {
  LATE_SYNC_GRACE_MS,
  MAX_CLOCK_SKEW_MS,
  judgeStamp,
  type StampContext,
} from '../../src/shared/stamp-rules.js';
import type { StampEvent } from '../../src/shared/sync.schema.js';

const booth = '11111111-1111-4111-8111-111111111111';
const published = '22222222-2222-4222-8222-222222222222';
const draft = '33333333-3333-4333-8333-333333333333';
const now = new Date('2026-12-10T10:00:00Z');
const ctx: StampContext = {
  boothIds: new Set([booth]),
  campaignStartsAt: '2026-12-01T00:00:00Z',
  campaignEndsAt: '2026-12-26T00:00:00Z',
  patternSets: new Map([
    [published, { published: true }],
    [draft, { published: false }],
  ]),
  now,
};
const event = (o: Partial<StampEvent> = {}): StampEvent => ({
  id: '44444444-4444-4444-8444-444444444444',
  boothId: booth,
  patternSetId: published,
  capturedAt: now.toISOString(),
  evidence: { score: 0.9 },
  ...o,
});

describe('judgeStamp', () => {
  it('grants a valid stamp', () => {
    expect(judgeStamp(event(), ctx)).toBeNull();
  });
  it('names each reason for refusal', () => {
    expect(judgeStamp(event({ boothId: draft }), ctx)).toBe('unknown_booth');
    expect(judgeStamp(event({ patternSetId: booth }), ctx)).toBe('pattern_set_unknown');
    expect(judgeStamp(event({ patternSetId: draft }), ctx)).toBe('pattern_set_unpublished');
    const ahead = new Date(now.getTime() + MAX_CLOCK_SKEW_MS + 1000).toISOString();
    expect(judgeStamp(event({ capturedAt: ahead }), ctx)).toBe('capture_time_invalid');
    expect(judgeStamp(event({ capturedAt: '2026-11-20T00:00:00Z' }), ctx)).toBe(
      'campaign_not_running',
    );
  });
  it('takes a stamp captured during the campaign and synced shortly after it ended', () => {
    const later = {
      ...ctx,
      now: new Date(Date.parse(ctx.campaignEndsAt) + LATE_SYNC_GRACE_MS - 1000),
    };
    expect(judgeStamp(event({ capturedAt: '2026-12-25T20:00:00Z' }), later)).toBeNull();
    const tooLate = { ...ctx, now: new Date(Date.parse(ctx.campaignEndsAt) + LATE_SYNC_GRACE_MS) };
    expect(judgeStamp(event({ capturedAt: '2026-12-25T20:00:00Z' }), tooLate)).toBe(
      'campaign_not_running',
    );
  });
});
