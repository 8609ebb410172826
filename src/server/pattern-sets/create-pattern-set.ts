// Creates an immutable pattern-set version from reference images per booth: prepares the images,
// derives the content hash and compiles the recognition artifact clients download, with its
// quality report.
import { createHash } from 'node:crypto';
import { ARTIFACT_VERSION } from '../../recognition/engine/artifact.js';
import type { QualityReport } from '../../recognition/engine/quality-report.js';
import { PATTERN_SET_MEDIA_TYPE } from '../../shared/pattern-set.schema.js';
import { newId, nowIso, type Clock } from '../clock.js';
import type { NewReferenceImage, PatternSetRepository } from '../db/pattern-set.repository.js';
import { HttpError } from '../http-error.js';
import { prepareReferenceImage } from './reference-image.js';
import { compileBoothReferences } from './recognition.js';

export interface PatternSetInput {
  campaignId: string;
  campaignSlug: string;
  createdByAccountId: string | null;
  /** Reference photos per booth id, in the order given. */
  images: Array<{ boothId: string; bytes: Uint8Array; label: string }>;
}

export async function createPatternSet(
  repo: PatternSetRepository,
  clock: Clock,
  input: PatternSetInput,
): Promise<{ id: string; contentHash: string; report: QualityReport }> {
  if (input.images.length === 0) {
    throw new HttpError(400, 'validation_failed', 'A pattern set needs at least one image');
  }
  const id = newId();
  const createdAt = nowIso(clock);
  const positions = new Map<string, number>();
  const stored: NewReferenceImage[] = [];
  for (const image of input.images) {
    const prepared = await prepareReferenceImage(image.bytes, image.label);
    const position = positions.get(image.boothId) ?? 0;
    positions.set(image.boothId, position + 1);
    stored.push({
      id: newId(),
      booth_id: image.boothId,
      position,
      sha256: prepared.sha256,
      media_type: prepared.mediaType,
      width: prepared.width,
      height: prepared.height,
      bytes: prepared.bytes,
      thumb_media_type: prepared.thumbMediaType,
      thumb: prepared.thumb,
      created_at: createdAt,
    });
  }
  const contentHash = createHash('sha256')
    .update(stored.map((s) => `${s.booth_id}:${s.sha256}`).join('\n'))
    .digest('hex');
  const { artifact, report } = await compileBoothReferences(
    stored.map((s) => ({ boothId: s.booth_id, jpeg: s.bytes })),
  );
  await repo.create(
    {
      id,
      campaign_id: input.campaignId,
      content_hash: contentHash,
      artifact_version: ARTIFACT_VERSION,
      artifact_media_type: PATTERN_SET_MEDIA_TYPE,
      artifact: Buffer.from(artifact),
      quality_report: JSON.stringify(report),
      created_by_account_id: input.createdByAccountId,
      created_at: createdAt,
    },
    stored,
  );
  return { id, contentHash, report };
}
