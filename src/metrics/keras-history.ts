import type { MetricData } from './series.ts';
import { collectMetrics } from './collector.ts';
import { arrayEntryLocator } from './locators.ts';
import { isLogObject } from './log-objects.ts';
import { isOverflow, outOfRangeError } from './out-of-range.ts';

/** Keras: `History.history` holds one list per metric, one value per epoch. */
export type KerasHistory = Record<string, number[]>;

/**
 * Whether DOCUMENT is a dumped Keras `History.history` (`json.dump(model.fit(...).history, f)`):
 * an object whose every value is a list of numbers, all lists of one length. Told by shape only,
 * never by the file name.
 */
export function isKerasHistory(document: unknown): document is KerasHistory {
  if (!isLogObject(document)) return false;
  const lists = Object.values(document);
  return (
    lists.length > 0 &&
    lists.every((list) => Array.isArray(list) && list.length > 0 && list.every((value) => typeof value === 'number')) &&
    lists.every((list) => (list as unknown[]).length === (lists[0] as unknown[]).length)
  );
}

/**
 * One series per metric of a Keras history, on an `epoch` axis numbered from 0 as Keras' own
 * CSVLogger numbers it (list index i is epoch i). FILE names the file in messages.
 * `parsedStrictly`: the document came from JSON.parse, so an infinite number in it was a literal
 * outside the double range (`1e400`), refused.
 * @throws InputFileError naming the metric and epoch for such a number.
 */
export function readKerasHistory(
  history: KerasHistory,
  file: string,
  options: { parsedStrictly: boolean },
): MetricData {
  return collectMetrics(arrayEntryLocator(file, ''), (collector) => {
    collector.stepKey = 'epoch';
    for (const [metric, values] of Object.entries(history)) {
      const locator = arrayEntryLocator(file, `"${metric}"`);
      const series = collector.seriesFor(metric);
      values.forEach((value, epoch) => {
        if (options.parsedStrictly && isOverflow(value))
          throw outOfRangeError(locator, epoch, metric, { at: `at epoch ${epoch}`, infinityToken: 'Infinity' });
        collector.addPoint(series, epoch, value, epoch);
      });
    }
  });
}
