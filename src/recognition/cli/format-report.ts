// Words the compile-time quality report for a terminal.
import type { QualityReason, QualityReport } from '../engine/quality-report.js';

const REASON_TEXT: Record<QualityReason, string> = {
  'too-little-texture': 'too little texture (few corners to lock onto)',
  'uneven-texture': 'detail only in part of the image',
  'too-small': 'image resolution too small',
  blurred: 'blurred',
  faint: 'faint print (little contrast of its own: print it stronger)',
  repetitive: 'repetitive pattern',
  'failed-test-views': 'not recognised reliably in simulated camera frames',
  'photos-differ': 'a further photo does not show the first photo’s artwork',
  'missed-large': 'missed even large and head-on',
  'missed-tilted': 'missed when seen at an angle',
  'missed-blurred': 'missed when blurred or noisy',
  'missed-small': 'missed when small in the frame (print it larger)',
  'missed-dim': 'missed in dim light',
};

export function formatQualityReport(report: QualityReport): string {
  const lines = ['pattern quality (recognisability 0–1):'];
  for (const p of report.patterns) {
    const why = p.reasons.map((r) => REASON_TEXT[r]).join('; ');
    lines.push(
      `  ${p.level.padEnd(4)} ${p.recognisability.toFixed(2)}  ${p.id}  (${p.keypoints} keypoints, ${p.references} image${p.references > 1 ? 's' : ''})${why ? ` — ${why}` : ''}`,
    );
  }
  const warned = report.pairs.filter((p) => p.warning);
  lines.push(warned.length ? 'look-alike patterns:' : 'no look-alike patterns');
  for (const p of warned) {
    lines.push(
      `  ${p.a} ~ ${p.b}: ${p.inliers} consistent matches (confusability ${p.confusability.toFixed(2)})`,
    );
  }
  lines.push(`compiled in ${report.compileMs} ms`);
  return lines.join('\n');
}
