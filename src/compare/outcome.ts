import { EXIT_BAD_INPUT, EXIT_DRIFT, EXIT_PASS } from '../errors.ts';
import type { MetricComparison, Verdict } from './types.ts';

/** Every outcome a check reports; also the values of the action's `status` output (action.yml lists them). */
export const OUTCOMES = ['pass', 'drift', 'accepted', 'no-baseline', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What decides a check's outcome. */
export interface OutcomeInput {
  /** The metric comparison; null when there was nothing to compare with, or the run failed. */
  verdict: Verdict | null;
  /**
   * Final-checkpoint tensors that differ and count as drift (only under `tolerance: { exact: true }`),
   * and how many tensors the two checkpoints hold between them; null when the weights are not drift.
   */
  weightsDrift: { differing: number; tensors?: number } | null;
  /** Who accepted an intended change (the PR's accept label), asked only on drift; null when nobody did. */
  acceptedBy: { login: string; at: string } | null;
  /** True when there was no baseline to compare with (the action's `on-missing-baseline: warn`). */
  noBaseline?: boolean;
  /** The run failed before a verdict: the message. */
  error?: string | null;
}

/** The one answer every reader of a check takes: report, action outputs, CLI exit code, JSON. */
export interface CheckOutcome {
  outcome: Outcome;
  /** DESIGN.md: 0 pass (accepted drift and a missing baseline under `warn` pass), 1 drift, 2 error. */
  exitCode: number;
  /** `status` of the JSON: drift whenever the metrics or the weights drifted, accepted or not. */
  status: 'pass' | 'drift' | 'error';
  /** Metrics that drifted or went missing, in verdict order. */
  driftedMetrics: string[];
  /** The earliest first divergent step over the drifted metrics; null when none (or for final values only). */
  firstDivergentStep: number | null;
  /** One line of facts: "3 of 12 metrics drifted from step 40", "final weights differ in 2 of 8 tensors"; null on pass. */
  driftSummary: string | null;
}

/** A metric that fails the check: it drifted, or the baseline has it and the run does not. */
export function isDriftedMetric(metric: Pick<MetricComparison, 'status'>): boolean {
  return metric.status === 'drift' || metric.status === 'missing';
}

/** The earliest first divergent step over the drifted metrics (a missing step counts: compare sets it). */
export function firstDivergentStepOverall(verdict: Verdict): number | null {
  let first: number | null = null;
  for (const metric of verdict.metrics) {
    if (!isDriftedMetric(metric) || metric.firstDivergentStep === null) continue;
    if (first === null || metric.firstDivergentStep < first) first = metric.firstDivergentStep;
  }
  return first;
}

/**
 * Decides a check's outcome (pure). Precedence: an error; no baseline; drift (of the metrics or,
 * under exact tolerance, of the weights) — accepted when someone accepted it; else pass.
 */
export function decideOutcome(input: OutcomeInput): CheckOutcome {
  const driftedMetrics = input.verdict ? input.verdict.metrics.filter(isDriftedMetric).map((m) => m.name) : [];
  const firstDivergentStep =
    input.verdict && driftedMetrics.length > 0 ? firstDivergentStepOverall(input.verdict) : null;
  const base = { driftedMetrics, firstDivergentStep, driftSummary: null };
  if (input.error) return { ...base, outcome: 'error', exitCode: EXIT_BAD_INPUT, status: 'error' };
  if (input.noBaseline || !input.verdict)
    return { ...base, outcome: 'no-baseline', exitCode: EXIT_PASS, status: 'pass' };
  const drifted = input.verdict.status === 'drift' || driftedMetrics.length > 0 || input.weightsDrift !== null;
  if (!drifted) return { ...base, outcome: 'pass', exitCode: EXIT_PASS, status: 'pass' };
  const summary = describeDrift(
    input.verdict.metrics.length,
    driftedMetrics.length,
    firstDivergentStep,
    input.weightsDrift,
  );
  return input.acceptedBy
    ? { ...base, driftSummary: summary, outcome: 'accepted', exitCode: EXIT_PASS, status: 'drift' }
    : { ...base, driftSummary: summary, outcome: 'drift', exitCode: EXIT_DRIFT, status: 'drift' };
}

function describeDrift(
  metrics: number,
  drifted: number,
  first: number | null,
  weights: OutcomeInput['weightsDrift'],
): string {
  const weightsText = weights
    ? `final weights differ in ${weights.tensors === undefined ? plural(weights.differing, 'tensor') : `${weights.differing} of ${plural(weights.tensors, 'tensor')}`}`
    : null;
  if (drifted === 0) return weightsText ?? 'drift';
  const metricText = `${drifted} of ${plural(metrics, 'metric')} drifted${first === null ? '' : ` from step ${first}`}`;
  return weightsText ? `${metricText}; ${weightsText}` : metricText;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
