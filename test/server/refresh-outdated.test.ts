// Start-up rebuild of published pattern sets compiled by another recognition model — per dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeArtifact, encodeArtifact } from '../../src/recognition/engine/artifact.js';
import { recognitionModelSha256 } from '../../src/server/pattern-sets/recognition.js';
import { refreshOutdatedPatternSets } from '../../src/server/pattern-sets/refresh-outdated.js';
import { publicCampaignSchema } from '../../src/shared/campaign.schema.js';
import { DIALECTS, createTestApp, type TestApp } from './harness.js';

describe.each(DIALECTS)('outdated pattern sets (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const demo = async () =>
    publicCampaignSchema.parse(
      (await t.app.inject({ method: 'GET', url: '/api/v1/campaigns/demo' })).json(),
    );

  it('leaves sets compiled by this model alone', async () => {
    const before = await demo();
    expect(await refreshOutdatedPatternSets(t.repos, t.clock)).toEqual([]);
    expect((await demo()).patternSet?.id).toBe(before.patternSet?.id);
  });

  it('republishes a set another model compiled as a new version phones download', async () => {
    const before = await demo();
    const old = before.patternSet!;
    const artifact = decodeArtifact(
      (await t.app.inject({ method: 'GET', url: old.artifactUrl })).rawPayload,
    );
    // What an older release left in the database: the same set, another model's descriptors.
    const stale = encodeArtifact({ ...artifact, modelSha256: 'f'.repeat(64) });
    await t.database.db
      .updateTable('pattern_set')
      .set({ artifact: Buffer.from(stale) })
      .where('id', '=', old.id)
      .execute();
    t.clock.advance(60_000);

    const refreshed = await refreshOutdatedPatternSets(t.repos, t.clock);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]!.replaced).toBe(old.id);
    expect(refreshed[0]!.error).toBeUndefined();

    const after = (await demo()).patternSet!;
    expect(after.id).toBe(refreshed[0]!.by);
    expect(after.id).not.toBe(old.id);
    expect(after.contentHash).toBe(old.contentHash);
    const rebuilt = decodeArtifact(
      (await t.app.inject({ method: 'GET', url: after.artifactUrl })).rawPayload,
    );
    expect(rebuilt.modelSha256).toBe(await recognitionModelSha256());
    expect(rebuilt.patterns.map((p) => p.id)).toEqual(artifact.patterns.map((p) => p.id));
    // The rebuilt set holds the same descriptors the original compile made (same model, same images).
    expect(rebuilt.patterns[0]!.references[0]!.descriptors).toEqual(
      artifact.patterns[0]!.references[0]!.descriptors,
    );
    const images = await t.repos.patternSets.referenceImages(after.id);
    const oldImages = await t.repos.patternSets.referenceImages(old.id);
    expect(images.map((i) => [i.booth_id, i.sha256])).toEqual(
      oldImages.map((i) => [i.booth_id, i.sha256]),
    );
    // The old version stays (immutable URL, stamps awarded with it still count)…
    const oldRes = await t.app.inject({ method: 'GET', url: old.artifactUrl });
    expect(oldRes.statusCode).toBe(200);
    // …and a second start-up finds nothing left to do.
    expect(await refreshOutdatedPatternSets(t.repos, t.clock)).toEqual([]);
  });

  it('reports a set it cannot rebuild and leaves it published, without failing', async () => {
    const current = (await demo()).patternSet!;
    const artifact = (await t.app.inject({ method: 'GET', url: current.artifactUrl })).rawPayload;
    const stale = encodeArtifact({ ...decodeArtifact(artifact), modelSha256: 'e'.repeat(64) });
    await t.database.db
      .updateTable('pattern_set')
      .set({ artifact: Buffer.from(stale) })
      .where('id', '=', current.id)
      .execute();
    // A stored reference photo that no longer decodes.
    const [first] = await t.repos.patternSets.referenceImages(current.id);
    await t.database.db
      .updateTable('reference_image')
      .set({ bytes: Buffer.from('not a jpeg') })
      .where('id', '=', first!.id)
      .execute();
    t.clock.advance(60_000);
    const refreshed = await refreshOutdatedPatternSets(t.repos, t.clock);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatchObject({ replaced: current.id, by: null });
    expect(refreshed[0]!.error).toMatch(/unsupported image format|Input buffer/i);
    expect((await demo()).patternSet!.id).toBe(current.id);
    // Put the photo back for the next test.
    await t.database.db
      .updateTable('reference_image')
      .set({ bytes: first!.bytes })
      .where('id', '=', first!.id)
      .execute();
  });

  it('treats an artifact this engine cannot read as outdated', async () => {
    const current = (await demo()).patternSet!;
    await t.database.db
      .updateTable('pattern_set')
      .set({ artifact: Buffer.from('SRPS-not-really') })
      .where('id', '=', current.id)
      .execute();
    t.clock.advance(60_000);
    const refreshed = await refreshOutdatedPatternSets(t.repos, t.clock);
    expect(refreshed.map((r) => r.replaced)).toEqual([current.id]);
    expect((await demo()).patternSet!.id).toBe(refreshed[0]!.by);
  });
});
