import type { StepAxis } from '../metrics/series.ts';

/** The verdict of comparing a run against a baseline (DESIGN.md's `compare` JSON, plus detail for reports). */
export type MetricStatus = 'pass' | 'drift' | 'missing' | 'new';

export interface Tolerance {
  rtol: number;
  atol: number;
  /** Bit-for-bit equal doubles; rtol/atol are then unused. */
  exact: boolean;
}

export interface AppliedTolerance extends Tolerance {
  /** Where the tolerance came from, for the report: "default", "tolerance", or `metric-tolerances["eval.*"]`. */
  source: string;
}

export interface MetricComparison {
  name: string;
  status: MetricStatus;
  /** 'series' for stepped metrics, 'final' for values logged without a step. */
  kind: 'series' | 'final';
  /**
   * First step whose values differ at all, even inside the tolerance; null for finals or when none.
   * A baseline step the run lacks counts (it is where the curves part), and so does a step only the run has.
   */
  firstDivergentStep: number | null;
  /** First step outside the tolerance, a missing step included; null for finals or when none. */
  firstOutOfToleranceStep: number | null;
  maxAbsDiff: number | null;
  maxRelDiff: number | null;
  /** Values at the last step both sides share (or the final values). */
  finalStep: number | null;
  baselineValue: number | null;
  currentValue: number | null;
  /**
   * Steps the baseline has and the run lacks, and the reverse (both drift: the run is not the baseline's run): the first
   * MAX_LISTED_STEPS of each, and how many there are in all (a run that stopped early can lack
   * millions).
   */
  missingSteps: number[];
  missingStepCount: number;
  extraSteps: number[];
  extraStepCount: number;
  /** The first value of the run that is NaN or ±Infinity where the baseline's is finite or absent (a diverged run); null when none. */
  becameNonFinite: { step: number | null; value: number } | null;
  /** For a missing metric: a new metric of the run holding exactly its steps and values (a renamed metric?). */
  renamedTo: string | null;
  tolerance: AppliedTolerance;
  /** Present when the metric was judged by the σ gate against a band (src/stats/sigma-gate.ts). */
  sigma?: SigmaSummary;
}

export interface SigmaSummary {
  /** Which band judged the run: the same-seed repeats or the seeds. */
  band: 'same-seed' | 'seed';
  runs: number;
  scale: 'log' | 'linear';
  k: number;
  nominalFalseAlarmRate: number;
  /** How many σ away: the largest over the gated points; the final value; the mean of the last W steps. */
  sigmas: number | null;
  finalSigmas: number | null;
  tailSigmas: number | null;
  worstPoint: string | null;
  note: string | null;
}

/** How many missing or extra steps a comparison lists; the rest are counted. */
export const MAX_LISTED_STEPS = 20;

/** Which key each metric file's steps were read from (absent for run records and baselines, which do not keep it). */
export interface StepKeys {
  baseline: StepAxis[];
  current: StepAxis[];
}

export interface Verdict {
  status: 'pass' | 'drift';
  metrics: MetricComparison[];
  /** Tolerance globs from metric-tolerances that matched no metric. */
  unusedToleranceGlobs: string[];
  notes: string[];
  stepKeys: StepKeys;
  /** Fields whose values (some or all) were text, not numbers, and so were not compared (MetricData.uncompared). */
  uncompared?: string[];
}
