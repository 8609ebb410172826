// Maps stored campaign rows to the public configuration the visitor app reads.
import { campaignStatus, type PublicCampaign } from '../../../shared/campaign.schema.js';
import type { LocalizedText } from '../../../shared/locale.js';
import type { CampaignWithParts } from '../../db/campaign.repository.js';
import type { PatternSetSummary } from '../../db/pattern-set.repository.js';
import { patternSetArtifactUrl, referenceImageUrl } from '../../pattern-sets/urls.js';

const text = (json: string) => JSON.parse(json) as LocalizedText;

export function toPublicCampaign(
  parts: CampaignWithParts,
  patternSet: PatternSetSummary | null,
  thumbnailImageByBooth: ReadonlyMap<string, string>,
  now: Date,
): PublicCampaign {
  const { campaign, prizeTiers, booths } = parts;
  return {
    v: 1,
    slug: campaign.slug,
    name: text(campaign.name),
    startsAt: campaign.starts_at,
    endsAt: campaign.ends_at,
    timezone: campaign.timezone,
    status: campaignStatus(campaign.starts_at, campaign.ends_at, now),
    rules: {
      stampsRequired: campaign.stamps_required,
      prizeTiers: prizeTiers.map((t) => ({
        id: t.key,
        name: text(t.name),
        stampsRequired: t.stamps_required,
        stockRemaining: t.stock_remaining,
      })),
    },
    booths: booths.map((b) => {
      const imageId = thumbnailImageByBooth.get(b.id);
      return {
        id: b.id,
        position: b.position,
        name: text(b.name),
        hint: b.hint ? text(b.hint) : null,
        floorPosition:
          b.map_floor !== null && b.map_x !== null && b.map_y !== null
            ? { floor: b.map_floor, x: b.map_x, y: b.map_y }
            : null,
        thumbnailUrl: imageId ? referenceImageUrl(imageId, 'thumb') : null,
      };
    }),
    patternSet: patternSet?.published_at
      ? {
          id: patternSet.id,
          contentHash: patternSet.content_hash,
          artifactUrl: patternSetArtifactUrl(patternSet.id),
          publishedAt: patternSet.published_at,
        }
      : null,
  };
}
