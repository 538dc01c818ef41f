import type { MetricData, MetricSeries } from '../metrics/series.ts';
import { MAX_LISTED_STEPS, type AppliedTolerance, type MetricComparison, type Verdict } from './types.ts';
import { bitEqual, withinTolerance, type TolerancePicker } from './tolerance.ts';
import { globToRegExp, matchesAnyGlob } from './glob.ts';
import { isDriftedMetric } from './outcome.ts';
import { nothingCompared } from './nothing-compared.ts';
import { findRenames } from './renames.ts';

export interface CompareOptions {
  tolerances: TolerancePicker;
  /** Keep only metrics matching one of these globs (empty: keep all). */
  include: readonly string[];
  /** Drop metrics matching one of these globs (wall-clock fields by default). */
  ignore: readonly string[];
}

/**
 * Pure: compares every metric of `current` against `baseline` (DESIGN.md's statuses and fields).
 * @throws ReproError when nothing was compared (no metric both sides hold after the filters).
 */
export function compareMetrics(baseline: MetricData, current: MetricData, options: CompareOptions): Verdict {
  const include = options.include.map(globToRegExp);
  const ignore = options.ignore.map(globToRegExp);
  const keep = (name: string) =>
    (include.length === 0 || matchesAnyGlob(name, include)) && !matchesAnyGlob(name, ignore);

  const metrics: MetricComparison[] = [];
  for (const name of unionOfKeys(baseline.series, current.series)) {
    if (!keep(name)) continue;
    metrics.push(
      compareSeries(name, baseline.series.get(name), current.series.get(name), options.tolerances.pick(name)),
    );
  }
  for (const name of unionOfKeys(baseline.finals, current.finals)) {
    if (!keep(name)) continue;
    metrics.push(
      compareFinal(name, baseline.finals.get(name), current.finals.get(name), options.tolerances.pick(name)),
    );
  }
  const uncompared = [...new Set([...(baseline.uncompared ?? []), ...(current.uncompared ?? [])])].filter(keep).sort();
  if (!metrics.some((m) => m.status !== 'new')) throw nothingCompared(baseline, current, options, uncompared);
  const drifted = metrics.some(isDriftedMetric);
  const renames = findRenames(metrics, baseline, current);
  return {
    status: drifted ? 'drift' : 'pass',
    metrics: sortDriftFirst(metrics),
    unusedToleranceGlobs: options.tolerances.unusedGlobs(),
    notes: [...renames, ...baseline.notes.map((n) => `baseline: ${n}`), ...current.notes.map((n) => `run: ${n}`)],
    stepKeys: { baseline: baseline.stepAxes ?? [], current: current.stepAxes ?? [] },
    uncompared,
  };
}

const STATUS_ORDER: Record<MetricComparison['status'], number> = { missing: 0, drift: 1, new: 2, pass: 3 };

/**
 * Sorts METRICS in place and returns them: missing, then drifted, then new, then passing; within
 * each, by first out-of-tolerance step (none last), then by name.
 */
export function sortDriftFirst(metrics: MetricComparison[]): MetricComparison[] {
  return metrics.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      compareStepsOrNull(a.firstOutOfToleranceStep, b.firstOutOfToleranceStep) ||
      a.name.localeCompare(b.name),
  );
}

