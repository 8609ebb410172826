// What the stamp card and the scan view agree on: the scan view recognises a booth, the card commits
// the stamp, and only a committed stamp is celebrated.
import type { MatchEvidence } from '../../../../shared/sync.schema.js';

/** A booth confirmed across consecutive frames (or in one fallback photo). */
export interface ScanDetection {
  boothId: string;
  score: number;
  evidence: MatchEvidence;
}

/** What committing a detection did; the scan view celebrates only 'stamped'. */
export type CommitOutcome =
  { kind: 'stamped' } | { kind: 'already' } | { kind: 'failed'; message: string };

export type CommitStamp = (detection: ScanDetection) => Promise<CommitOutcome>;

/** Fired (bubbles, composed) by <scan-view> when the visitor leaves it. */
export const SCAN_CLOSE_EVENT = 'scan-close';
