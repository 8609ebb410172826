// Keeps every campaign's published pattern set matchable by the app this server ships: a set whose
// artifact was compiled with another recognition model or artifact format (an older release's) is
// rebuilt from its stored reference images as a new version — a new id, so phones download it,
// since an artifact URL never changes content — and published in its place. Runs at start-up.
import {
  ARTIFACT_VERSION,
  ArtifactFormatError,
  decodeArtifact,
  type CompiledPatternSet,
} from '../../recognition/engine/artifact.js';
import { PATTERN_SET_MEDIA_TYPE } from '../../shared/pattern-set.schema.js';
import { newId, nowIso, type Clock } from '../clock.js';
import type { Repositories } from '../db/repositories.js';
import { compileBoothReferences, recognitionModelSha256 } from './recognition.js';

/** The artifact decoded, or null when this engine cannot read its format at all. */
function readable(artifact: Uint8Array): CompiledPatternSet | null {
  try {
    return decodeArtifact(artifact);
  } catch (err) {
    if (err instanceof ArtifactFormatError) return null;
    throw err;
  }
}

export interface Refresh {
  campaignId: string;
  /** The outdated published version. */
  replaced: string;
  /** The version published in its place; null when rebuilding failed (see `error`). */
  by: string | null;
  error?: string;
}

/**
 * One entry per campaign whose published set was outdated. A set that cannot be rebuilt (an
 * unreadable stored image, no model file) is reported and left as it is: the server still starts.
 */
export async function refreshOutdatedPatternSets(
  repos: Pick<Repositories, 'patternSets'>,
  clock: Clock,
): Promise<Refresh[]> {
  const sets = repos.patternSets;
  const refreshed: Refresh[] = [];
  for (const campaignId of await sets.campaignsWithPublished()) {
    const current = await sets.currentPublished(campaignId);
    const stored = current && (await sets.findArtifact(current.id));
    if (!current || !stored) continue;
    try {
      const previous = readable(new Uint8Array(stored.artifact));
      if (previous?.modelSha256 === (await recognitionModelSha256())) continue;
      const by = await rebuild(sets, clock, campaignId, current.id, stored.content_hash, previous);
      refreshed.push({ campaignId, replaced: current.id, by });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      refreshed.push({ campaignId, replaced: current.id, by: null, error });
    }
  }
  return refreshed;
}

/** Compiles the version's stored images into a new version, publishes it and returns its id. */
async function rebuild(
  sets: Repositories['patternSets'],
  clock: Clock,
  campaignId: string,
  versionId: string,
  contentHash: string,
  previous: CompiledPatternSet | null,
): Promise<string> {
  // Booths in the previous artifact's order where it can be read (pattern order is the upload's).
  const order = new Map(previous?.patterns.map((p, i) => [p.id, i]));
  const rank = (booth: string) => order.get(booth) ?? order.size;
  const images = (await sets.referenceImages(versionId)).sort(
    (a, b) => rank(a.booth_id) - rank(b.booth_id),
  );
  const { artifact, report } = await compileBoothReferences(
    images.map((i) => ({ boothId: i.booth_id, jpeg: new Uint8Array(i.bytes) })),
  );
  const id = newId();
  const at = nowIso(clock);
  await sets.create(
    {
      id,
      campaign_id: campaignId,
      // Same reference images, so the same content hash; the new id gives a new artifact URL.
      content_hash: contentHash,
      artifact_version: ARTIFACT_VERSION,
      artifact_media_type: PATTERN_SET_MEDIA_TYPE,
      artifact: Buffer.from(artifact),
      quality_report: JSON.stringify(report),
      created_by_account_id: null,
      created_at: at,
    },
    images.map(({ pattern_set_id: _set, ...image }) => ({ ...image, id: newId(), created_at: at })),
  );
  await sets.publish(id, at);
  return id;
}
