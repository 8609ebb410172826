// What the scan view tells the visitor after each frame: searching, hold steady (a booth seen on
// some but not yet enough consecutive frames), too dark, too far, too close, or confirmed. Only
// FrameAgreement confirms; the hints are advice shown while nothing is being held, and need two
// frames in a row so they do not flicker.
import { FrameAgreement } from '../../../../recognition/engine/confirm.js';
import type { MatchResult } from '../../../../recognition/engine/matcher.js';
import { MATCH_PARAMS } from '../../../../recognition/engine/params.js';

export type ScanFeedback =
  | { state: 'searching' }
  | { state: 'too-dark' }
  | { state: 'too-far' }
  | { state: 'too-close' }
  | { state: 'holding'; boothId: string; agreeing: number; required: number }
  | { state: 'confirmed'; boothId: string; agreeing: number; score: number };

/** Consecutive agreeing frames that confirm a stamp. */
export const REQUIRED_FRAMES = 3;
/** Mean luminance (0–255) under which the frame is too dark to expect a match. */
export const DARK_LUMA = 40;
/**
 * Geometric inliers that show a real but weak match: two thirds of the engine's accept threshold.
 * Measured on the demo set (threshold 12): a poster ~150–160 px tall in a 640×480 frame gives 8–11
 * inliers (smaller ones give no candidate at all), while frames with no booth reach 4–7 by chance;
 * with a clear lead over the runner-up, that is where "move closer" is honest advice.
 */
export const WEAK_MATCH_INLIERS = Math.ceil((2 * MATCH_PARAMS.minInliers) / 3);
const HINT_FRAMES = 2;

type FrameResult = Pick<MatchResult, 'pattern' | 'score' | 'evidence'>;

/**
 * Whether the engine's evidence points to a poster that is there but too small in the frame: the
 * outline it found was under the size floor, or one candidate gathered clear geometric support
 * without reaching the accept threshold (few matched features is, in practice, mostly distance).
 */
export function looksTooFar(result: FrameResult): boolean {
  const { rejected, candidate, inliers, runnerUp } = result.evidence;
  if (rejected === 'outline-too-small') return true;
  return (
    rejected === 'too-few-inliers' &&
    candidate !== null &&
    inliers >= WEAK_MATCH_INLIERS &&
    inliers >= 2 * runnerUp
  );
}

/**
 * Whether a poster matched well enough but lies mostly beyond the frame's edges (the engine's
 * minVisibleFraction): the visitor is standing too close to fit it in.
 */
export function looksTooClose(result: FrameResult): boolean {
  return result.evidence.rejected === 'outline-mostly-out-of-frame';
}

type Hint = 'too-dark' | 'too-far' | 'too-close';

/** The advice a frame without a held booth deserves, darkness first. */
function hintFor(result: FrameResult, luma: number): Hint | null {
  if (luma < DARK_LUMA) return 'too-dark';
  if (looksTooFar(result)) return 'too-far';
  return looksTooClose(result) ? 'too-close' : null;
}

export class ScanTracker {
  private readonly agreement: FrameAgreement;
  private hint: Hint | null = null;
  private hintStreak = 0;

  /** `isBooth` filters out patterns that are not a booth of this campaign (a stale set). */
  constructor(
    private readonly isBooth: (patternId: string) => boolean,
    readonly required = REQUIRED_FRAMES,
  ) {
    this.agreement = new FrameAgreement(required);
  }

  push(result: FrameResult, luma: number): ScanFeedback {
    const pattern = result.pattern !== null && this.isBooth(result.pattern) ? result.pattern : null;
    const step = this.agreement.push(pattern);
    if (step.state === 'confirmed') {
      this.resetHint();
      return {
        state: 'confirmed',
        boothId: step.pattern,
        agreeing: step.agreeing,
        score: result.score,
      };
    }
    if (step.state === 'holding') {
      this.resetHint();
      return {
        state: 'holding',
        boothId: step.pattern,
        agreeing: step.agreeing,
        required: step.required,
      };
    }
    const hint = hintFor(result, luma);
    this.hintStreak = hint !== null && hint === this.hint ? this.hintStreak + 1 : 1;
    this.hint = hint;
    if (hint && this.hintStreak >= HINT_FRAMES) return { state: hint };
    return { state: 'searching' };
  }

  reset(): void {
    this.agreement.reset();
    this.resetHint();
  }

  private resetHint(): void {
    this.hint = null;
    this.hintStreak = 0;
  }
}
