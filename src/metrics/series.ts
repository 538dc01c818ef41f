import type { RecordLocator } from './locators.ts';

/**
 * The in-memory shape every metric source is reduced to (JSONL, JSON, CSV, TSV,
 * run records, baselines). Steps are ascending and unique within a series.
 *
 * Readers of large files hand out Float64Arrays (8 bytes a value, no boxing); data decoded
 * from run records and built in tests uses plain arrays. Consumers only index and read
 * `length`, so both serve.
 */
export interface MetricSeries {
  steps: ArrayLike<number>;
  values: ArrayLike<number>;
  /** Where each step's value was read; absent for data decoded from run records and baselines. */
  origin?: SeriesOrigin;
}

/** The record each step of a series came from: `records[i]` is where `steps[i]` was logged, in the locator's numbering. */
export interface SeriesOrigin {
  locator: RecordLocator;
  records: ArrayLike<number>;
}

/** The record a final value came from. */
export interface FinalOrigin {
  locator: RecordLocator;
  record: number;
}

/** Which key a file's step axis was read from (`step`, `epoch`, …), or null for a file of final values only. */
export interface StepAxis {
  file: string;
  stepKey: string | null;
}

export interface MetricData {
  /** Metrics logged with a step key, by dotted name. */
  series: Map<string, MetricSeries>;
  /** Metrics logged on a line without a step key ("final values"), by dotted name. */
  finals: Map<string, number>;
  /** Where each final value was read, by the same names; absent (or partial) for decoded records. */
  finalOrigins?: Map<string, FinalOrigin>;
  /** Things a reader should know but that are not errors (a value logged twice at one step). */
  notes: string[];
  /**
   * The step key each metric file used, for the report. Absent for data decoded from run
   * records and baselines, which do not store it.
   */
  stepAxes?: StepAxis[];
  /**
   * Fields read but not (fully) compared: their values, or some of them, were text, not numbers
   * (`tensor(2.31)`; non-numeric.ts). A note says why; the headline says they were not compared.
   */
  uncompared?: string[];
}

/** A MetricData with nothing in it, for a reader to fill. */
export function emptyMetricData(): MetricData {
  return { series: new Map(), finals: new Map(), finalOrigins: new Map(), notes: [], stepAxes: [] };
}
