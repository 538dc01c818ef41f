import type { Tolerance } from '../compare/types.ts';

/** The σ gate's settings and verdict shapes (src/stats/sigma-gate.ts describes the test). */
export type SigmaThreshold = { sigma: number } | { falseAlarmRate: number };

export interface SigmaGateOptions {
  threshold: SigmaThreshold;
  /** Window width W in logged steps (>= 1). */
  window: number;
  /** Globs of metric names gated on a log scale when all their values are > 0. */
  logScale: readonly string[];
  /** The rtol/atol floor for a metric (TolerancePicker.pick). */
  floor: (name: string) => Tolerance;
  /** Metrics left out (wall-clock fields). */
  ignore: readonly string[];
  include?: readonly string[];
}

export interface SigmaMetric {
  name: string;
  status: 'pass' | 'drift' | 'missing' | 'new';
  kind: 'series' | 'final';
  scale: 'log' | 'linear';
  /** Reference runs the band holds for this metric. */
  runs: number;
  k: number;
  /** Effective number of tests (non-overlapping windows + final value). */
  tests: number;
  /** Nominal probability that a run of the same code fails this metric. */
  nominalFalseAlarmRate: number;
  /** How many σ (prediction-interval units) away: the largest over the gated points; null when nothing was gated. */
  sigmas: number | null;
  finalSigmas: number | null;
  /** The mean of the last W steps. */
  tailSigmas: number | null;
  /** The point with the largest σ distance ("final", "steps 21–40"). */
  worstPoint: string | null;
  /** The last step of the first failing window (or the final step); null when passing. */
  firstFailingStep: number | null;
  /** Why a metric could not be gated normally (fewer than 2 runs, a missing step). */
  note: string | null;
}

export interface SigmaVerdict {
  status: 'pass' | 'drift';
  metrics: SigmaMetric[];
}

/** A metric's verdict when it could not be gated normally (new, missing, a missing step, non-finite): NOTE says why. */
export function blankMetric(
  name: string,
  kind: SigmaMetric['kind'],
  status: SigmaMetric['status'],
  runs: number,
  note: string | null = null,
): SigmaMetric {
  return {
    name,
    status,
    kind,
    scale: 'linear',
    runs,
    k: NaN,
    tests: 0,
    nominalFalseAlarmRate: NaN,
    sigmas: null,
    finalSigmas: null,
    tailSigmas: null,
    worstPoint: null,
    firstFailingStep: null,
    note,
  };
}
