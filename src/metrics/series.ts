/**
 * The in-memory shape every metric source is reduced to (JSONL, JSON, CSV, TSV,
 * run records, baselines). Steps are ascending and unique within a series.
 */
export interface MetricSeries {
  steps: number[];
  values: number[];
}

export interface MetricData {
  /** Metrics logged with a step key, by dotted name. */
  series: Map<string, MetricSeries>;
  /** Metrics logged on a line without a step key ("final values"), by dotted name. */
  finals: Map<string, number>;
  /** Things a reader should know but that are not errors (a value logged twice at one step). */
  notes: string[];
}

export function emptyMetricData(): MetricData {
  return { series: new Map(), finals: new Map(), notes: [] };
}
