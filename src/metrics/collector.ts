import { InputFileError } from '../errors.ts';
import { emptyMetricData, type MetricData, type MetricSeries } from './series.ts';
import type { RecordLocator } from './locators.ts';
import { GrowableFloat64, SeriesBuilder, StepTrack } from './series-builder.ts';

export type { RecordLocator } from './locators.ts';
export type { SeriesBuilder } from './series-builder.ts';
import { NonNumericFields } from './non-numeric.ts';
import { finalValueChanges, isClockOrCounter, keysShareAName, refuseRestart, stepDoesNotAdvance } from './repeats.ts';

/**
 * A value logged twice at one step is noted only when the two differ: Lightning and the HF
 * Trainer repeat `epoch` on train and eval rows of one step, which is not worth a note.
 * A resumed run can re-log thousands of values; the report needs the first few and a count.
 */
const MAX_DUPLICATE_NOTES = 20;

/** Where the values of a file of final values only repeat: the first metric seen in two records. */
interface RepeatedFinal {
  name: string;
  firstRecord: number;
  secondRecord: number;
}

/**
 * Runs `read` (a format's loop over its records) into a collector and returns the result: the
 * values by metric, each series with the record every step came from (MetricSeries.origin) and
 * each final value with its record (MetricData.finalOrigins), named through LOCATOR.
 *
 * Throws InputFileError for a file in which no record has a step and some metric appears in
 * more than one record (folding those into "last value wins" would compare one line of a log),
 * for more than MAX_METRICS_PER_FILE metrics, and whatever `read` throws.
 */
export function collectMetrics(locator: RecordLocator, read: (collector: MetricCollector) => void): MetricData {
  const collector = new MetricCollector(locator);
  read(collector);
  return collector.finish();
}

/**
 * At most this many metric names (series and final values together) are read from one file: a
 * file with more is not a training log (a logged tensor spread into keys) and would cost memory
 * and time out of proportion; it is refused naming the file and the cap.
 */
export const MAX_METRICS_PER_FILE = 10_000;

/** What a format's reader adds its values to (through collectMetrics). Records are the locator's numbers. */
export class MetricCollector {
  private readonly seriesByName = new Map<string, SeriesBuilder>();
  /** The track new series start on: series logged on the same lines share its steps and records. */
  private readonly firstTrack = new StepTrack(true);
  private readonly finals = new Map<string, { value: number; record: number; firstRecord: number }>();
  private readonly notes: string[] = [];
  private duplicateCount = 0;
  private repeatedFinal: RepeatedFinal | null = null;
  /** The first final value logged again with another value (refused when the file also has steps). */
  private changedFinal: RepeatedFinal | null = null;
  /** The key the format read steps from; set by the format's reader, reported in MetricData.stepAxes. */
  stepKey: string | null = null;
  /** The format's own advice for a step that does not advance, given that step (MLflow: pass `step=`); default: the step-key hint. */
  stepFix: ((step: number) => string) | undefined;
  /** The step and record of the last point added, and the last record whose step went back from it (-1: none). */
  private lastPointStep = -1;
  private lastPointRecord = -1;
  private lastRewindRecord = -1;
  /** Text values of fields, reported when they hide numbers (non-numeric.ts). */
  readonly nonNumeric = new NonNumericFields();
  private readonly skipped = new Set<string>();

  constructor(readonly locator: RecordLocator) {}

  /** The builder for a metric name; callers keep it to skip the lookup on later values. Throws past MAX_METRICS_PER_FILE. */
  seriesFor(name: string): SeriesBuilder {
    let series = this.seriesByName.get(name);
    if (series === undefined) {
      this.refuseOverCap();
      series = new SeriesBuilder(name, this.firstTrack);
      this.seriesByName.set(name, series);
    }
    return series;
  }

  /** VALUE of SERIES at STEP (a whole number >= 0), logged in RECORD; a second value at one step replaces the first. */
  addPoint(series: SeriesBuilder, step: number, value: number, record: number): void {
    if (record !== this.lastPointRecord) {
      if (step < this.lastPointStep) this.lastRewindRecord = record;
      this.lastPointStep = step;
      this.lastPointRecord = record;
    }
    const lastStep = series.lastStep();
    if (step === lastStep) {
      if (record === series.lastRecord()) throw keysShareAName(this.locator, series.name, record);
      if (this.lastRewindRecord > series.lastRecord()) {
        // The file's step went back between this metric's two records (a resumed run re-logging a
        // step it had logged before it stopped): merged as a resume, with the other re-logged steps.
        series.inOrder = false;
        series.append(step, value, record);
        return;
      }
      if (!Object.is(series.values.at(series.length - 1), value)) {
        if (!isClockOrCounter(series.name))
          throw stepDoesNotAdvance(this, series.name, step, series.lastRecord(), record);
        this.noteDuplicate(series.name, step, series.lastRecord(), record);
      }
      series.replaceLast(value, record);
      return;
    }
    if (step < lastStep) series.inOrder = false;
    series.append(step, value, record);
  }

