// Applies a visitor's batch of stamp events: each is judged by the shared stamp rules and inserted at
// most once, so a retried or concurrently resent batch never counts a stamp twice.
import { judgeStamp, type StampContext } from '../../../shared/stamp-rules.js';
import type { ServerStamp, StampAck, StampEvent } from '../../../shared/sync.schema.js';
import { nowIso, type Clock } from '../../clock.js';
import type { CampaignWithParts } from '../../db/campaign.repository.js';
import type { Repositories } from '../../db/repositories.js';
import type { VisitorTable } from '../../db/visitor.table.js';

export async function syncStamps(
  repos: Repositories,
  clock: Clock,
  parts: CampaignWithParts,
  visitor: VisitorTable,
  events: readonly StampEvent[],
): Promise<{ acks: StampAck[]; stamps: ServerStamp[] }> {
  const now = clock.now();
  const patternSets = await repos.patternSets.listForCampaign(parts.campaign.id);
  const ctx: StampContext = {
    boothIds: new Set(parts.booths.map((b) => b.id)),
    campaignStartsAt: parts.campaign.starts_at,
    campaignEndsAt: parts.campaign.ends_at,
    patternSets: new Map(patternSets.map((s) => [s.id, { published: s.published === 1 }])),
    now,
  };
  const acks: StampAck[] = [];
  for (const event of events) {
    const reason = judgeStamp(event, ctx);
    if (reason) {
      acks.push({ id: event.id, status: 'rejected', reason });
      continue;
    }
    const outcome = await repos.stamps.insertIfAbsent({
      id: event.id,
      campaign_id: parts.campaign.id,
      visitor_id: visitor.id,
      booth_id: event.boothId,
      pattern_set_id: event.patternSetId,
      captured_at: new Date(event.capturedAt).toISOString(),
      received_at: nowIso(clock),
      score: event.evidence.score,
      evidence: JSON.stringify(event.evidence),
    });
    if (outcome === 'inserted') {
      acks.push({ id: event.id, status: 'accepted' });
      continue;
    }
    // Not inserted: either this id is already stored, or this visitor already has the booth.
    const sameId = await repos.stamps.findById(event.id);
    if (sameId && sameId.visitor_id !== visitor.id) {
      acks.push({ id: event.id, status: 'rejected', reason: 'id_conflict' });
    } else {
      acks.push({ id: event.id, status: 'duplicate' });
    }
  }
  await repos.visitors.touch(visitor.id, nowIso(clock));
  const stamps = (await repos.stamps.listForVisitor(visitor.id)).map((s) => ({
    id: s.id,
    boothId: s.booth_id,
    capturedAt: s.captured_at,
    receivedAt: s.received_at,
  }));
  return { acks, stamps };
}
