import type { MetricData } from './series.ts';
import { collectMetrics } from './collector.ts';
import { arrayEntryLocator } from './locators.ts';
import { hasFieldTypes } from './log-objects.ts';
import { isOverflow, outOfRangeError } from './out-of-range.ts';

/**
 * github-action-benchmark's "custom" tool JSON (customSmallerIsBetter / customBiggerIsBetter,
 * its README "Examples: custom"): an array of `{name, value, unit, range?, extra?}`, one entry per
 * measurement. Told apart by content: a non-empty array whose every entry has a string `name`,
 * a number `value` and a string `unit`.
 */
type BenchmarkEntry = { name: string; value: number; unit: string };

const BENCHMARK_ENTRY_FIELDS = { name: 'string', value: 'number', unit: 'string' } as const;

/** Whether a parsed JSON document is github-action-benchmark's custom-tool JSON (see above). */
export function isBenchmarkActionJson(document: unknown): document is BenchmarkEntry[] {
  return (
    Array.isArray(document) &&
    document.length > 0 &&
    document.every((entry) => hasFieldTypes(entry, BENCHMARK_ENTRY_FIELDS))
  );
}

/**
 * One final value per entry, named by its `name` (`range` and `extra` are descriptions, not
 * values). A name given twice is refused (InputFileError naming both entries: the format has no
 * step, and the action keys its results by name), and so is a value outside the double range (`1e400`) when the document came from JSON.parse.
 */
export function readBenchmarkActionJson(
  document: BenchmarkEntry[],
  file: string,
  options: { parsedStrictly: boolean },
): MetricData {
  const locator = arrayEntryLocator(file, '');
  const firstIndex = new Map<string, number>();
  return collectMetrics(locator, (collector) => {
    document.forEach((entry, index) => {
      const first = firstIndex.get(entry.name);
      if (first !== undefined)
        throw locator.error(
          index,
          `the name "${entry.name}" is given again (first at ${locator.describe(first)}): a benchmark file holds one value per name, and no step tells its entries apart`,
          'Give every entry of a github-action-benchmark file its own `name` (the action keys its results by name): put what differs (a size, a phase) into the name.',
        );
      firstIndex.set(entry.name, index);
      // From JSON.parse, an infinite value was a literal outside the double range (JSON has no infinity token).
      if (options.parsedStrictly && isOverflow(entry.value))
        throw outOfRangeError(locator, index, entry.name, { infinityToken: 'Infinity (json.dumps does)' });
      collector.addFinal(entry.name, entry.value, index);
    });
  });
}
