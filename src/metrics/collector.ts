import { InputFileError } from '../errors.ts';
import { emptyMetricData, type MetricData, type MetricSeries } from './series.ts';
import { NonNumericFields } from './non-numeric.ts';
import { finalValueChanges, isClockOrCounter, keysShareAName, refuseRestart, stepDoesNotAdvance } from './repeats.ts';

/**
 * Every format hands its values to a MetricCollector, which turns them into MetricData.
 * Values arrive tagged with a record number (a line number, or an index into a JSON array);
 * the format's RecordLocator turns that number back into words for notes and errors, so no
 * text is built per value.
 */
export interface RecordLocator {
  readonly file: string;
  /** Where a record is, for a note: `metrics.jsonl:12`, `trainer_state.json log_history[3]`. */
  describe(record: number): string;
  /** An error about one record, naming the file and, where there is one, the line. */
  error(record: number, problem: string, hint?: string): InputFileError;
  /** Which file a record is in, for a reader of several files (TensorBoard event files of one run); absent for one file. */
  sourceOf?(record: number): string;
}

/**
 * A value logged twice at one step is noted only when the two differ: Lightning and the HF
 * Trainer repeat `epoch` on train and eval rows of one step, which is not worth a note.
 * A resumed run can re-log thousands of values; the report needs the first few and a count.
 */
const MAX_DUPLICATE_NOTES = 20;

/** First capacity of a series' arrays; they double when full, so a value costs 8 to 16 bytes. */
const INITIAL_CAPACITY = 64;

/**
 * A Float64Array that grows by doubling: a series of any length costs 8 bytes a value (plus at
 * most the unused half of the last doubling), against about 4x that for a boxed number[].
 */
export class GrowableFloat64 {
  private buffer = new Float64Array(INITIAL_CAPACITY);
  length = 0;

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = value;
  }

  at(index: number): number {
    return this.buffer[index]!;
  }

  set(index: number, value: number): void {
    this.buffer[index] = value;
  }

  /** A view of the filled part (no copy). */
  view(): Float64Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * The steps of one or more series. Metrics logged on the same lines have the same steps, and a
 * log of 50 metrics would otherwise keep 50 copies of them: series share a track while their
 * steps agree, and a series whose next step differs from the track's gets its own copy (forks).
 */
class StepTrack {
  readonly steps = new GrowableFloat64();

  /** A new track holding the first `length` steps of this one. */
  fork(length: number): StepTrack {
    const track = new StepTrack();
    for (let i = 0; i < length; i++) track.steps.push(this.steps.at(i));
    return track;
  }
}

/**
 * One metric's values in arrival order. The fast path only appends; a step that goes
 * backwards makes the file be read a second time, keeping each value's record, and the
 * series is sorted and merged when that reading ends.
 */
export class SeriesBuilder {
  /** The series' steps are the first `values.length` steps of its track. */
  track: StepTrack;
  readonly values = new GrowableFloat64();
  /** Each value's record; filled only on the second reading (see collectMetrics). */
  readonly records = new GrowableFloat64();
  lastRecord = -1;
  inOrder = true;

  constructor(
    readonly name: string,
    track: StepTrack,
  ) {
    this.track = track;
  }

  get length(): number {
    return this.values.length;
  }

  lastStep(): number {
    return this.values.length === 0 ? -1 : this.track.steps.at(this.values.length - 1);
  }

  /** Appends a step: shares the track's next step when it is the same, else forks the track. */
  appendStep(step: number): void {
    const position = this.values.length;
    const steps = this.track.steps;
    if (position < steps.length) {
      if (steps.at(position) === step) return;
      this.track = this.track.fork(position);
    }
    this.track.steps.push(step);
  }

  steps(): Float64Array {
    return this.track.steps.view().subarray(0, this.values.length);
  }
}

/** Where the values of a file of final values only repeat: the first metric seen in two records. */
interface RepeatedFinal {
  name: string;
  firstRecord: number;
  secondRecord: number;
}

/**
 * Runs `read` (a format's loop over its records) into a collector and returns the result.
 * Keeping a record number for every value costs as much as keeping the value, and it is only
 * needed to name both lines of a duplicate found when out-of-order steps are sorted; so the
 * first reading keeps only each series' last record, and a file whose steps go backwards
 * (a resumed run) is read again with every record kept.
 *
 * Throws InputFileError for a file in which no record has a step and some metric appears in
 * more than one record: folding those into "last value wins" would compare one line of a log.
 */
export function collectMetrics(locator: RecordLocator, read: (collector: MetricCollector) => void): MetricData {
  const firstReading = new MetricCollector(locator, false);
  read(firstReading);
  if (firstReading.stepsInOrder) return firstReading.finish();
  const secondReading = new MetricCollector(locator, true);
  read(secondReading);
  return secondReading.finish();
}

/**
 * At most this many metric names (series and final values together) are read from one file: a
 * file with more is not a training log (a logged tensor spread into keys) and would cost memory
 * and time out of proportion; it is refused naming the file and the cap.
 */