  /** A value logged without a step, in RECORD. Throws past MAX_METRICS_PER_FILE. */
  addFinal(name: string, value: number, record: number): void {
    const earlier = this.finals.get(name);
    if (earlier === undefined) this.refuseOverCap();
    else if (earlier.record === record) throw keysShareAName(this.locator, name, record);
    else {
      this.repeatedFinal ??= { name, firstRecord: earlier.firstRecord, secondRecord: record };
      if (!Object.is(earlier.value, value) && !isClockOrCounter(name))
        this.changedFinal ??= { name, firstRecord: earlier.record, secondRecord: record };
    }
    this.finals.set(name, { value, record, firstRecord: earlier?.firstRecord ?? record });
  }

  /** A field read but left out of the comparison (an array too long to read element by element); the reports name it. */
  notCompared(name: string): void {
    this.skipped.add(name);
  }

  /** A note for the report about something read but not kept (a skipped array). */
  addNote(text: string): void {
    if (this.notes.length < MAX_DUPLICATE_NOTES) this.notes.push(text);
  }

  private refuseOverCap(): void {
    if (this.seriesByName.size + this.finals.size < MAX_METRICS_PER_FILE) return;
    throw new InputFileError(
      this.locator.file,
      undefined,
      `holds more than ${MAX_METRICS_PER_FILE} metrics; repro-check reads at most ${MAX_METRICS_PER_FILE} from one file`,
      {
        hint: 'Log fewer values per step (summaries rather than per-element values), or write the values to compare to a file of their own.',
      },
    );
  }

  /** The MetricData read. Throws InputFileError for a step-less file whose records repeat a metric. */
  finish(): MetricData {
    if (this.seriesByName.size === 0 && this.repeatedFinal !== null) throw this.collapseError(this.repeatedFinal);
    if (this.changedFinal !== null) throw finalValueChanges(this.locator, this.changedFinal);
    const data = emptyMetricData();
    const locator = this.locator;
    for (const series of this.seriesByName.values()) {
      const read = series.inOrder
        ? { steps: series.steps(), values: series.values.view(), records: series.records() }
        : this.sortAndMerge(series);
      data.series.set(series.name, {
        steps: read.steps,
        values: read.values,
        origin: { locator, records: read.records },
      });
    }
    for (const [name, { value, record }] of this.finals) {
      data.finals.set(name, value);
      data.finalOrigins!.set(name, { locator, record });
    }
    data.notes.push(...this.notes);
    this.nonNumeric.report(this.locator, data);
    if (this.skipped.size > 0) (data.uncompared ??= []).push(...this.skipped);
    const unlisted = this.duplicateCount - MAX_DUPLICATE_NOTES;
    if (unlisted > 0) {
      data.notes.push(
        `${unlisted} more value${unlisted === 1 ? ' was' : 's were'} logged twice with different values in ${locator.file}; the last value was kept each time`,
      );
    }
    data.stepAxes!.push({ file: locator.file, stepKey: this.seriesByName.size > 0 ? this.stepKey : null });
    return data;
  }

  private collapseError({ name, firstRecord, secondRecord }: RepeatedFinal): InputFileError {
    return this.locator.error(
      secondRecord,
      `"${name}" is logged again (first at ${this.locator.describe(firstRecord)}), but no record in the file has a step, so the records cannot be told apart; it is not read as "last value wins"`,
      'Name the key that numbers the records with the `step-key` setting (compare: --step-key KEY), or log a `step` with each record. Recognised step keys: step, global_step, trainer/global_step, iteration, iter, _step, then epoch.',
    );
  }

  /** Steps went backwards (a resumed run re-logging steps it had logged before it stopped). */
  private sortAndMerge(series: SeriesBuilder): MetricSeries & { records: Float64Array } {
    const steps = series.steps();
    const values = series.values.view();
    const records = series.records();
    // A stable sort: among equal steps the later record stays later and wins.
    const order = Array.from(steps.keys()).sort((a, b) => steps[a]! - steps[b]! || a - b);
    const merged = { steps: new GrowableFloat64(), values: new GrowableFloat64(), records: new GrowableFloat64() };
    let previous = -1;
    let checkedRestart = false;
    for (const index of order) {
      const step = steps[index]!;
      if (previous >= 0 && steps[previous] === step) {
        const kept = merged.values.length - 1;
        if (!Object.is(merged.values.at(kept), values[index])) {
          // Only a re-logged value that changed needs the step to be a resume's to be read.
          checkedRestart ||= isClockOrCounter(series.name) || refuseRestart(this, series.name, steps, records);
          this.noteDuplicate(series.name, step, records[previous]!, records[index]!);
        }
        merged.values.set(kept, values[index]!);
        merged.records.set(kept, records[index]!);
      } else {
        merged.steps.push(step);
        merged.values.push(values[index]!);
        merged.records.push(records[index]!);
      }
      previous = index;
    }
    return { steps: merged.steps.view(), values: merged.values.view(), records: merged.records.view() };
  }

  private noteDuplicate(name: string, step: number, earlierRecord: number, laterRecord: number): void {
    this.duplicateCount++;
    if (this.duplicateCount > MAX_DUPLICATE_NOTES) return;
    this.notes.push(
      `${name} at step ${step} was logged twice with different values (${this.locator.describe(earlierRecord)} and ${this.locator.describe(laterRecord)}); the last value was kept`,
    );
  }
}
