// Scoring and printing of benchmark results: accuracy, wrong-id, false accepts, breakdowns, timing.
import type { QueryKind } from './bench-data.js';

export interface Outcome {
  venue: string;
  file: string;
  kind: QueryKind;
  tags: string[];
  label: string | null;
  pattern: string | null;
  score: number;
  candidate: string | null;
  candidateScore: number;
  ms: number;
}

interface Figures {
  positives: number;
  negatives: number;
  acc: number;
  wrongId: number;
  falseAccept: number;
}

export function figures(rows: readonly Outcome[]): Figures {
  const pos = rows.filter((r) => r.label !== null);
  const neg = rows.filter((r) => r.label === null);
  const ratio = (n: number, d: number): number => (d === 0 ? NaN : n / d);
  return {
    positives: pos.length,
    negatives: neg.length,
    acc: ratio(pos.filter((r) => r.pattern === r.label).length, pos.length),
    wrongId: ratio(
      pos.filter((r) => r.pattern !== null && r.pattern !== r.label).length,
      pos.length,
    ),
    falseAccept: ratio(neg.filter((r) => r.pattern !== null).length, neg.length),
  };
}

const pct = (v: number): string =>
  Number.isNaN(v) ? '   -  ' : `${(100 * v).toFixed(1).padStart(5)}%`;

function line(label: string, rows: readonly Outcome[]): string {
  const f = figures(rows);
  return `${label.padEnd(22)} pos ${String(f.positives).padStart(4)}  acc ${pct(f.acc)}  wrong-id ${pct(f.wrongId)}  | neg ${String(f.negatives).padStart(4)}  false-accept ${pct(f.falseAccept)}`;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Re-decides every query at candidate-score threshold t (what a recalibration would give). */
function atThreshold(rows: readonly Outcome[], t: number): Outcome[] {
  return rows.map((r) => ({
    ...r,
    pattern: r.candidate !== null && r.candidateScore >= t ? r.candidate : null,
  }));
}

export function printReport(
  engine: string,
  rows: readonly Outcome[],
  compileMs: number,
  refCount: number,
): void {
  const out: string[] = [`\n=== ${engine}: ${rows.length} queries ===`, line('ALL', rows)];
  out.push('-- by venue');
  for (const v of [...new Set(rows.map((r) => r.venue))])
    out.push(
      line(
        v,
        rows.filter((r) => r.venue === v),
      ),
    );
  out.push('-- positives by difficulty tag');
  const pos = rows.filter((r) => r.label !== null);
  const tags = [...new Set(pos.flatMap((r) => r.tags))].sort();
  for (const t of tags)
    out.push(
      line(
        `tag ${t}`,
        pos.filter((r) => r.tags.includes(t)),
      ),
    );
  const hard = (r: Outcome): number => r.tags.filter((t) => t !== 'clean' && t !== 'large').length;
  for (const [name, f] of [
    ['0 hard tags', (r: Outcome) => hard(r) === 0],
    ['1 hard tag', (r: Outcome) => hard(r) === 1],
    ['2+ hard tags', (r: Outcome) => hard(r) >= 2],
  ] as const) {
    out.push(line(name, pos.filter(f)));
  }
  out.push('-- negatives by kind');
  for (const k of ['neg-empty', 'neg-unseen', 'neg-tiny', 'neg-blur'] as const)
    out.push(
      line(
        k,
        rows.filter((r) => r.kind === k),
      ),
    );
  out.push('-- threshold sweep on candidate score (acc / wrong-id / false-accept)');
  const scores = [...new Set(rows.map((r) => r.candidateScore))].sort((a, b) => a - b);
  const steps =
    scores.length <= 12
      ? scores
      : Array.from({ length: 12 }, (_, i) => scores[Math.floor((i * (scores.length - 1)) / 11)]!);
  for (const t of steps) {
    const f = figures(atThreshold(rows, t));
    out.push(
      `  t=${String(Number(t.toFixed(3))).padEnd(8)} acc ${pct(f.acc)}  wrong-id ${pct(f.wrongId)}  false-accept ${pct(f.falseAccept)}`,
    );
  }
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const mean = ms.reduce((s, v) => s + v, 0) / ms.length;
  out.push(
    `-- time: ${mean.toFixed(1)} ms/query mean, p50 ${quantile(ms, 0.5).toFixed(1)}, p95 ${quantile(ms, 0.95).toFixed(1)}; compile ${(compileMs / refCount).toFixed(0)} ms/reference`,
  );
  console.log(out.join('\n'));
}
