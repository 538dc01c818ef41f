import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { withinTolerance } from '../compare/tolerance.ts';
import { pointStats } from './band.ts';
import { blankMetric, type SigmaGateOptions, type SigmaMetric, type SigmaThreshold } from './sigma-types.ts';

/**
 * Gates one metric given its reference values (run × point) and the run's values at the same
 * points: the prediction interval (or the rtol/atol floor) on every sliding window mean of
 * WINDOW points and on the last point, as src/stats/sigma-gate.ts describes. `steps` labels the
 * points (null for a final value). Returns the metric's verdict; never throws (a non-finite value
 * in the run is drift, with a note).
 */
export function gatePoints(
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
      ...blankMetric(name, kind, 'drift', n, `non-finite value ${runValues[nonFinite]} in the run`),
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
