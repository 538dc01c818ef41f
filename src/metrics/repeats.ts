import type { InputFileError } from '../errors.ts';
import { placeOfRecord, type RecordLocator } from './locators.ts';
import { globToRegExp, matchesAnyGlob } from '../compare/glob.ts';
import { DEFAULT_IGNORED_METRICS } from '../settings/schema.ts';
import { normalizeKey, STEP_KEY_HINT, STEP_KEY_PRIORITY } from './step-axis.ts';

/**
 * The refusals for one step holding several values of a metric (docs/metric-formats.md, "One value
 * per step"). Folding such values into "the last one wins" would compare one record in many and
 * could pass a changed run as identical, so each of these is exit 2 naming the file, the metric,
 * two of its records and the fix. What stays a note: the same value logged twice at one step, and a
 * resumed run re-logging steps it had logged before it stopped (the step goes back, then climbs
 * past where it was).
 */

const WALL_CLOCK = DEFAULT_IGNORED_METRICS.map(globToRegExp);

/**
 * Fields that change on every row by design and are not compared by default: wall clock (`_runtime`,
 * `_timestamp`, …: DEFAULT_IGNORED_METRICS) and the step counters that are not the file's axis (W&B's
 * `_step` numbers each row, also the train and val rows Lightning logs at one `trainer/global_step`).
 * Logged on several rows of one step they keep the last value with a note, as before, rather than
 * refusing a file whose metrics are fine.
 */
export function isClockOrCounter(name: string): boolean {
  return matchesAnyGlob(name, WALL_CLOCK) || (STEP_KEY_PRIORITY as readonly string[]).includes(normalizeKey(name));
}

/** What a refusal needs of the collector: where records are, the key the steps came from, the format's own fix. */
export interface RepeatContext {
  readonly locator: RecordLocator;
  readonly stepKey: string | null;
  readonly stepFix?: ((step: number) => string) | undefined;
}

/** What the step was read from, for a message: `"epoch"`, or `the step` when the format has no key. */
function axisWords(stepKey: string | null): string {
  if (stepKey === null || stepKey.includes(' ')) return 'the step';
  return stepKey === 'step' ? 'step' : `"${stepKey}"`;
}

/**
 * A metric logged again at the step of its previous record with another value: the step does not
 * advance between the metric's records (MLflow's `log_metric` without `step` logs step 0 every time;
 * a per-batch line carrying only `epoch`). The context's `stepFix` (given the step) replaces the
 * step-key advice where the format has its own (MLflow: pass `step=`).
 */
export function stepDoesNotAdvance(
  { locator, stepKey, stepFix }: RepeatContext,
  name: string,
  step: number,
  earlierRecord: number,
  laterRecord: number,
): InputFileError {
  return locator.error(
    laterRecord,
    `"${name}" is logged at ${axisWords(stepKey)} ${step} again with another value (first at ${locator.describe(earlierRecord)}): ${axisWords(stepKey)} does not advance between its records, so it does not number them and they cannot be told apart; they are not read as "last value wins"`,
    stepFix?.(step) ?? `${STEP_KEY_HINT} With one line per batch, log a step that counts batches across epochs.`,
  );
}

/**
 * Two keys of one record that flatten to the same dotted name (`{"a.b": 1, "a": {"b": 2}}`, or an
 * array element `acc.0` next to `{"acc": [..]}`): neither can be compared under that name.
 */
export function keysShareAName(locator: RecordLocator, name: string, record: number): InputFileError {
  const parts = name.split('.');
  const nested = parts.reduceRight((inner, key) => `{"${key}": ${inner}}`, '…');
  return locator.error(
    record,
    `two keys of this record give the metric name "${name}" (a key holding dots, "${name}", and nested keys, ${nested.slice(1, -1)}, or an array element); one would silently replace the other`,
    'Rename one of the keys so that every metric has its own name.',
  );
}

/** A metric logged without a step in several records, with different values, in a file whose other records have steps. */
export function finalValueChanges(
  locator: RecordLocator,
  {
    name,
    firstRecord: earlierRecord,
    secondRecord: laterRecord,
  }: { name: string; firstRecord: number; secondRecord: number },
): InputFileError {
  return locator.error(
    laterRecord,
    `"${name}" is logged without a step again with another value (first at ${locator.describe(earlierRecord)}), in a file whose other records have steps: it is not one final value, and its records cannot be told apart; they are not read as "last value wins"`,
    `Log the step with "${name}" as with the other records, or give its records their own file. ${STEP_KEY_HINT}`,
  );
}

/**
 * Steps of one metric in arrival order (with each value's record), for a series whose step went
 * back. A resumed run goes back to its checkpoint, somewhere after the first step it logged; a
 * counter that restarts (a batch index per epoch: 0,1,2,0,1,2) or a run started over into the same
 * file goes back to where the series began, and the later records would silently replace every
 * earlier one. Throws the refusal for the second; returns true for a resume (so that a caller can
 * remember it checked).
 */
export function refuseRestart(
  { locator, stepKey }: RepeatContext,
  name: string,
  steps: ArrayLike<number>,
  records: ArrayLike<number>,
): true {
  // Going back where a new file starts (event files of a resumed run) is a resume by construction.
  const sameSource = (a: number, b: number) =>
    placeOfRecord(locator, records[a]!).file === placeOfRecord(locator, records[b]!).file;
  const first = steps[0]!;
  for (let index = 1; index < steps.length; index++) {
    const step = steps[index]!;
    if (step >= steps[index - 1]! || step > first || !sameSource(index, index - 1)) continue;
    const axis = axisWords(stepKey);
    throw locator.error(
      records[index]!,
      `"${name}" is logged at ${axis} ${steps[index - 1]!} (${locator.describe(records[index - 1]!)}), then at ${step} again, back where it began (${locator.describe(records[0]!)}): ${axis === 'the step' ? 'it' : axis} restarts (a counter per epoch, or a run started over in the same file) rather than numbering the records, and the later records would replace every earlier one; a resumed run goes back to its checkpoint, not to the start`,
      `${STEP_KEY_HINT} With one line per batch, log a step that counts batches across epochs; a new run writes a new file.`,
    );
  }
  return true;
}
