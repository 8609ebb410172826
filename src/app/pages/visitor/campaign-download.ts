// Downloads a campaign's config and the pattern set it points at, and checks that the two belong
// together before anyone may store or use them as a pair.
import type { PublicCampaign } from '../../../shared/campaign.schema.js';
import { PATTERN_SET_MEDIA_TYPE } from '../../../shared/pattern-set.schema.js';
import { decodeArtifact } from '../../../recognition/engine/artifact.js';
import type { CampaignBundle } from '../../../storage/campaign-cache.store.js';
import { fetchCampaign, fetchPatternSetArtifact } from '../../api.js';
import type { DownloadedArtifact } from '../../api.js';

/** The downloaded bytes are not the pattern set the config publishes. */
export class ArtifactMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactMismatchError';
  }
}

/**
 * The config arrived but its pattern set did not (network, server, or a mismatch in `cause`): the
 * caller keeps its old pair and may still show `campaign` when it had nothing before.
 */
export class ArtifactUnavailableError extends Error {
  constructor(
    readonly campaign: PublicCampaign,
    cause: unknown,
  ) {
    super('the pattern set of the new campaign config could not be downloaded', { cause });
    this.name = 'ArtifactUnavailableError';
  }
}

/**
 * Throws ArtifactMismatchError unless the download is the set `campaign.patternSet` names: the server
 * tags an artifact with its content hash (ETag), the media type must be the artifact's (not, say, an
 * HTML fallback page), and the set must decode and recognise only booths of this campaign.
 */
export function verifyArtifact(campaign: PublicCampaign, download: DownloadedArtifact): void {
  const ref = campaign.patternSet;
  if (!ref) throw new ArtifactMismatchError('the campaign publishes no pattern set');
  if (download.etag !== null && download.etag !== ref.contentHash) {
    throw new ArtifactMismatchError(
      `pattern set content ${download.etag} is not the published ${ref.contentHash}`,
    );
  }
  const type = download.contentType?.split(';')[0]?.trim();
  if (type && type !== PATTERN_SET_MEDIA_TYPE) {
    throw new ArtifactMismatchError(`pattern set served as ${type}`);
  }
  let patternIds: string[];
  try {
    patternIds = decodeArtifact(download.bytes).patterns.map((p) => p.id);
  } catch (error) {
    throw new ArtifactMismatchError(
      `pattern set does not decode: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const booths = new Set(campaign.booths.map((b) => b.id));
  const stranger = patternIds.find((id) => !booths.has(id));
  if (stranger !== undefined) {
    throw new ArtifactMismatchError(
      `pattern set recognises booth ${stranger}, not in the campaign`,
    );
  }
}

/**
 * Fetches the current config and, when its pattern set is not the one `cached` already holds, that
 * set. Resolves only with a consistent pair; ArtifactUnavailableError when the config came but the
 * set did not; the config's own errors (ApiError, NetworkError, …) pass through.
 */
export async function downloadBundle(
  slug: string,
  cached: CampaignBundle | null,
  signal?: AbortSignal,
): Promise<CampaignBundle> {
  const campaign = await fetchCampaign(slug, signal);
  const ref = campaign.patternSet;
  if (!ref) return { campaign, patternSet: null };
  const held = cached?.patternSet;
  if (held && held.patternSetId === ref.id && held.contentHash === ref.contentHash) {
    // Same set, maybe an edited config (names, hints): the pair stays consistent without a download.
    return { campaign, patternSet: held };
  }
  try {
    const download = await fetchPatternSetArtifact(ref, signal);
    verifyArtifact(campaign, download);
    return {
      campaign,
      patternSet: {
        patternSetId: ref.id,
        campaignSlug: campaign.slug,
        contentHash: ref.contentHash,
        bytes: download.bytes,
      },
    };
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ArtifactUnavailableError(campaign, error);
  }
}
