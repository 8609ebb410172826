// The scan view's phases, and the one word it mirrors to its `data-state` attribute (tests, styling).
import type { ScanFeedback } from './scan-feedback.js';
import type { PhotoState } from './photo-fallback.js';
import type { ScanResult } from './scan-panels.js';

export type Phase = 'scanning' | 'committing' | 'result' | 'fallback' | 'error';

export interface ScanStateInputs {
  phase: Phase;
  photo: PhotoState;
  result: ScanResult | null;
  pageHidden: boolean;
  /** The camera delivers frames to the engine. */
  live: boolean;
  feedback: ScanFeedback | null;
}

export function scanStateName(s: ScanStateInputs): string {
  switch (s.phase) {
    case 'error':
      return 'error';
    case 'fallback':
      return s.photo.kind === 'idle' ? 'fallback' : `photo-${s.photo.kind}`;
    case 'committing':
      return 'confirmed';
    case 'result':
      return s.result!.kind;
    case 'scanning':
      if (s.pageHidden) return 'paused';
      return s.live && s.feedback ? s.feedback.state : 'starting';
  }
}
