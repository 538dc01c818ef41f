import type { MetricData, MetricSeries } from '../metrics/series.ts';
import { globToRegExp, matchesAnyGlob } from '../compare/glob.ts';
import { isDriftedMetric } from '../compare/outcome.ts';
import { gatePoints } from './sigma-points.ts';
import { blankMetric, type SigmaGateOptions, type SigmaMetric, type SigmaVerdict } from './sigma-types.ts';

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
      metrics.push(blankMetric(name, 'final', refs.length === 0 ? 'new' : 'missing', refs.length));
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

function gateSeries(
  name: string,
  refs: MetricSeries[],
  current: MetricSeries | undefined,
  options: SigmaGateOptions,
  logCandidate: boolean,
): SigmaMetric {
  if (refs.length === 0) return blankMetric(name, 'series', 'new', 0);
  if (!current) return blankMetric(name, 'series', 'missing', refs.length);
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
      ...blankMetric(
        name,
        'series',
        'drift',
        refs.length,
        `the run has no value at step ${lacking}, which every reference run logged`,
      ),
      firstFailingStep: lacking,
    };
  if (shared.length === 0)
    return blankMetric(name, 'series', 'pass', refs.length, 'the reference runs share no step: nothing gated');
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
