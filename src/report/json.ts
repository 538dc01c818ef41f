import type { MetricComparison, Verdict } from '../compare/types.ts';
import { encodeNumber, type EncodedNumber } from '../numbers.ts';

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
    missingSteps: number[];
    extraSteps: number[];
    tolerance: { rtol: number; atol: number; exact: boolean; source: string };
  }>;
  unusedToleranceGlobs: string[];
  notes: string[];
}

const encodeOrNull = (value: number | null) => (value === null ? null : encodeNumber(value));

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
      extraSteps: m.extraSteps,
      tolerance: { rtol: m.tolerance.rtol, atol: m.tolerance.atol, exact: m.tolerance.exact, source: m.tolerance.source },
    })),
    unusedToleranceGlobs: verdict.unusedToleranceGlobs,
    notes: verdict.notes,
  };
}