function compareStepsOrNull(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

function unionOfKeys(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort();
}

function blankComparison(name: string, kind: MetricComparison['kind'], tolerance: AppliedTolerance): MetricComparison {
  return {
    name,
    kind,
    status: 'pass',
    firstDivergentStep: null,
    firstOutOfToleranceStep: null,
    maxAbsDiff: null,
    maxRelDiff: null,
    finalStep: null,
    baselineValue: null,
    currentValue: null,
    missingSteps: [],
    missingStepCount: 0,
    extraSteps: [],
    extraStepCount: 0,
    becameNonFinite: null,
    renamedTo: null,
    tolerance,
  };
}

/**
 * Running maxima of |diff| and |diff|/|baseline|. Pairs that are bit-equal (NaN and NaN at one
 * step, equal infinities) add 0; a pair where one side is NaN adds NaN, and one where one side is
 * infinite adds Infinity, so a diverged run never shows a difference of 0. NaN ranks above
 * Infinity, which ranks above any finite difference.
 */
class DiffMaxima {
  abs: number | null = null;
  rel: number | null = null;
  add(baseline: number, current: number): void {
    let abs: number;
    let rel: number;
    if (bitEqual(baseline, current) || (baseline === current && !Number.isFinite(baseline))) abs = rel = 0;
    else if (Number.isNaN(baseline) || Number.isNaN(current)) abs = rel = NaN;
    else if (!Number.isFinite(baseline) || !Number.isFinite(current)) abs = rel = Infinity;
    else {
      abs = Math.abs(current - baseline);
      rel = abs === 0 ? 0 : baseline === 0 ? Infinity : abs / Math.abs(baseline);
    }
    this.abs = larger(this.abs, abs);
    this.rel = larger(this.rel, rel);
  }
}

function larger(kept: number | null, next: number): number {
  if (kept === null || Number.isNaN(next)) return next;
  return Number.isNaN(kept) || kept >= next ? kept : next;
}

function compareSeries(
  name: string,
  baseline: MetricSeries | undefined,
  current: MetricSeries | undefined,
  tolerance: AppliedTolerance,
): MetricComparison {
  const result = blankComparison(name, 'series', tolerance);
  if (!baseline || !current) {
    const only = (baseline ?? current)!;
    result.status = baseline ? 'missing' : 'new';
    const last = only.steps.length - 1;
    result.finalStep = only.steps[last] ?? null;
    if (baseline) result.baselineValue = baseline.values[last] ?? null;
    else result.currentValue = only.values[last] ?? null;
    return result;
  }
  const maxima = new DiffMaxima();
  let outOfTolerance = false;
  // Both step lists are ascending and unique: one merge walk finds shared, missing and extra steps.
  let i = 0;
  let j = 0;
  while (i < baseline.steps.length || j < current.steps.length) {
    const baselineStep = baseline.steps[i];
    const currentStep = current.steps[j];
    if (currentStep === undefined || (baselineStep !== undefined && baselineStep < currentStep)) {
      // A step the baseline has and the run lacks (it stopped early, or logs less often) is where
      // the curves part: it differs, and it is drift, like NaN where the baseline had a number.
      if (result.missingStepCount++ < MAX_LISTED_STEPS) result.missingSteps.push(baselineStep!);
      result.firstDivergentStep ??= baselineStep!;
      result.firstOutOfToleranceStep ??= baselineStep!;
      outOfTolerance = true;
      i++;
      continue;
    }
    if (baselineStep === undefined || currentStep < baselineStep) {
      // A step the run has and the baseline lacks (it ran longer, or logs more often): the run is not
      // the baseline's run, so it is drift as a missing step is; a NaN there is where it diverged.
      if (result.extraStepCount++ < MAX_LISTED_STEPS) result.extraSteps.push(currentStep);
      result.firstDivergentStep ??= currentStep;
      result.firstOutOfToleranceStep ??= currentStep;
      const value = current.values[j]!;
      if (result.becameNonFinite === null && !Number.isFinite(value))
        result.becameNonFinite = { step: currentStep, value };
      outOfTolerance = true;
      j++;
      continue;
    }
    const b = baseline.values[i]!;
    const c = current.values[j]!;
    if (result.firstDivergentStep === null && !bitEqual(b, c)) result.firstDivergentStep = baselineStep;
    if (result.becameNonFinite === null && !Number.isFinite(c) && Number.isFinite(b))
      result.becameNonFinite = { step: baselineStep, value: c };
    if (!withinTolerance(b, c, tolerance)) {
      outOfTolerance = true;
      if (result.firstOutOfToleranceStep === null) result.firstOutOfToleranceStep = baselineStep;
    }
    maxima.add(b, c);
    result.finalStep = baselineStep;
    result.baselineValue = b;
    result.currentValue = c;
    i++;
    j++;
  }
  result.maxAbsDiff = maxima.abs;
  result.maxRelDiff = maxima.rel;
  result.status = outOfTolerance ? 'drift' : 'pass';
  return result;
}

function compareFinal(
  name: string,
  baseline: number | undefined,
  current: number | undefined,
  tolerance: AppliedTolerance,
): MetricComparison {
  const result = blankComparison(name, 'final', tolerance);
  result.baselineValue = baseline ?? null;
  result.currentValue = current ?? null;
  if (baseline === undefined) result.status = 'new';
  else if (current === undefined) result.status = 'missing';
  else {
    const maxima = new DiffMaxima();
    maxima.add(baseline, current);
    result.maxAbsDiff = maxima.abs;
    result.maxRelDiff = maxima.rel;
    result.status = withinTolerance(baseline, current, tolerance) ? 'pass' : 'drift';
    if (!Number.isFinite(current) && Number.isFinite(baseline)) result.becameNonFinite = { step: null, value: current };
  }
  return result;
}
