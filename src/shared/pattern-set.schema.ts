// The pattern-set artifact a client downloads: versioned so a reader never misreads a newer format.
import { z } from 'zod';
import { idSchema } from './campaign.schema.js';

export const PATTERN_SET_FORMAT_VERSION = 1;

export const referenceImageRefSchema = z.object({
  id: idSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  url: z.string(),
});

export const patternSetArtifactSchema = z.object({
  v: z.literal(PATTERN_SET_FORMAT_VERSION),
  patternSetId: idSchema,
  campaignSlug: z.string(),
  contentHash: z.string(),
  booths: z.array(
    z.object({
      boothId: idSchema,
      references: z.array(referenceImageRefSchema).min(1),
    }),
  ),
});
export type PatternSetArtifact = z.infer<typeof patternSetArtifactSchema>;

/** Reads an artifact, failing clearly on a format this code does not know. */
export function parsePatternSetArtifact(json: unknown): PatternSetArtifact {
  const v = (json as { v?: unknown } | null)?.v;
  if (v !== PATTERN_SET_FORMAT_VERSION) {
    throw new Error(
      `pattern-set artifact format v${String(v)} is not supported (expected v${PATTERN_SET_FORMAT_VERSION})`,
    );
  }
  return patternSetArtifactSchema.parse(json);
}
