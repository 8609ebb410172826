// Whether a stamp event may be granted, decided from facts the server looked up. Pure, so the client can
// apply the same rules before it shows a stamp as granted.
import type { StampEvent, StampRejectReason } from './sync.schema.js';

export interface StampContext {
  /** Booth ids of the campaign. */
  boothIds: ReadonlySet<string>;
  campaignStartsAt: string;
  campaignEndsAt: string;
  /** Pattern sets of the campaign by id, with whether each was published. */
  patternSets: ReadonlyMap<string, { published: boolean }>;
  now: Date;
}

/** How far a device clock may run ahead of the server's before a capture time is refused. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;
/** How long after the campaign ends stamps captured offline during it are still taken in. */
export const LATE_SYNC_GRACE_MS = 24 * 60 * 60 * 1000;

/** Returns null when the stamp may be granted, otherwise why not. */
export function judgeStamp(event: StampEvent, ctx: StampContext): StampRejectReason | null {
  if (!ctx.boothIds.has(event.boothId)) return 'unknown_booth';
  const patternSet = ctx.patternSets.get(event.patternSetId);
  if (!patternSet) return 'pattern_set_unknown';
  if (!patternSet.published) return 'pattern_set_unpublished';
  const captured = Date.parse(event.capturedAt);
  if (!Number.isFinite(captured) || captured > ctx.now.getTime() + MAX_CLOCK_SKEW_MS) {
    return 'capture_time_invalid';
  }
  // A stamp captured offline inside the window still counts when it reaches us after the end.
  const start = Date.parse(ctx.campaignStartsAt);
  const end = Date.parse(ctx.campaignEndsAt);
  if (captured < start - MAX_CLOCK_SKEW_MS || captured >= end + MAX_CLOCK_SKEW_MS) {
    return 'campaign_not_running';
  }
  if (ctx.now.getTime() >= end + LATE_SYNC_GRACE_MS) return 'campaign_not_running';
  return null;
}
