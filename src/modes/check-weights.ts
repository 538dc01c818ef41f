import type { CheckpointEntry, RunRecordJson } from '../record/types.ts';
import { compareFinalCheckpoints, type WeightsComparison } from '../compare/weights.ts';
import type { ReportInput } from '../report/markdown.ts';

/** What the weights comparison adds to a check's report. */
export type WeightsJudgement = Pick<ReportInput, 'weightsDrift' | 'weightsNotCompared' | 'checkpointLines'>;

/**
 * The final (and merged) checkpoints of the run against the baseline's, by their tensor
 * fingerprints (pure). Under an exact tolerance (EXACT) differing weights are drift, and so are
 * weights the baseline has but this run did not produce: never a quiet pass; otherwise they are
 * reported only.
 */
export function judgeWeights(baseline: RunRecordJson, current: RunRecordJson, exact: boolean): WeightsJudgement {
  const finalWeights = compareFinalCheckpoints(baseline.checkpoints, current.checkpoints);
  const mergedWeights = compareFinalCheckpoints(
    mergedEntry(baseline),
    mergedEntry(current),
    `merged checkpoint (average of the last ${current.merged?.from.length ?? 0})`,
  );
  const weights = {
    lines: [...finalWeights.lines, ...mergedWeights.lines],
    compared: finalWeights.compared || mergedWeights.compared,
    differing: [...finalWeights.differing, ...mergedWeights.differing.map((name) => `merged: ${name}`)],
    tensors: finalWeights.tensors + mergedWeights.tensors,
    notProduced:
      [finalWeights.notProduced, mergedWeights.notProduced].filter((cause) => cause !== null).join('; ') || null,
  };
  const weightsDrift = exact && weights.differing.length > 0 && (weights.compared || weights.notProduced !== null);
  return {
    weightsDrift: weightsDrift
      ? {
          differing: weights.differing.length,
          tensors: weights.tensors,
          ...(weights.notProduced ? { cause: weights.notProduced } : {}),
        }
      : null,
    weightsNotCompared: !exact && weights.notProduced !== null,
    checkpointLines: [...weights.lines, ...weightsVerdictLines(weights, exact)],
  };
}

/** The merged checkpoint's fingerprints as a checkpoint list, for compareFinalCheckpoints. */
function mergedEntry(record: RunRecordJson): CheckpointEntry[] | undefined {
  return record.merged?.tensors ? [{ path: record.merged.path, step: 0, tensors: record.merged.tensors }] : undefined;
}

/** What the weights comparison means for the verdict under this tolerance (pure). */
function weightsVerdictLines(weights: WeightsComparison, exact: boolean): string[] {
  if (weights.notProduced !== null) {
    return [
      exact
        ? 'tolerance is exact, so weights this run did not produce are drift'
        : 'the weights were not compared (under `tolerance: { exact: true }` this is drift); check the `checkpoints` setting and that the training still saves them',
    ];
  }
  if (!weights.compared || weights.differing.length === 0) return [];
  return [
    exact
      ? 'tolerance is exact, so differing weights are drift'
      : 'weights are compared bit for bit only under `tolerance: { exact: true }`; here they are reported',
  ];
}
