// Public campaign configuration, pattern-set artifacts and reference images — per dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicCampaignSchema } from '../../src/shared/campaign.schema.js';
import { decodeArtifact } from '../../src/recognition/engine/artifact.js';
import { PATTERN_SET_MEDIA_TYPE } from '../../src/shared/pattern-set.schema.js';
import { DEMO_BOOTHS } from '../../src/server/seed/demo-booths.js';
import { seedDemo } from '../../src/server/seed/seed-demo.js';
import { DIALECTS, createTestApp, type TestApp } from './harness.js';

describe.each(DIALECTS)('campaigns (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('serves the seeded demo campaign in both languages with a published pattern set', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/demo' });
    expect(res.statusCode).toBe(200);
    const campaign = publicCampaignSchema.parse(res.json());
    expect(campaign.status).toBe('running');
    expect(campaign.name.en).toMatch(/Christmas/);
    expect(campaign.booths.map((b) => b.name.en)).toEqual(DEMO_BOOTHS.map((b) => b.name.en));
    expect(campaign.booths.every((b) => b.thumbnailUrl && b.hint && b.floorPosition)).toBe(true);
    expect(campaign.rules.prizeTiers.map((p) => p.stampsRequired)).toEqual([6, DEMO_BOOTHS.length]);
    expect(campaign.patternSet?.artifactUrl).toMatch(/^\/api\/v1\/pattern-sets\/.+\/artifact$/);
  });

  it('seeding twice changes nothing', async () => {
    expect(await seedDemo(t.repos, t.clock, t.config)).toBe(false);
    const campaign = publicCampaignSchema.parse(
      (await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/demo' })).json(),
    );
    expect(campaign.booths).toHaveLength(DEMO_BOOTHS.length);
  });

  it('serves the artifact and images immutable with ETags, answering 304 on revalidation', async () => {
    const campaign = publicCampaignSchema.parse(
      (await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/demo' })).json(),
    );
    const res = await t.app.inject({ method: 'GET', url: campaign.patternSet!.artifactUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-type']).toBe(PATTERN_SET_MEDIA_TYPE);
    // The compiled recognition set: one pattern per booth, pattern ids are booth ids.
    const artifact = decodeArtifact(res.rawPayload);
    expect(artifact.patterns.map((p) => p.id)).toEqual(campaign.booths.map((b) => b.id));
    expect(artifact.patterns.every((p) => p.references[0]!.points.length > 200)).toBe(true);
    const again = await t.app.inject({
      method: 'GET',
      url: campaign.patternSet!.artifactUrl,
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);

    const thumb = await t.app.inject({ method: 'GET', url: campaign.booths[0]!.thumbnailUrl! });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.rawPayload.subarray(8, 12).toString()).toBe('WEBP');
    const fullUrl = campaign.booths[0]!.thumbnailUrl!.replace(/\/thumb$/, '/full');
    const full = await t.app.inject({ method: 'GET', url: fullUrl });
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.rawPayload[0]).toBe(0xff);
  });

  it('answers unknown and malformed addresses with the error shape', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/Bad_Slug!' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const badImage = await t.app.inject({ method: 'GET', url: '/api/v1/reference-images/x/huge' });
    expect(badImage.statusCode).toBe(400);
    const unknownApi = await t.app.inject({ method: 'GET', url: '/api/v1/whatever' });
    expect(unknownApi.statusCode).toBe(404);
    expect(unknownApi.json().error.code).toBe('not_found');
  });
});
