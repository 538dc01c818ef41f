import type { MetricData } from './series.ts';
import { collectMetrics } from './collector.ts';
import { arrayEntryLocator } from './locators.ts';
import { isLogObject } from './log-objects.ts';

/**
 * github-action-benchmark's "custom" tool JSON (customSmallerIsBetter / customBiggerIsBetter,
 * its README "Examples: custom"): an array of `{name, value, unit, range?, extra?}`, one entry per
 * measurement. Told apart by content: a non-empty array whose every entry has a string `name`,
 * a number `value` and a string `unit`.
 */
type BenchmarkEntry = { name: string; value: number; unit: string };

export function isBenchmarkActionJson(document: unknown): document is BenchmarkEntry[] {
  return (
    Array.isArray(document) &&
    document.length > 0 &&
    document.every(
      (entry) =>
        isLogObject(entry) &&
        typeof entry.name === 'string' &&
        typeof entry.value === 'number' &&
        typeof entry.unit === 'string',
    )
  );
}

/**
 * One final value per entry, named by its `name` (`range` and `extra` are descriptions, not
 * values). A name given twice is refused by the collector (no step tells the entries apart).
 */
export function readBenchmarkActionJson(document: BenchmarkEntry[], file: string): MetricData {
  return collectMetrics(arrayEntryLocator(file, ''), (collector) => {
    document.forEach((entry, index) => collector.addFinal(entry.name, entry.value, index));
  });
}
