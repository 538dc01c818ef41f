import type { MetricData } from './series.ts';
import { collectMetrics } from './collector.ts';
import { wholeFileLocator } from './locators.ts';
import { hasFieldTypes, isLogObject, type LogObject } from './log-objects.ts';

/**
 * Megatron-LM's functional-test golden values (tests/functional_tests/test_cases/**
 * /golden_values_*.json): `{metric: {start_step, end_step, step_interval, values: {"<step>": v}}}`.
 * Told apart by content: every top-level value is an object with numeric `start_step`,
 * `end_step`, `step_interval` and a `values` object keyed by whole numbers.
 */
type GoldenValues = Record<string, { values: LogObject }>;

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
        isLogObject(entry.values) &&
        Object.keys(entry.values).every((key) => WHOLE_NUMBER.test(key)),
    )
  );
}

/**
 * One series per metric, steps from the `values` keys. Megatron writes a NaN loss as the string
 * "nan" (its JSON writer cannot write the token); "inf"/"-inf" likewise. `start_step`, `end_step`
 * and `step_interval` describe the sampling and are not metrics.
 * Throws InputFileError naming metric and step for any other non-number value.
 */
export function readMegatronGoldenValues(document: GoldenValues, file: string): MetricData {
  const locator = wholeFileLocator(file);
  return collectMetrics(locator, (collector) => {
    collector.stepKey = 'values keys (Megatron-LM golden values)';
    for (const [metric, { values }] of Object.entries(document)) {
      const series = collector.seriesFor(metric);
      const points = Object.entries(values)
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
          throw locator.error(0, `"${metric}".values["${step}"] is ${JSON.stringify(raw)}; expected a number or "nan"`);
        collector.addPoint(series, step, value, 0);
      }
    }
  });
}

const NON_FINITE_STRINGS = new Map([
  ['nan', NaN],
  ['inf', Infinity],
  ['infinity', Infinity],
  ['-inf', -Infinity],
  ['-infinity', -Infinity],
]);
