// The compile-time quality report the organizer sees: per pattern a recognisability score with
// reasons, per pair of patterns a confusability figure. Structured data; the UI words it.

export const QUALITY_REASONS = [
  'too-little-texture',
  'uneven-texture',
  'too-small',
  'blurred',
  'faint',
  'repetitive',
  'failed-test-views',
  // A further photo of the booth in which its first photo's artwork is not found: it adds nothing
  // to that artwork (another booth's photo, or the artwork hidden or too small in it).
  'photos-differ',
  // Which test frames missed it (engine/test-views.ts): what to fix or to tell visitors.
  'missed-large',
  'missed-tilted',
  'missed-blurred',
  'missed-small',
  'missed-dim',
] as const;
export type QualityReason = (typeof QUALITY_REASONS)[number];

export interface PatternQuality {
  id: string;
  /** 0–1: share of synthetic camera frames of the pattern (engine/test-views.ts) recognised. */
  recognisability: number;
  level: 'good' | 'weak' | 'poor';
  reasons: QualityReason[];
  references: number;
  /** Keypoints found on the references (summed). */
  keypoints: number;
  /** Share of a 4×4 grid over the reference holding keypoints (0–1), worst reference. */
  coverage: number;
  /** Variance of the Laplacian of the working image, worst reference (low = blurred). */
  sharpness: number;
  /**
   * Grey levels the print itself spans (1st to 99th percentile, of 255), faintest reference: the
   * engine stretches it, but a camera sees it as printed, under its own noise.
   */
  contrast: number;
  /** Smallest side of the smallest reference, in original pixels. */
  minSide: number;
  /** Share of descriptors with a near twin elsewhere in the same image (0–1). */
  repetition: number;
  /** Further photos in which the first photo's artwork is not found. */
  unmatchedPhotos: number;
}

export interface PairConfusability {
  a: string;
  b: string;
  /**
   * The most inliers (as the matcher counts them) one pattern's evidence gave the other: between
   * their references, or in the camera test frames of either.
   */
  inliers: number;
  /** inliers ÷ the accept threshold: ≥ 0.5 warns, ≥ 1 means frames could be mistaken. */
  confusability: number;
  warning: boolean;
}

export interface QualityReport {
  v: 1;
  patterns: PatternQuality[];
  /** Pairs with any cross-match, most confusable first. */
  pairs: PairConfusability[];
  compileMs: number;
}
