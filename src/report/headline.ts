/**
 * The report's verdict line, the same words in every rendering (markdown, terminal, HTML), and
 * the notes the headline carries.
 */
import type { MetricComparison, Verdict } from '../compare/types.ts';
import { firstDivergentStepOverall, isDriftedMetric } from '../compare/outcome.ts';
import type { ReportInput } from './markdown.ts';
import { uncomparedText } from './coverage.ts';

const OUTCOME_HEADLINE: Record<ReportInput['outcome'], string> = {
  pass: '✅ repro-check: reproduced',
  drift: '❌ repro-check: drift',
  accepted: '☑️ repro-check: drift accepted',
  'no-baseline': 'ℹ️ repro-check: no baseline yet',
  error: '⚠️ repro-check: could not check',
};

/** The headline note of a result trained on an unclean tree (--allow-dirty). */
export const UNCLEAN_TREE_NOTE = 'unclean tree — this result cannot gate';

/** What an --allow-dirty run trained beyond its commit. */
export function uncleanTreeLine(tree: { paths: string[]; diffSha256: string }): string {
  const shown =
    tree.paths.slice(0, 10).join(', ') + (tree.paths.length > 10 ? `, … and ${tree.paths.length - 10} more` : '');
  return `Trained with uncommitted changes (--allow-dirty): ${shown}; diff sha256 ${tree.diffSha256.slice(0, 16)}. Commit them to get a result that can gate.`;
}

/** The note for a seed mismatch, in the headline notes and the JSON alike. */
export function seedMismatchNote(seeds: { baseline: number; current: number }): string {
  return `baseline seed ${seeds.baseline}, this run seed ${seeds.current} — curves from different seeds are not comparable bit for bit`;
}

/** The metrics of VERDICT that count as drift (drifted or missing), in its order. */
export function drifted(verdict: Verdict): MetricComparison[] {
  return verdict.metrics.filter(isDriftedMetric);
}

/**
 * The earliest point where the run became NaN or ±Infinity against a finite baseline: a
 * diverged run says so first, since "drift" undersells a loss that went to NaN.
 */
function divergence(verdict: Verdict): string | null {
  const diverged = drifted(verdict).filter((m) => m.becameNonFinite !== null);
  if (diverged.length === 0) return null;
  const first = diverged.reduce((a, b) =>
    (b.becameNonFinite!.step ?? Infinity) < (a.becameNonFinite!.step ?? Infinity) ? b : a,
  );
  const { step, value } = first.becameNonFinite!;
  return `diverged: \`${first.name}\` became ${Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'}${step === null ? ' (final value)' : ` at ${axisNoun(verdict)} ${step}`}`;
}

/** The verdict line, the same words in every rendering: "❌ repro-check: drift in 1 of 3 metrics — curves part at step 17". */
export function headlineText(input: ReportInput): string {
  const verdict = input.verdict;
  let text = OUTCOME_HEADLINE[input.outcome];
  const diverged = verdict && (input.outcome === 'drift' || input.outcome === 'accepted') ? divergence(verdict) : null;
  if (verdict && (input.outcome === 'drift' || input.outcome === 'accepted')) {
    const count = drifted(verdict).length;
    const first = firstDivergentStepOverall(verdict);
    const weights = input.weightsDrift
      ? input.weightsDrift.cause
        ? `${input.weightsDrift.cause} (exact tolerance)`
        : `final weights differ (${describeTensorCount(input.weightsDrift)}, exact tolerance)`
      : null;
    // Only the weights drifted: saying "drift in 0 of N metrics" would read as a pass.
    if (count === 0 && weights)
      text += ` — ${weights}; ${verdict.metrics.length === 1 ? 'the metric is' : `all ${verdict.metrics.length} metrics are`} within tolerance`;
    else
      text += ` in ${count} of ${plural(verdict.metrics.length, 'metric')}${diverged ? ` — ${diverged}` : ''}${first === null ? '' : ` — curves part at ${axisNoun(verdict)} ${first}`}${weights ? `; ${weights}` : ''}`;
  } else if (verdict && input.outcome === 'pass') {
    const compared = verdict.metrics.filter((m) => m.status !== 'new').length;
    // Bit for bit only when every logged value was compared: a field left out (text, an array too long) could hide a change.
    const bitwise =
      (verdict.uncompared?.length ?? 0) === 0 &&
      verdict.metrics.every((m) => m.status === 'new' || (m.firstDivergentStep === null && (m.maxAbsDiff ?? 0) === 0));
    text += ` — ${plural(compared, 'metric')} within tolerance${bitwise ? ', bit-for-bit identical' : ''}${input.weightsNotCompared ? '; the weights were not compared (this run wrote no checkpoint)' : ''}`;
  }
  if (verdict && (verdict.uncompared?.length ?? 0) > 0) text += `; ${uncomparedText(verdict.uncompared!)}`;
  if (input.uncleanTree) text += ` (${UNCLEAN_TREE_NOTE})`;
  return text;
}

function describeTensorCount(weights: { differing: number; tensors?: number }): string {
  return weights.tensors === undefined
    ? plural(weights.differing, 'tensor')
    : `${weights.differing} of ${plural(weights.tensors, 'tensor')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * "epoch" when every metric file that has a step axis was read on `epoch` (Keras' CSVLogger, an
 * epoch loop), else "step". Data from run records does not say; it counts as agreeing.
 */
export function axisNoun(verdict: Verdict): 'step' | 'epoch' {
  const keys = [...verdict.stepKeys.baseline, ...verdict.stepKeys.current]
    .map((axis) => axis.stepKey)
    .filter((key): key is string => key !== null);
  return keys.length > 0 && keys.every((key) => key.trim().toLowerCase() === 'epoch') ? 'epoch' : 'step';
}
