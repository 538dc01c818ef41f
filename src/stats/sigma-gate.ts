import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import type { MetricData, MetricSeries } from '../metrics/series.ts';
import type { Tolerance } from '../compare/types.ts';
import { withinTolerance } from '../compare/tolerance.ts';
import { globToRegExp, matchesAnyGlob } from '../compare/glob.ts';
import { pointStats } from './band.ts';
import { isDriftedMetric } from '../compare/outcome.ts';

/**
 * The σ gate (pure): is a run inside the noise measured over reference runs (a band of seeds,
 * or of same-seed repeats)?
 *
 * Test, per metric: for each gated point, a prediction interval for one new draw,
 * `mean ± k·s·√(1 + 1/n)` (n reference runs, sample std s; under normal noise
 * (x − mean)/(s·√(1+1/n)) follows Student's t with n − 1 degrees of freedom), or the rtol/atol
 * floor (numpy.allclose) around the mean, whichever allowance is larger, so that s = 0 does not
 * make the gate bit-exact by accident.
 *
 * Gated points: the final value, and the means of every window of W consecutive logged steps
 * (sliding: every placement, so the verdict does not depend on where windows start). Each
 * window's s is pooled with its neighbours' (see gatePoints). Per-step
 * values are not gated one by one: a curve has hundreds of steps, and a per-step band at 4σ
 * flagged most same-code runs in our seed sweeps (issue 14). The number of tests a metric counts
 * for the multiple-comparison correction is the number of non-overlapping windows plus one (the
 * final value): overlapping windows are strongly correlated, so that is the effective count.
 *
 * k is either given (`tolerance.sigma`) or derived from a per-metric false-alarm rate α
 * (`tolerance.false-alarm-rate`) with Šidák's correction over the m tests:
 * per-test α' = 1 − (1 − α)^(1/m), k = t⁻¹(1 − α'/2; n − 1) (quantile from @stdlib).
 * Either way the report states the nominal per-metric false-alarm rate 1 − (1 − p)^m with
 * p = 2·(1 − T(k; n − 1)).
 *
 * Positive metrics whose names match `logScale` globs (default `*loss*`) are gated on ln(value):
 * losses have multiplicative, right-skewed noise (one seed's eval loss sat 6.1σ out on a linear
 * scale, 3.9σ on a log one, in our GPU sweep).
 */
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

export const DEFAULT_LOG_SCALE = ['*loss*'];
export const DEFAULT_WINDOW = 20;

/** Gates `current` against `reference` runs (at least one). Throws TypeError when there are none. */
export function sigmaGate(
  reference: readonly MetricData[],
  current: MetricData,
  options: SigmaGateOptions,
): SigmaVerdict {
  if (reference.length === 0) throw new TypeError('sigmaGate needs at least one reference run');
  const ignored = options.ignore.map(globToRegExp);
  const included = (options.include ?? []).map(globToRegExp);
  const logGlobs = options.logScale.map(globToRegExp);
  const keep = (name: string) =>
    (included.length === 0 || matchesAnyGlob(name, included)) && !matchesAnyGlob(name, ignored);
  const metrics: SigmaMetric[] = [];
  const seriesNames = new Set([...reference.flatMap((r) => [...r.series.keys()]), ...current.series.keys()]);
  for (const name of [...seriesNames].sort()) {
    if (!keep(name)) continue;
    const refs = reference.map((r) => r.series.get(name)).filter((s): s is MetricSeries => s !== undefined);
    metrics.push(gateSeries(name, refs, current.series.get(name), options, matchesAnyGlob(name, logGlobs)));
  }
  const finalNames = new Set([...reference.flatMap((r) => [...r.finals.keys()]), ...current.finals.keys()]);
  for (const name of [...finalNames].sort()) {
    if (!keep(name)) continue;
    const refs = reference.flatMap((r) => (r.finals.has(name) ? [r.finals.get(name)!] : []));
    const value = current.finals.get(name);
    if (refs.length === 0 || value === undefined) {
      metrics.push(blank(name, 'final', refs.length === 0 ? 'new' : 'missing', refs.length));
      continue;
    }
    metrics.push(
      gatePoints(
        name,
        'final',
        refs.map((v) => [v]),
        [value],
        [null],
        options,
        matchesAnyGlob(name, logGlobs),
        1,
      ),
    );
  }
  const failed = metrics.some(isDriftedMetric);
  return { status: failed ? 'drift' : 'pass', metrics };
}