export const MAX_METRICS_PER_FILE = 10_000;

export class MetricCollector {
  private readonly seriesByName = new Map<string, SeriesBuilder>();
  /** The track new series start on: series logged on the same lines share its steps. */
  private readonly firstTrack = new StepTrack();
  private readonly finals = new Map<string, { value: number; record: number; firstRecord: number }>();
  private readonly notes: string[] = [];
  private duplicateCount = 0;
  private repeatedFinal: RepeatedFinal | null = null;
  /** The first final value logged again with another value (refused when the file also has steps). */
  private changedFinal: RepeatedFinal | null = null;
  stepsInOrder = true;
  /** The key the format read steps from; set by the format's reader, reported in MetricData.stepAxes. */
  stepKey: string | null = null;
  /** The format's own advice for a step that does not advance (MLflow: pass `step=`); default: the step-key hint. */
  stepFix: string | undefined;
  /** Text values of fields, reported when they hide numbers (non-numeric.ts). */
  readonly nonNumeric = new NonNumericFields();

  constructor(
    readonly locator: RecordLocator,
    private readonly keepRecords: boolean,
  ) {}

  /** The builder for a metric name; callers keep it to skip the lookup on later values. */
  seriesFor(name: string): SeriesBuilder {
    let series = this.seriesByName.get(name);
    if (series === undefined) {
      this.refuseOverCap();
      series = new SeriesBuilder(name, this.firstTrack);
      this.seriesByName.set(name, series);
    }
    return series;
  }

  addPoint(series: SeriesBuilder, step: number, value: number, record: number): void {
    const lastStep = series.lastStep();
    if (step === lastStep) {
      if (record === series.lastRecord) throw keysShareAName(this.locator, series.name, record);
      const last = series.length - 1;
      if (!Object.is(series.values.at(last), value)) {
        if (!isClockOrCounter(series.name))
          throw stepDoesNotAdvance(this, series.name, step, series.lastRecord, record);
        this.noteDuplicate(series.name, step, series.lastRecord, record);
        series.values.set(last, value);
      }
      if (this.keepRecords) series.records.set(last, record);
    } else {
      if (step < lastStep) {
        series.inOrder = false;
        this.stepsInOrder = false;
      }
      series.appendStep(step);
      series.values.push(value);
      if (this.keepRecords) series.records.push(record);
    }
    series.lastRecord = record;
  }

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

  finish(): MetricData {
    if (this.seriesByName.size === 0 && this.repeatedFinal !== null) throw this.collapseError(this.repeatedFinal);
    if (this.changedFinal !== null) throw finalValueChanges(this.locator, this.changedFinal);
    const data = emptyMetricData();
    for (const series of this.seriesByName.values()) {
      data.series.set(
        series.name,
        series.inOrder ? { steps: series.steps(), values: series.values.view() } : this.sortAndMerge(series),
      );
    }
    for (const [name, { value }] of this.finals) data.finals.set(name, value);
    data.notes.push(...this.notes);
    this.nonNumeric.report(this.locator, data);
    const unlisted = this.duplicateCount - MAX_DUPLICATE_NOTES;
    if (unlisted > 0) {
      data.notes.push(
        `${unlisted} more value${unlisted === 1 ? ' was' : 's were'} logged twice with different values in ${this.locator.file}; the last value was kept each time`,
      );
    }
    data.stepAxes!.push({ file: this.locator.file, stepKey: this.seriesByName.size > 0 ? this.stepKey : null });
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
  private sortAndMerge(series: SeriesBuilder): MetricSeries {
    const steps = series.steps();
    const values = series.values.view();
    const records = series.records.view();
    // A stable sort: among equal steps the later record stays later and wins.
    const order = Array.from(steps.keys()).sort((a, b) => steps[a]! - steps[b]! || a - b);
    const mergedSteps = new GrowableFloat64();
    const mergedValues = new GrowableFloat64();
    let previous = -1;
    let checkedRestart = false;
    for (const index of order) {
      const step = steps[index]!;
      if (previous >= 0 && steps[previous] === step) {
        const kept = mergedValues.length - 1;
        if (!Object.is(mergedValues.at(kept), values[index])) {
          // Only a re-logged value that changed needs the step to be a resume's to be read.
          checkedRestart ||= isClockOrCounter(series.name) || refuseRestart(this, series.name, steps, records);
          this.noteDuplicate(series.name, step, records[previous]!, records[index]!);
        }
        mergedValues.set(kept, values[index]!);
      } else {
        mergedSteps.push(step);
        mergedValues.push(values[index]!);
      }
      previous = index;
    }
    return { steps: mergedSteps.view(), values: mergedValues.view() };
  }

  private noteDuplicate(name: string, step: number, earlierRecord: number, laterRecord: number): void {
    this.duplicateCount++;
    if (this.duplicateCount > MAX_DUPLICATE_NOTES) return;
    this.notes.push(
      `${name} at step ${step} was logged twice with different values (${this.locator.describe(earlierRecord)} and ${this.locator.describe(laterRecord)}); the last value was kept`,
    );
  }
}
