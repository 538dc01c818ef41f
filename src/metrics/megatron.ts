import type { MetricData } from './series.ts';
import { collectMetrics } from './collector.ts';
import { wholeFileLocator } from './locators.ts';
import { hasFieldTypes, isLogObject, isValidStep, type LogObject } from './log-objects.ts';
import { isOverflow, outOfRangeError } from './out-of-range.ts';

/**
 * Megatron-LM's functional-test golden values (tests/functional_tests/test_cases/**
 * /golden_values_*.json), in both of the forms its CI has written:
 * - `{metric: {start_step, end_step, step_interval, values: {"<step>": v}}}` (values keyed by step);
 * - `{metric: {start_step, end_step, step_interval, values: [v, …]}}` (older files and NeMo's: one
 *   value per `step_interval` from `start_step` to `end_step`).
 * Told apart by content: every top-level value is an object with numeric `start_step`, `end_step`,
 * `step_interval` and a `values` object keyed by whole numbers, or a `values` array.
 */
type GoldenValues = Record<string, { start_step: number; end_step: number; step_interval: number; values: unknown }>;

const WHOLE_NUMBER = /^(?:0|[1-9]\d*)$/;

const SAMPLING_FIELDS = { start_step: 'number', end_step: 'number', step_interval: 'number' } as const;

/** Whether a parsed JSON document is Megatron-LM golden values (see above). */
export function isMegatronGoldenValues(document: unknown): document is GoldenValues {
  if (!isLogObject(document)) return false;
  const entries = Object.values(document);
  return (
    entries.length > 0 &&
    entries.every(
      (entry) =>
        hasFieldTypes(entry, SAMPLING_FIELDS) &&
        (Array.isArray(entry.values) ||
          (isLogObject(entry.values) && Object.keys(entry.values).every((key) => WHOLE_NUMBER.test(key)))),
    )
  );
}

/**
 * One series per metric, steps from the `values` keys (or, for a list, `start_step` + i ×
 * `step_interval`). Megatron writes a NaN loss as the string "nan" (its JSON writer cannot write
 * the token); "inf"/"-inf" likewise. `start_step`, `end_step` and `step_interval` describe the
 * sampling and are not metrics. `parsedStrictly`: the document came from JSON.parse, so an
 * infinite number in it was a literal outside the double range (`1e400`), refused.
 * Throws InputFileError naming metric and step for any other non-number value, and for a list
 * whose length does not match its `start_step`, `end_step` and `step_interval`.
 */
export function readMegatronGoldenValues(
  document: GoldenValues,
  file: string,
  options: { parsedStrictly: boolean },
): MetricData {
  const locator = wholeFileLocator(file);
  return collectMetrics(locator, (collector) => {
    collector.stepKey = 'values keys (Megatron-LM golden values)';
    for (const [metric, entry] of Object.entries(document)) {
      const series = collector.seriesFor(metric);
      const points = Array.isArray(entry.values)
        ? listPoints(metric, entry, entry.values, file)
        : Object.entries(entry.values as LogObject)
            .map(([step, value]) => [Number(step), value] as const)
            .sort(([a], [b]) => a - b);
      for (const [step, raw] of points) {
        const value =
          typeof raw === 'number'
            ? raw
            : typeof raw === 'string'
              ? NON_FINITE_STRINGS.get(raw.trim().toLowerCase())
              : undefined;
        if (value === undefined)
          throw locator.error(
            0,
            `"${metric}".values at step ${step} is ${JSON.stringify(raw)}; expected a number or "nan"`,
          );
        if (options.parsedStrictly && typeof raw === 'number' && isOverflow(raw))
          throw outOfRangeError(locator, 0, metric, { at: `at step ${step}`, infinityToken: '"inf"' });
        collector.addPoint(series, step, value, 0);
      }
    }
  });
}

/** The steps of a `values` list: one per `step_interval` from `start_step` up to `end_step` (inclusive). */
function listPoints(
  metric: string,
  entry: { start_step: number; end_step: number; step_interval: number },
  values: unknown[],
  file: string,
): Array<readonly [number, unknown]> {
  const { start_step: start, end_step: end, step_interval: interval } = entry;
  const locator = wholeFileLocator(file);
  if (!isValidStep(start) || !isValidStep(end) || !isValidStep(interval) || interval === 0 || end < start)
    throw locator.error(
      0,
      `"${metric}": start_step ${start}, end_step ${end} and step_interval ${interval} must be whole numbers, the interval above 0 and the end not before the start`,
    );
  const expected = Math.floor((end - start) / interval) + 1;
  if (values.length !== expected)
    throw locator.error(
      0,
      `"${metric}".values lists ${values.length} value${values.length === 1 ? '' : 's'}, but steps ${start} to ${end} every ${interval} are ${expected}; the steps of the list cannot be told`,
      'Golden values list one value per step_interval from start_step to end_step; or key them by step: "values": {"0": …, "5": …}.',
    );
  return values.map((value, index) => [start + index * interval, value] as const);
}

const NON_FINITE_STRINGS = new Map([
  ['nan', NaN],
  ['inf', Infinity],
  ['infinity', Infinity],
  ['-inf', -Infinity],
  ['-infinity', -Infinity],
]);
