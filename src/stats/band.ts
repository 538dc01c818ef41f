import type { MetricData } from '../metrics/series.ts';
import { globToRegExp, matchesAnyGlob } from '../compare/glob.ts';

/**
 * Per-point statistics over several runs (pure): the `band` block of a statistical baseline
 * (DESIGN.md: per metric and step mean, std, count; plus min and max, as Megatron-LM's golden
 * values keep them). `std` is the sample standard deviation (n − 1 in the denominator), 0 for
 * a single run; non-finite values are left out of every statistic and of `count`.
 */
export interface PointStats {
  mean: number;
  std: number;
  count: number;
  min: number;
  max: number;
}

/** One metric's band: per step for series, a single point (steps null) for final values. */
export interface MetricBand {
  steps: number[] | null;
  points: PointStats[];
}

/**
 * Mean, sample standard deviation (n − 1), count, min and max of VALUES' finite numbers, for one
 * point of a band; NaN statistics and count 0 when none is finite. Pure.
 */
export function pointStats(values: readonly number[]): PointStats {
  const finite = values.filter(Number.isFinite);
  const count = finite.length;
  if (count === 0) return { mean: NaN, std: NaN, count: 0, min: NaN, max: NaN };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  // Identical values (a same-seed band of bit-identical runs): exactly that value and no spread, not rounding noise.
  if (min === max) return { mean: min, std: 0, count, min, max };
  const mean = finite.reduce((sum, v) => sum + v, 0) / count;
  // Two-pass variance: the textbook one-pass formula loses digits when |mean| >> std (a loss near 2.3 with std 1e-6).
  const variance = count < 2 ? 0 : finite.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (count - 1);
  return { mean, std: Math.sqrt(variance), count, min, max };
}

/**
 * The band of `runs`, metric by metric: every step any run logged (count says how many runs
 * had it). Metrics matching an `ignore` glob (wall-clock fields) are left out.
 */
export function computeBand(runs: readonly MetricData[], ignore: readonly string[]): Map<string, MetricBand> {
  const ignored = ignore.map(globToRegExp);
  const band = new Map<string, MetricBand>();
  const seriesNames = new Set(runs.flatMap((run) => [...run.series.keys()]));
  for (const name of [...seriesNames].sort()) {
    if (matchesAnyGlob(name, ignored)) continue;
    const byStep = new Map<number, number[]>();
    for (const run of runs) {
      const series = run.series.get(name);
      if (!series) continue;
      for (let i = 0; i < series.steps.length; i++) {
        const step = series.steps[i]!;
        const list = byStep.get(step) ?? [];
        list.push(series.values[i]!);
        byStep.set(step, list);
      }
    }
    const steps = [...byStep.keys()].sort((a, b) => a - b);
    band.set(name, { steps, points: steps.map((step) => pointStats(byStep.get(step)!)) });
  }
  const finalNames = new Set(runs.flatMap((run) => [...run.finals.keys()]));
  for (const name of [...finalNames].sort()) {
    if (matchesAnyGlob(name, ignored)) continue;
    const values = runs.flatMap((run) => (run.finals.has(name) ? [run.finals.get(name)!] : []));
    band.set(name, { steps: null, points: [pointStats(values)] });
  }
  return band;
}
