import type { MetricData } from './series.ts';
import { collectMetrics, type RecordLocator } from './collector.ts';
import { arrayEntryLocator, wholeFileLocator } from './locators.ts';
import {
  describeValue,
  isLogObject,
  LogObjectReader,
  MAX_DEPTH,
  nestedDeeperThan,
  type LogObject,
} from './log-objects.ts';
import { isMegatronGoldenValues, readMegatronGoldenValues } from './megatron.ts';
import { isBenchmarkActionJson, readBenchmarkActionJson } from './benchmark-action.ts';
import { isKerasHistory, readKerasHistory } from './keras-history.ts';
import { isReproDocument } from '../record/codec.ts';

export interface JsonDocumentOptions {
  stepKey?: string | undefined;
  /** The document came from JSON.parse (an infinite number in it was an out-of-range literal). */
  parsedStrictly: boolean;
}

/**
 * A metric file that is one JSON document, told apart by its shape:
 * - github-action-benchmark's custom JSON (`[{name, value, unit}]`): one final value per name;
 * - Megatron-LM golden values (`{metric: {start_step, …, values: {"<step>": v}}}`): one series per metric;
 * - a dumped Keras `History.history` (`{metric: [one value per epoch]}`, lists of one length): one
 *   series per metric on an `epoch` axis from 0;
 * - a Hugging Face Trainer `trainer_state.json`: an object whose `log_history` array holds
 *   the log objects (only `log_history` is read; the state's other fields are not metrics);
 * - an array of log objects, each numbered by its step key;
 * - any other object: a summary of final values (W&B's `wandb-summary.json`, DVCLive's `metrics.json`,
 *   `{"accuracy": 0.91}`); a `step` or `_step` in it is the last step's number, compared as a final value.
 * FILE names the file in messages.
 * Throws InputFileError naming the file (and the entry) for nesting deeper than MAX_DEPTH, an
 * array entry that is not an object, and as the log-object reader and the collector do (a bad
 * step, a number out of the double range, a step-less metric repeated).
 */
export function readJsonDocument(document: unknown, file: string, options: JsonDocumentOptions): MetricData {
  if (nestedDeeperThan(document, MAX_DEPTH))
    throw wholeFileLocator(file).error(0, `nested more than ${MAX_DEPTH} levels deep`);
  if (isBenchmarkActionJson(document)) return readBenchmarkActionJson(document, file, options);
  if (isMegatronGoldenValues(document)) return readMegatronGoldenValues(document, file, options);
  if (isKerasHistory(document)) return readKerasHistory(document, file, options);
  if (Array.isArray(document)) return readEntries(document, arrayEntryLocator(file, ''), options);
  if (isLogObject(document) && Array.isArray(document.log_history)) {
    return readEntries(document.log_history, arrayEntryLocator(file, 'log_history'), options);
  }
  return collectMetrics(wholeFileLocator(file), (collector) => {
    if (isLogObject(document)) new LogObjectReader(collector, null).read(document, 0, options.parsedStrictly);
  });
}

/**
 * A JSON object that is a document of its own kind rather than one log record, even when written
 * on one line: a trainer_state.json, Megatron-LM golden values, a Keras history, a W&B `wandb-summary.json` (its
 * `_wandb` block), a repro-check run record or baseline.
 */
export function isWholeDocument(object: LogObject): boolean {
  return (
    Array.isArray(object.log_history) ||
    isMegatronGoldenValues(object) ||
    isKerasHistory(object) ||
    isLogObject(object._wandb) ||
    isReproDocument(object)
  );
}

function readEntries(entries: unknown[], locator: RecordLocator, options: JsonDocumentOptions): MetricData {
  return collectMetrics(locator, (collector) => {
    const reader = new LogObjectReader(collector, options.stepKey);
    entries.forEach((entry, index) => {
      if (!isLogObject(entry)) throw locator.error(index, `expected an object of metrics, got ${describeValue(entry)}`);
      reader.read(entry, index, options.parsedStrictly);
    });
    reader.checkStepKeyFound();
  });
}
