// What happens to a detection: an already-collected booth is "already stamped" without asking the
// card again; otherwise the card commits it, and only its 'stamped' answer earns the haptic (the
// celebration follows from the returned result). A throwing commit counts as a failed one.
import { msg } from '@lit/localize';
import type { PublicBooth } from '../../../../shared/campaign.schema.js';
import { localized } from '../../../format.js';
import { currentLocale } from '../../../localization.js';
import type { CommitOutcome, CommitStamp, ScanDetection } from './scan-contract.js';
import type { ScanResult } from './scan-panels.js';

export interface CommitContext {
  booth: PublicBooth;
  /** Booths on the card, plus those stamped since the view opened. */
  alreadyCollected: boolean;
  commitStamp: CommitStamp | null;
  /** Called just before the card is asked (the view shows "saving"). */
  onCommitting: () => void;
}

async function commit(commitStamp: CommitStamp | null, detection: ScanDetection) {
  const failed = msg('Your stamp was not saved. Please scan the poster again.', {
    id: 'scan.commit.failed',
  });
  if (!commitStamp) return { kind: 'failed', message: failed } as const;
  try {
    return await commitStamp(detection);
  } catch {
    return { kind: 'failed', message: failed } as const;
  }
}

export async function settleDetection(
  detection: ScanDetection,
  context: CommitContext,
): Promise<ScanResult> {
  const { booth } = context;
  let outcome: CommitOutcome = { kind: 'already' };
  if (!context.alreadyCollected) {
    context.onCommitting();
    outcome = await commit(context.commitStamp, detection);
  }
  const boothName = localized(booth.name, currentLocale());
  if (outcome.kind === 'failed') return { kind: 'failed', boothName, message: outcome.message };
  if (outcome.kind === 'stamped') navigator.vibrate?.([40, 60, 120]);
  return { kind: outcome.kind, boothName, thumbnailUrl: booth.thumbnailUrl };
}
