// A downloaded pattern set as a client keeps it: its identity (from the campaign config) and the
// compiled recognition artifact (binary, versioned itself; see src/recognition/engine/artifact.ts).

/** Media type the API serves compiled pattern sets with. */
export const PATTERN_SET_MEDIA_TYPE = 'application/vnd.stamp-rally.pattern-set';

export interface PatternSetArtifact {
  patternSetId: string;
  campaignSlug: string;
  contentHash: string;
  /** The compiled set; recognition pattern ids are the campaign's booth ids. */
  bytes: Uint8Array;
}
