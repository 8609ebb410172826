// Reads and writes campaigns with their prize tiers and booths.
import type { LocalizedText } from '../../shared/locale.js';
import type { Db } from './database.js';
import type { BoothTable, CampaignTable, PrizeTierTable } from './campaign.table.js';

export interface CampaignWithParts {
  campaign: CampaignTable;
  prizeTiers: PrizeTierTable[];
  booths: BoothTable[];
}

export interface NewCampaign {
  id: string;
  slug: string;
  name: LocalizedText;
  startsAt: string;
  endsAt: string;
  timezone: string;
  stampsRequired: number;
  ownerAccountId: string | null;
  createdAt: string;
  prizeTiers: Array<{
    id: string;
    key: string;
    name: LocalizedText;
    stampsRequired: number;
    stock: number | null;
  }>;
  booths: Array<{
    id: string;
    name: LocalizedText;
    hint: LocalizedText | null;
    floorPosition: { floor: string; x: number; y: number } | null;
  }>;
}

export function campaignRepository(db: Db) {
  return {
    async findBySlug(slug: string): Promise<CampaignWithParts | null> {
      const campaign = await db
        .selectFrom('campaign')
        .selectAll()
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (!campaign) return null;
      const [prizeTiers, booths] = await Promise.all([
        db
          .selectFrom('prize_tier')
          .selectAll()
          .where('campaign_id', '=', campaign.id)
          .orderBy('position')
          .execute(),
        db
          .selectFrom('booth')
          .selectAll()
          .where('campaign_id', '=', campaign.id)
          .orderBy('position')
          .execute(),
      ]);
      return { campaign, prizeTiers, booths };
    },

    async slugExists(slug: string): Promise<boolean> {
      const row = await db
        .selectFrom('campaign')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      return row !== undefined;
    },

    async create(c: NewCampaign): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('campaign')
          .values({
            id: c.id,
            slug: c.slug,
            name: JSON.stringify(c.name),
            starts_at: c.startsAt,
            ends_at: c.endsAt,
            timezone: c.timezone,
            stamps_required: c.stampsRequired,
            owner_account_id: c.ownerAccountId,
            created_at: c.createdAt,
            updated_at: c.createdAt,
          })
          .execute();
        if (c.prizeTiers.length > 0) {
          await tx
            .insertInto('prize_tier')
            .values(
              c.prizeTiers.map((t, position) => ({
                id: t.id,
                campaign_id: c.id,
                key: t.key,
                position,
                name: JSON.stringify(t.name),
                stamps_required: t.stampsRequired,
                stock_total: t.stock,
                stock_remaining: t.stock,
              })),
            )
            .execute();
        }
        if (c.booths.length > 0) {
          await tx
            .insertInto('booth')
            .values(
              c.booths.map((b, position) => ({
                id: b.id,
                campaign_id: c.id,
                position,
                name: JSON.stringify(b.name),
                hint: b.hint ? JSON.stringify(b.hint) : null,
                map_floor: b.floorPosition?.floor ?? null,
                map_x: b.floorPosition?.x ?? null,
                map_y: b.floorPosition?.y ?? null,
                created_at: c.createdAt,
              })),
            )
            .execute();
        }
      });
    },
  };
}

export type CampaignRepository = ReturnType<typeof campaignRepository>;
