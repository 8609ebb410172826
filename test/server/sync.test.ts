// The sync endpoint: idempotent by stamp id, one stamp per booth, every rule enforced — per dialect.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PATTERNS_DIR } from '../../src/server/paths.js';
import { createPatternSet } from '../../src/server/pattern-sets/create-pattern-set.js';
import { DEMO_BOOTHS } from '../../src/server/seed/demo-booths.js';
import { hashToken } from '../../src/server/security/token.js';
import type { PublicCampaign } from '../../src/shared/campaign.schema.js';
import { syncResponseSchema, type StampEvent } from '../../src/shared/sync.schema.js';
import { getCampaign, registerVisitor, stampEvent } from './fixtures.js';
import { DIALECTS, bearer, createTestApp, type TestApp } from './harness.js';

describe.each(DIALECTS)('sync (%s)', (dialect) => {
  let t: TestApp;
  let campaign: PublicCampaign;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    campaign = await getCampaign(t.app);
  });
  afterAll(() => t.close());

  const sync = (token: string | null, payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns/demo/sync',
      headers: token ? bearer(token) : {},
      payload: payload as object,
    });
  const batch = (events: StampEvent[]) => ({ v: 1, events });

  it('accepts new stamps, answers duplicate on retry and never stores a second row', async () => {
    const token = await registerVisitor(t.app);
    const events = [stampEvent(campaign, 0), stampEvent(campaign, 1)];
    const first = await sync(token, batch(events));
    expect(first.statusCode).toBe(200);
    const body = syncResponseSchema.parse(first.json());
    expect(body.acks).toEqual(events.map((e) => ({ id: e.id, status: 'accepted' })));
    expect(body.card.stamps.map((s) => s.id).sort()).toEqual(events.map((e) => e.id).sort());

    const retry = syncResponseSchema.parse((await sync(token, batch(events))).json());
    expect(retry.acks.map((a) => a.status)).toEqual(['duplicate', 'duplicate']);
    expect(retry.card.stamps).toHaveLength(2);
    expect(await t.repos.stamps.listForVisitor(await visitorIdOf(token))).toHaveLength(2);
  });

  async function visitorIdOf(token: string): Promise<string> {
    const visitor = await t.repos.visitors.findByTokenHash(hashToken(token));
    return visitor!.id;
  }

  it('counts a batch once when the same batch arrives concurrently', async () => {
    const token = await registerVisitor(t.app);
    const events = [stampEvent(campaign, 2), stampEvent(campaign, 3), stampEvent(campaign, 4)];
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => sync(token, batch(events))),
    );
    const statuses = responses.map((r) =>
      syncResponseSchema.parse(r.json()).acks.map((a) => a.status),
    );
    for (let i = 0; i < events.length; i++) {
      expect(statuses.filter((s) => s[i] === 'accepted')).toHaveLength(1);
    }
    expect(await t.repos.stamps.listForVisitor(await visitorIdOf(token))).toHaveLength(3);
  });

  it('keeps one stamp per booth when two ids claim the same booth', async () => {
    const token = await registerVisitor(t.app);
    const a = stampEvent(campaign, 5);
    const b = stampEvent(campaign, 5);
    const body = syncResponseSchema.parse((await sync(token, batch([a, b]))).json());
    expect(body.acks).toEqual([
      { id: a.id, status: 'accepted' },
      { id: b.id, status: 'duplicate' },
    ]);
    expect(body.card.stamps.map((s) => s.id)).toEqual([a.id]);
  });

  it('rejects a stamp id already used by another visitor', async () => {
    const owner = await registerVisitor(t.app);
    const thief = await registerVisitor(t.app);
    const event = stampEvent(campaign, 0);
    await sync(owner, batch([event]));
    const body = syncResponseSchema.parse((await sync(thief, batch([event]))).json());
    expect(body.acks).toEqual([{ id: event.id, status: 'rejected', reason: 'id_conflict' }]);
    expect(body.card.stamps).toHaveLength(0);
  });

  it('rejects unknown booths, unknown or unpublished pattern sets and future capture times', async () => {
    const token = await registerVisitor(t.app);
    const image = await readFile(join(DEMO_PATTERNS_DIR, DEMO_BOOTHS[0]!.file));
    const parts = await t.repos.campaigns.findBySlug('demo');
    const draft = await createPatternSet(t.repos.patternSets, t.clock, {
      campaignId: parts!.campaign.id,
      campaignSlug: 'demo',
      createdByAccountId: null,
      images: [{ boothId: campaign.booths[0]!.id, bytes: image, label: 'draft.jpg' }],
    });
    const events = [
      stampEvent(campaign, 0, { boothId: randomUUID() }),
      stampEvent(campaign, 1, { patternSetId: randomUUID() }),
      stampEvent(campaign, 2, { patternSetId: draft.id }),
      stampEvent(campaign, 3, { capturedAt: new Date(Date.now() + 3_600_000).toISOString() }),
    ];
    const body = syncResponseSchema.parse((await sync(token, batch(events))).json());
    expect(body.acks.map((a) => (a.status === 'rejected' ? a.reason : a.status))).toEqual([
      'unknown_booth',
      'pattern_set_unknown',
      'pattern_set_unpublished',
      'capture_time_invalid',
    ]);
    expect(body.card.stamps).toHaveLength(0);
  });

  it('rejects stamps once the campaign is over (after the late-sync grace)', async () => {
    const token = await registerVisitor(t.app);
    const other = await createTestApp(dialect);
    try {
      const otherCampaign = await getCampaign(other.app);
      const otherToken = await registerVisitor(other.app);
      other.clock.advance(400 * 24 * 3600 * 1000);
      const late = stampEvent(otherCampaign, 0, { capturedAt: other.clock.now().toISOString() });
      const res = await other.app.inject({
        method: 'POST',
        url: '/api/v1/campaigns/demo/sync',
        headers: bearer(otherToken),
        payload: batch([late]),
      });
      expect(syncResponseSchema.parse(res.json()).acks[0]).toEqual({
        id: late.id,
        status: 'rejected',
        reason: 'campaign_not_running',
      });
      // The other app's token is unknown here.
      expect((await sync(otherToken, batch([]))).statusCode).toBe(401);
      expect((await sync(token, batch([]))).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('refuses malformed batches with a clear 4xx error and stores nothing', async () => {
    const token = await registerVisitor(t.app);
    const cases: Array<[unknown, number, string]> = [
      [
        { v: 1, events: [{ ...stampEvent(campaign, 0), id: 'not-a-uuid' }] },
        400,
        'validation_failed',
      ],
      [
        { v: 1, events: [{ ...stampEvent(campaign, 0), evidence: { score: 7 } }] },
        400,
        'validation_failed',
      ],
      [{ v: 2, events: [] }, 400, 'bad_request'],
      [{ events: 'nope' }, 400, 'validation_failed'],
      [batch(Array.from({ length: 201 }, () => stampEvent(campaign, 0))), 400, 'validation_failed'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await sync(token, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(/\S/);
    }
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns/demo/sync',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: '{"v":1,"events":[',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('bad_request');
    const huge = await sync(token, { v: 1, events: [], pad: 'x'.repeat(300 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    expect(await t.repos.stamps.listForVisitor(await visitorIdOf(token))).toHaveLength(0);
  });

  it('needs a visitor token of this campaign', async () => {
    expect((await sync(null, batch([]))).statusCode).toBe(401);
    expect((await sync('x'.repeat(43), batch([]))).json().error.code).toBe('unauthorized');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/campaigns/no-such-campaign/sync',
      headers: bearer(await registerVisitor(t.app)),
      payload: batch([]),
    });
    expect(missing.statusCode).toBe(404);
  });
});