function blank(
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

function gateSeries(
  name: string,
  refs: MetricSeries[],
  current: MetricSeries | undefined,
  options: SigmaGateOptions,
  logCandidate: boolean,
): SigmaMetric {
  if (refs.length === 0) return blank(name, 'series', 'new', 0);
  if (!current) return blank(name, 'series', 'missing', refs.length);
  // Steps every reference run logged: the band's points. A step the run lacks is where the curves part.
  let shared = Array.from(refs[0]!.steps);
  for (const ref of refs.slice(1)) {
    const have = new Set(Array.from(ref.steps));
    shared = shared.filter((s) => have.has(s));
  }
  const currentIndex = new Map(Array.from(current.steps, (s, i) => [s, i]));
  const lacking = shared.find((s) => !currentIndex.has(s));
  if (lacking !== undefined)
    return {
      ...blank(
        name,
        'series',
        'drift',
        refs.length,
        `the run has no value at step ${lacking}, which every reference run logged`,
      ),
      firstFailingStep: lacking,
    };
  if (shared.length === 0)
    return blank(name, 'series', 'pass', refs.length, 'the reference runs share no step: nothing gated');
  const pick = (series: MetricSeries) => {
    const index = new Map(Array.from(series.steps, (s, i) => [s, i]));
    return shared.map((s) => series.values[index.get(s)!]!);
  };
  return gatePoints(
    name,
    'series',
    refs.map(pick),
    shared.map((s) => current.values[currentIndex.get(s)!]!),
    shared,
    options,
    logCandidate,
    options.window,
  );
}

/**
 * Gates one metric given its reference values (run × point) and the run's values at the same
 * points. `steps` labels the points (null for a final value).
 */
function gatePoints(
  name: string,
  kind: SigmaMetric['kind'],
  refValues: number[][],
  runValues: number[],
  steps: Array<number | null>,
  options: SigmaGateOptions,
  logCandidate: boolean,
  window: number,
): SigmaMetric {
  const n = refValues.length;
  const length = runValues.length;
  const nonFinite = runValues.findIndex((v) => !Number.isFinite(v));
  if (nonFinite >= 0)
    return {
      ...blank(name, kind, 'drift', n, `non-finite value ${runValues[nonFinite]} in the run`),
      firstFailingStep: steps[nonFinite] ?? null,
    };
  const log = logCandidate && runValues.every((v) => v > 0) && refValues.every((row) => row.every((v) => v > 0));
  const scaled = (v: number) => (log ? Math.log(v) : v);
  const width = Math.min(Math.max(1, window), length);
  // Windows as [start, end) index ranges; the final value is a window of one (for a final-only
  // metric, the only point). Labels are built only for the points a report names.
  const windows: Array<{ start: number; end: number }> = [];
  if (kind === 'series')
    for (let start = 0; start + width <= length; start++) windows.push({ start, end: start + width });
  windows.push({ start: length - 1, end: length });
  const label = (i: number) => {
    const w = windows[i]!;
    if (i === windows.length - 1) return kind === 'series' ? `final (step ${steps[length - 1]})` : 'final';
    return width === 1 ? `step ${steps[w.start]}` : `mean of steps ${steps[w.start]}–${steps[w.end - 1]}`;
  };
  const tests = kind === 'series' ? Math.ceil(length / width) + 1 : 1;
  const { k, perTest } = thresholdFor(options.threshold, n, tests);
  const floor = options.floor(name);
  const inflation = Math.sqrt(1 + 1 / n);

  // Prefix sums make every window mean O(1): a long curve has tens of thousands of windows.
  const prefix = (values: readonly number[], f: (v: number) => number) => {
    const sums = new Float64Array(values.length + 1);
    for (let i = 0; i < values.length; i++) sums[i + 1] = sums[i]! + f(values[i]!);
    return sums;
  };
  const identity = (v: number) => v;
  const refScaled = refValues.map((row) => prefix(row, scaled));
  const refRaw = refValues.map((row) => prefix(row, identity));
  const runScaled = prefix(runValues, scaled);
  const runRaw = prefix(runValues, identity);
  const meanOf = (sums: Float64Array, w: { start: number; end: number }) =>
    (sums[w.end]! - sums[w.start]!) / (w.end - w.start);
  const stats = windows.map((w) => pointStats(refScaled.map((sums) => meanOf(sums, w))));
  // The std of n values is itself uncertain (about ±25% at n = 8), and over a hundred sliding
  // windows some are bound to have a std too small by chance: pool the variance of the windows
  // that start within ±W of this one (they see the same noise). The final value pools the
  // per-step variance of the last W steps.
  const slidingCount = windows.length - 1;
  const varianceSums = prefix(
    stats.slice(0, slidingCount).map((p) => p.std * p.std),
    identity,
  );
  const pooledStd = windows.map((_, i) => {
    if (kind === 'final') return stats[i]!.std;
    if (i < slidingCount) {
      const from = Math.max(0, i - width);
      const to = Math.min(slidingCount, i + width + 1);
      return Math.sqrt((varianceSums[to]! - varianceSums[from]!) / (to - from));
    }
    let sum = 0;
    for (let j = 0; j < width; j++) sum += pointStats(refValues.map((row) => scaled(row[length - 1 - j]!))).std ** 2;
    return Math.sqrt(sum / width);
  });
  let worst = { sigmas: -1, index: 0 };
  let firstFailingStep: number | null = null;
  let failed = false;
  const distances: number[] = [];
  windows.forEach((w, i) => {
    const x = meanOf(runScaled, w);
    const spread = pooledStd[i]! * inflation;
    const deviation = Math.abs(x - stats[i]!.mean);
    const sigmas = spread > 0 ? deviation / spread : deviation === 0 ? 0 : Infinity;
    // The floor is judged on the metric's own scale: rtol/atol are stated in its units.
    const floorPass = withinTolerance(pointStats(refRaw.map((sums) => meanOf(sums, w))).mean, meanOf(runRaw, w), floor);
    const pass = (n >= 2 && deviation <= k * spread) || floorPass;
    distances.push(sigmas);
    if (sigmas > worst.sigmas) worst = { sigmas, index: i };
    if (!pass && !failed) {
      failed = true;
      firstFailingStep = steps[w.end - 1] ?? null;
    }
  });
  return {
    name,
    status: failed ? 'drift' : 'pass',
    kind,
    scale: log ? 'log' : 'linear',
    runs: n,
    k,
    tests,
    nominalFalseAlarmRate: 1 - (1 - perTest) ** tests,
    sigmas: Math.max(...distances),
    finalSigmas: distances.at(-1)!,
    tailSigmas: kind === 'series' ? distances.at(-2)! : null,
    worstPoint: label(worst.index),
    firstFailingStep,
    note: n < 2 ? 'one reference run: no spread to measure, so only the rtol/atol floor applies' : null,
  };
}

/** k and the per-test false-alarm probability for n reference runs and m tests (see the module comment). */
export function thresholdFor(threshold: SigmaThreshold, n: number, tests: number): { k: number; perTest: number } {
  if (n < 2) return { k: Infinity, perTest: 0 };
  if ('sigma' in threshold) return { k: threshold.sigma, perTest: 2 * (1 - tCdf(threshold.sigma, n - 1)) };
  const perTest = 1 - (1 - threshold.falseAlarmRate) ** (1 / tests);
  return { k: tQuantile(1 - perTest / 2, n - 1), perTest };
}

/**
 * Leave-one-out calibration: each reference run in turn is gated against the others. The
 * share that fails is the empirical false-alarm rate of this gate on this band (n − 1 runs per
 * fold, so slightly wider intervals than the full band's). Needs at least 3 runs; null otherwise.
 */
export function leaveOneOut(
  reference: readonly MetricData[],
  options: SigmaGateOptions,
): { runs: number; alarms: number; rate: number } | null {
  if (reference.length < 3) return null;
  let alarms = 0;
  reference.forEach((run, i) => {
    const others = reference.filter((_, j) => j !== i);
    if (sigmaGate(others, run, options).status === 'drift') alarms++;
  });
  return { runs: reference.length, alarms, rate: alarms / reference.length };
}

/** One line saying which test, scale and nominal false-alarm rate applied, for reports. */
export function describeSigmaGate(options: SigmaGateOptions, runs: number): string {
  const k =
    'sigma' in options.threshold
      ? `k = ${options.threshold.sigma}`
      : `k from Student's t (n − 1 = ${runs - 1} dof, @stdlib/stats-base-dists-t-quantile) for a false-alarm rate of ${options.threshold.falseAlarmRate} per metric, Šidák-corrected over its tests`;
  return `σ gate over ${runs} reference runs: prediction interval mean ± k·s·√(1+1/n) on every sliding mean of ${options.window} logged steps (s pooled over neighbouring windows) and on the final value, or the rtol/atol floor, whichever is wider; ${k}; log scale for positive metrics matching ${options.logScale.map((g) => `\`${g}\``).join(', ') || 'none'}`;
}
