import { collectMetrics } from './collector.ts';
import { lineLocator } from './locators.ts';
import type { MetricData } from './series.ts';
import { isOverflow, outOfRangeError } from './out-of-range.ts';

/**
 * One metric file of MLflow's file store (mlflow/store/tracking/file_store.py): one line per logged
 * value, `<timestamp ms> <value> <step>` separated by single spaces, no header. The value is Python's
 * `str(float)`, so `nan`, `inf` and `-inf` appear as such.
 */
const MLFLOW_LINE = /^(\d+) (\S+) (-?\d+)\r?$/;
const PYTHON_FLOAT_WORDS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity };

/**
 * Whether a text looks like an MLflow metric file: every complete line among its first few is
 * `<integer> <number> <integer>`, the first integer a millisecond timestamp (10 digits or more).
 * A CSV or TSV has a header and so never matches.
 */
export function looksLikeMlflowMetric(text: string): boolean {
  const lines = text.split('\n');
  if (lines.length > 1) lines.pop(); // the last line of a sample may be cut
  const sample = lines.filter((line) => line.trim() !== '').slice(0, 5);
  return (
    sample.length > 0 &&
    sample.every((line) => {
      const match = MLFLOW_LINE.exec(line);
      return match !== null && match[1]!.length >= 10 && parseValue(match[2]!) !== undefined;
    })
  );
}

/**
 * The metric's name as MLflow knows it: the file's path below the run's `metrics/` folder (a name
 * holding `/` is stored in subfolders), or the file's name when no `metrics` folder is in the path.
 */
export function mlflowMetricName(file: string): string {
  const parts = file.split(/[\\/]/);
  const metricsIndex = parts.lastIndexOf('metrics');
  return metricsIndex >= 0 && metricsIndex < parts.length - 1 ? parts.slice(metricsIndex + 1).join('/') : parts.at(-1)!;
}

/**
 * Reads one MLflow metric file into a series named `name`; the timestamps are wall clock and dropped.
 * A step logged twice keeps the last value (MLflow keeps both; its UI plots the last), with a note.
 * Throws InputFileError naming the file and line for a line of another shape, a negative step, or a
 * value outside the double range (`1e400`: Python writes a real infinity as `inf`).
 */
export function parseMlflowMetric(text: string, file: string, name: string): MetricData {
  const locator = lineLocator(file);
  const lines = text.split('\n');
  return collectMetrics(locator, (collector) => {
    // The third column of every line is MLflow's `step`: the step axis (reported as the file's step key).
    collector.stepKey = 'step';
    collector.stepFix = (step) =>
      step === 0
        ? 'Pass the step when logging: mlflow.log_metric(name, value, step=step); without it MLflow logs every value at step 0.'
        : `Log each value at a step of its own: mlflow.log_metric(name, value, step=step) with a step that advances between the calls (here two calls passed step=${step}).`;
    const series = collector.seriesFor(name);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.trim() === '') continue;
      const match = MLFLOW_LINE.exec(line);
      const value = match ? parseValue(match[2]!) : undefined;
      if (!match || value === undefined) {
        throw locator.error(
          index + 1,
          `expected an MLflow metric line "<timestamp ms> <value> <step>", got: ${line.slice(0, 80)}`,
        );
      }
      if (isOverflow(value) && !(match[2]! in PYTHON_FLOAT_WORDS))
        throw outOfRangeError(locator, index + 1, name, { written: match[2]!, infinityToken: 'inf (Python does)' });
      const step = Number(match[3]);
      if (step < 0 || !Number.isSafeInteger(step))
        throw locator.error(index + 1, `the step ${match[3]} is not a whole number from 0 to 2^53`);
      collector.addPoint(series, step, value, index + 1);
    }
  });
}

function parseValue(token: string): number | undefined {
  if (token in PYTHON_FLOAT_WORDS) return PYTHON_FLOAT_WORDS[token];
  // Number() alone would take "", "0x1f" and "Infinity"; a Python float's str() is a decimal literal.
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(token)) return undefined;
  return Number(token);
}
