// The campaign-cache store: the last campaign config and its pattern-set artifact, replaced as a pair.
import type { PublicCampaign } from '../shared/campaign.schema.js';
import type { PatternSetArtifact } from '../shared/pattern-set.schema.js';
import type { CampaignCacheRecord, StampDb } from './stamp-db.js';
import { guardStorage } from './storage-error.js';

export interface CampaignBundle {
  campaign: PublicCampaign;
  /** The artifact of campaign.patternSet; null exactly when the campaign has no published set. */
  patternSet: PatternSetArtifact | null;
}

/** Throws when the artifact is not the one the config points at (a half-updated pair). */
export function assertConsistentBundle({ campaign, patternSet }: CampaignBundle): void {
  const ref = campaign.patternSet;
  if (!ref || !patternSet) {
    if (ref || patternSet) {
      throw new Error('campaign config and pattern set disagree on whether a set is published');
    }
    return;
  }
  if (
    patternSet.patternSetId !== ref.id ||
    patternSet.contentHash !== ref.contentHash ||
    patternSet.campaignSlug !== campaign.slug
  ) {
    throw new Error(
      `pattern set ${patternSet.patternSetId} is not the one campaign "${campaign.slug}" publishes`,
    );
  }
}

/**
 * Applies a downloaded config + pattern set. Both live in one record, so a single put replaces them
 * together: a reader sees the old pair or the new pair, never a mix.
 */
export async function saveCampaignBundle(
  db: StampDb,
  bundle: CampaignBundle,
): Promise<CampaignCacheRecord> {
  assertConsistentBundle(bundle);
  const record: CampaignCacheRecord = {
    slug: bundle.campaign.slug,
    campaign: bundle.campaign,
    patternSet: bundle.patternSet,
    savedAt: new Date().toISOString(),
  };
  return guardStorage(
    'save campaign',
    async () => {
      await db.put('campaign-cache', record);
      return record;
    },
    { write: true },
  );
}

export function getCampaignBundle(
  db: StampDb,
  slug: string,
): Promise<CampaignCacheRecord | undefined> {
  return guardStorage('read campaign', () => db.get('campaign-cache', slug));
}
