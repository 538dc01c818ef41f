import type { MetricComparison, Verdict } from '../compare/types.ts';
import type { ReportInput } from './markdown.ts';
import { encodeNumber, type EncodedNumber } from '../numbers.ts';
import { decideOutcome } from '../compare/outcome.ts';

/** The `compare --format json` object (DESIGN.md contract; extra fields may follow). */
export interface VerdictJson {
  status: Verdict['status'];
  metrics: Array<{
    name: string;
    status: MetricComparison['status'];
    firstDivergentStep: number | null;
    firstOutOfToleranceStep: number | null;
    maxAbsDiff: EncodedNumber | null;
    maxRelDiff: EncodedNumber | null;
    kind: MetricComparison['kind'];
    finalStep: number | null;
    baselineValue: EncodedNumber | null;
    currentValue: EncodedNumber | null;
    /** The first MAX_LISTED_STEPS steps; the counts say how many there are in all. */
    missingSteps: number[];
    missingStepCount: number;
    extraSteps: number[];
    extraStepCount: number;
    becameNonFinite: { step: number | null; value: EncodedNumber } | null;
    renamedTo: string | null;
    tolerance: { rtol: number; atol: number; exact: boolean; source: string };
    /** σ gate only: how many σ away (the largest over the gated points), and the gate's detail. */
    sigmas?: EncodedNumber | null;
    sigma?: Omit<NonNullable<MetricComparison['sigma']>, 'sigmas' | 'finalSigmas' | 'tailSigmas' | 'k'> & {
      k: EncodedNumber;
      finalSigmas: EncodedNumber | null;
      tailSigmas: EncodedNumber | null;
    };
  }>;
  unusedToleranceGlobs: string[];
  notes: string[];
  /** Which key each metric file's steps were read from (null: the file held final values only). */
  stepKeys: Verdict['stepKeys'];
  /** Fields whose values (some or all) were text, not numbers, and were not compared; the notes say where. */
  uncompared: string[];
}

const encodeOrNull = (value: number | null) => (value === null ? null : encodeNumber(value));

/**
 * The `compare --format json` / report.json object (pure; DESIGN.md's contract): status, and per
 * metric its status, first divergent and first out-of-tolerance steps (null: none) and the
 * largest differences; non-finite numbers as the strings of src/numbers.ts.
 */
export function verdictToJson(verdict: Verdict): VerdictJson {
  return {
    status: verdict.status,
    metrics: verdict.metrics.map((m) => ({
      name: m.name,
      status: m.status,
      firstDivergentStep: m.firstDivergentStep,
      firstOutOfToleranceStep: m.firstOutOfToleranceStep,
      maxAbsDiff: encodeOrNull(m.maxAbsDiff),
      maxRelDiff: encodeOrNull(m.maxRelDiff),
      kind: m.kind,
      finalStep: m.finalStep,
      baselineValue: encodeOrNull(m.baselineValue),
      currentValue: encodeOrNull(m.currentValue),
      missingSteps: m.missingSteps,
      missingStepCount: m.missingStepCount,
      extraSteps: m.extraSteps,
      extraStepCount: m.extraStepCount,
      becameNonFinite: m.becameNonFinite && {
        step: m.becameNonFinite.step,
        value: encodeNumber(m.becameNonFinite.value),
      },
      renamedTo: m.renamedTo,
      tolerance: {
        rtol: m.tolerance.rtol,
        atol: m.tolerance.atol,
        exact: m.tolerance.exact,
        source: m.tolerance.source,
      },
      ...(m.sigma ? sigmaToJson(m.sigma) : {}),
    })),
    unusedToleranceGlobs: verdict.unusedToleranceGlobs,
    notes: verdict.notes,
    stepKeys: verdict.stepKeys,
    uncompared: verdict.uncompared ?? [],
  };
}

/** `sigmas` (issue 14's per-metric field: the largest over the gated points) and the gate's detail. */
function sigmaToJson(
  sigma: NonNullable<MetricComparison['sigma']>,
): Pick<VerdictJson['metrics'][number], 'sigmas' | 'sigma'> {
  const { sigmas, finalSigmas, tailSigmas, k, ...rest } = sigma;
  return {
    sigmas: encodeOrNull(sigmas),
    sigma: {
      ...rest,
      k: encodeNumber(k),
      finalSigmas: encodeOrNull(finalSigmas),
      tailSigmas: encodeOrNull(tailSigmas),
    },
  };
}

/** `check --format json` and the run's report.json: the verdict, plus what only a check knows. */
export interface CheckJson extends Omit<VerdictJson, 'status'> {
  status: 'pass' | 'drift';
  /** The check's outcome: an accepted drift keeps status "drift" with outcome "accepted". */
  outcome: ReportInput['outcome'];
  /** Final-weight tensors that differ under exact tolerance; present only then. */
  weightsDiffer?: number;
  /** Trained with --allow-dirty on an unclean tree; present only then. Such a result cannot gate. */
  dirty?: true;
  dirtyPaths?: string[];
  diffSha256?: string;
  /** The baseline's and this run's seeds; present only when they differ (the notes say so too). */
  seedMismatch?: { baseline: number; current: number };
}

/**
 * Weights that differ under exact tolerance are drift although every metric passed: the status
 * is taken from the metrics and the weights together, so that it agrees with the exit code.
 */
export function checkReportToJson(report: ReportInput & { verdict: Verdict }): CheckJson {
  const json = verdictToJson(report.verdict);
  const weights = report.weightsDrift;
  return {
    ...json,
    // Weights that differ under exact tolerance are drift although every metric passed (compare/outcome.ts).
    status:
      decideOutcome({ verdict: report.verdict, weightsDrift: weights ?? null, acceptedBy: null }).status === 'drift'
        ? 'drift'
        : 'pass',
    outcome: report.outcome,
    // The report's own notes (seed mismatch, trainer warnings) before the comparison's.
    notes: [...report.notes, ...json.notes],
    ...(weights ? { weightsDiffer: weights.differing } : {}),
    ...(report.seedMismatch ? { seedMismatch: report.seedMismatch } : {}),
    ...(report.uncleanTree
      ? { dirty: true as const, dirtyPaths: report.uncleanTree.paths, diffSha256: report.uncleanTree.diffSha256 }
      : {}),
  };
}
