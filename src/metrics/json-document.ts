import type { MetricData } from './series.ts';
import { collectMetrics, type RecordLocator } from './collector.ts';
import { arrayEntryLocator, wholeFileLocator } from './locators.ts';
import { describeValue, isLogObject, LogObjectReader, MAX_DEPTH, nestedDeeperThan } from './log-objects.ts';

/**
 * A metric file that is one JSON document, in one of three shapes:
 * - a Hugging Face Trainer `trainer_state.json`: an object whose `log_history` array holds
 *   the log objects (only `log_history` is read; the state's other fields are not metrics);
 * - an array of log objects;
 * - any other object: one log object (usually final values, e.g. `{"accuracy": 0.91}`).
 */
export function readJsonDocument(document: unknown, file: string): MetricData {
  if (nestedDeeperThan(document, MAX_DEPTH)) throw wholeFileLocator(file).error(0, `nested more than ${MAX_DEPTH} levels deep`);
  if (Array.isArray(document)) return readEntries(document, arrayEntryLocator(file, ''));
  if (isLogObject(document) && Array.isArray(document.log_history)) {
    return readEntries(document.log_history, arrayEntryLocator(file, 'log_history'));
  }
  return collectMetrics(wholeFileLocator(file), (collector) => {
    if (isLogObject(document)) new LogObjectReader(collector).read(document, 0);
  });
}

function readEntries(entries: unknown[], locator: RecordLocator): MetricData {
  return collectMetrics(locator, (collector) => {
    const reader = new LogObjectReader(collector);
    entries.forEach((entry, index) => {
      if (!isLogObject(entry)) throw locator.error(index, `expected an object of metrics, got ${describeValue(entry)}`);
      reader.read(entry, index);
    });
  });
}
