// The feedback state machine on its own: frame agreement decides, hints need two frames in a row and
// never hide a booth being held. (The real engine drives it in scan-view.test.ts.)
import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../../src/recognition/engine/matcher.js';
import {
  DARK_LUMA,
  looksTooClose,
  looksTooFar,
  ScanTracker,
  WEAK_MATCH_INLIERS,
} from '../../../src/app/pages/visitor/scan/scan-feedback.js';
import { feedbackText } from '../../../src/app/pages/visitor/scan/scan-panels.js';

const evidence = (over: Partial<MatchResult['evidence']> = {}): MatchResult['evidence'] => ({
  inliers: 0,
  runnerUp: 0,
  runnerUpPattern: null,
  candidate: null,
  keypoints: 500,
  corners: null,
  rejected: 'no-candidate',
  ...over,
});
const nothingSeen: MatchResult = { pattern: null, score: 0, evidence: evidence() };
const seen = (pattern: string): MatchResult => ({
  pattern,
  score: 0.9,
  evidence: evidence({ inliers: 60, candidate: pattern, rejected: null }),
});
const weak = (inliers: number, runnerUp = 0): MatchResult => ({
  pattern: null,
  score: 0.2,
  evidence: evidence({ inliers, runnerUp, candidate: 'a', rejected: 'too-few-inliers' }),
});
const BRIGHT = 120;

describe('ScanTracker', () => {
  it('holds, then confirms after the required agreeing frames', () => {
    const tracker = new ScanTracker(() => true, 3);
    expect(tracker.push(seen('a'), BRIGHT)).toMatchObject({ state: 'holding', agreeing: 1 });
    expect(tracker.push(seen('a'), BRIGHT)).toMatchObject({ state: 'holding', agreeing: 2 });
    expect(tracker.push(seen('a'), BRIGHT)).toMatchObject({
      state: 'confirmed',
      boothId: 'a',
      agreeing: 3,
    });
    expect(tracker.push(nothingSeen, BRIGHT)).toEqual({ state: 'searching' });
  });

  it('ignores patterns that are not a booth of this campaign', () => {
    const tracker = new ScanTracker((id) => id !== 'stale');
    for (let i = 0; i < 5; i++) expect(tracker.push(seen('stale'), BRIGHT).state).toBe('searching');
  });

  it('shows a hint only from the second frame in a row, and never over a held booth', () => {
    const tracker = new ScanTracker(() => true);
    expect(tracker.push(nothingSeen, DARK_LUMA - 1).state).toBe('searching');
    expect(tracker.push(nothingSeen, DARK_LUMA - 1).state).toBe('too-dark');
    expect(tracker.push(seen('a'), DARK_LUMA - 1).state).toBe('holding');
    expect(tracker.push(seen('a'), DARK_LUMA - 1).state).toBe('holding');
    // A frame without the booth steps the agreement back; the visitor still sees "hold steady".
    expect(tracker.push(weak(WEAK_MATCH_INLIERS), BRIGHT).state).toBe('holding');
    expect(tracker.push(weak(WEAK_MATCH_INLIERS), BRIGHT).state).toBe('searching');
    expect(tracker.push(weak(WEAK_MATCH_INLIERS), BRIGHT).state).toBe('too-far');
  });

  it('says "too far" only for clear but weak evidence of one candidate', () => {
    expect(looksTooFar(weak(WEAK_MATCH_INLIERS))).toBe(true);
    expect(looksTooFar(weak(WEAK_MATCH_INLIERS - 1))).toBe(false);
    expect(looksTooFar(weak(WEAK_MATCH_INLIERS, WEAK_MATCH_INLIERS - 2))).toBe(false);
    expect(
      looksTooFar({ ...nothingSeen, evidence: evidence({ rejected: 'outline-too-small' }) }),
    ).toBe(true);
    expect(looksTooFar(nothingSeen)).toBe(false);
  });

  it('says "too close" when the poster matched but lies mostly beyond the frame', () => {
    const cut: MatchResult = {
      pattern: null,
      score: 0.5,
      evidence: evidence({ inliers: 40, candidate: 'a', rejected: 'outline-mostly-out-of-frame' }),
    };
    expect(looksTooClose(cut)).toBe(true);
    expect(looksTooClose(weak(WEAK_MATCH_INLIERS))).toBe(false);
    expect(looksTooFar(cut)).toBe(false);
    const tracker = new ScanTracker(() => true);
    expect(tracker.push(cut, BRIGHT).state).toBe('searching');
    expect(tracker.push(cut, BRIGHT).state).toBe('too-close');
    expect(tracker.push(cut, DARK_LUMA - 1).state).toBe('searching');
    expect(feedbackText({ state: 'too-close' }, '')).toBe(
      'Step back so the whole poster fits in the frame',
    );
  });
});
