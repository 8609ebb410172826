// Row types of pattern-set versions (immutable once created) and their reference images.

export interface PatternSetTable {
  id: string;
  campaign_id: string;
  /** sha256 over the ordered reference-image hashes: equal content, equal hash. */
  content_hash: string;
  /** Format version of `artifact` (the `v` inside it). */
  artifact_version: number;
  artifact_media_type: string;
  artifact: Uint8Array;
  created_by_account_id: string | null;
  created_at: string;
  /** 0 or 1. Only published sets may award stamps. */
  published: number;
  published_at: string | null;
  /** JSON QualityReport of the recognition compiler. */
  quality_report: string | null;
}

export interface ReferenceImageTable {
  id: string;
  pattern_set_id: string;
  booth_id: string;
  position: number;
  sha256: string;
  media_type: string;
  width: number;
  height: number;
  bytes: Uint8Array;
  thumb_media_type: string;
  thumb: Uint8Array;
  created_at: string;
}
