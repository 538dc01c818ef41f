import type { MetricSeries } from '../../src/metrics/series.ts';

/** A series as plain arrays (readers hand out Float64Arrays), for deepEqual against literals. */
export function plainSeries(series: MetricSeries | undefined): { steps: number[]; values: number[] } | undefined {
  return series === undefined ? undefined : { steps: Array.from(series.steps), values: Array.from(series.values) };
}
