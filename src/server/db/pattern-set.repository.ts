// Stores immutable pattern-set versions with their reference images, publishes them, serves artifacts.
import type { Db } from './database.js';
import type { PatternSetTable, ReferenceImageTable } from './pattern-set.table.js';

export type NewReferenceImage = Omit<ReferenceImageTable, 'pattern_set_id'>;
export type NewPatternSet = Omit<PatternSetTable, 'published' | 'published_at'>;

export type PatternSetSummary = Pick<
  PatternSetTable,
  'id' | 'campaign_id' | 'content_hash' | 'published' | 'published_at' | 'created_at'
>;

export function patternSetRepository(db: Db) {
  const summaryColumns = [
    'id',
    'campaign_id',
    'content_hash',
    'published',
    'published_at',
    'created_at',
  ] as const;
  return {
    async create(set: NewPatternSet, images: NewReferenceImage[]): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('pattern_set')
          .values({ ...set, published: 0, published_at: null })
          .execute();
        for (const image of images) {
          await tx
            .insertInto('reference_image')
            .values({ ...image, pattern_set_id: set.id })
            .execute();
        }
      });
    },

    async publish(id: string, at: string): Promise<void> {
      await db
        .updateTable('pattern_set')
        .set({ published: 1, published_at: at })
        .where('id', '=', id)
        .execute();
    },

    /** The newest published version: what visitors download. */
    async currentPublished(campaignId: string): Promise<PatternSetSummary | null> {
      const row = await db
        .selectFrom('pattern_set')
        .select(summaryColumns)
        .where('campaign_id', '=', campaignId)
        .where('published', '=', 1)
        .orderBy('published_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ?? null;
    },

    /** Campaigns that have a published version. */
    async campaignsWithPublished(): Promise<string[]> {
      const rows = await db
        .selectFrom('pattern_set')
        .select('campaign_id')
        .distinct()
        .where('published', '=', 1)
        .orderBy('campaign_id')
        .execute();
      return rows.map((r) => r.campaign_id);
    },

    /** A version's reference images, complete, in upload order per booth. */
    async referenceImages(patternSetId: string): Promise<ReferenceImageTable[]> {
      return db
        .selectFrom('reference_image')
        .selectAll()
        .where('pattern_set_id', '=', patternSetId)
        .orderBy('booth_id')
        .orderBy('position')
        .execute();
    },

    async listForCampaign(campaignId: string): Promise<PatternSetSummary[]> {
      return db
        .selectFrom('pattern_set')
        .select(summaryColumns)
        .where('campaign_id', '=', campaignId)
        .orderBy('created_at')
        .execute();
    },

    async findArtifact(id: string) {
      const row = await db
        .selectFrom('pattern_set')
        .select(['artifact', 'artifact_media_type', 'content_hash'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ?? null;
    },

    /** First reference image of each booth in a set, for thumbnails. */
    async firstImagesByBooth(patternSetId: string): Promise<Map<string, string>> {
      const rows = await db
        .selectFrom('reference_image')
        .select(['id', 'booth_id'])
        .where('pattern_set_id', '=', patternSetId)
        .orderBy('booth_id')
        .orderBy('position')
        .execute();
      const firsts = new Map<string, string>();
      for (const row of rows) if (!firsts.has(row.booth_id)) firsts.set(row.booth_id, row.id);
      return firsts;
    },

    async findImage(id: string, variant: 'full' | 'thumb') {
      const q = db.selectFrom('reference_image').where('id', '=', id);
      const row =
        variant === 'full'
          ? await q
              .select(['bytes as data', 'media_type as mediaType', 'sha256'])
              .executeTakeFirst()
          : await q
              .select(['thumb as data', 'thumb_media_type as mediaType', 'sha256'])
              .executeTakeFirst();
      return row ?? null;
    },
  };
}

export type PatternSetRepository = ReturnType<typeof patternSetRepository>;
