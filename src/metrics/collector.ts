import { InputFileError } from '../errors.ts';
import { emptyMetricData, type MetricData, type MetricSeries } from './series.ts';

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
  error(record: number, problem: string): InputFileError;
}

/**
 * A value logged twice at one step is noted only when the two differ: Lightning and the HF
 * Trainer repeat `epoch` on train and eval rows of one step, which is not worth a note.
 * A resumed run can re-log thousands of values; the report needs the first few and a count.
 */
const MAX_DUPLICATE_NOTES = 20;

/**
 * One metric's values in arrival order. The fast path only appends; a step that goes
 * backwards makes the file be read a second time, keeping each value's record, and the
 * series is sorted and merged when that reading ends.
 */
export class SeriesBuilder {
  readonly steps: number[] = [];
  readonly values: number[] = [];
  /** Each value's record; filled only on the second reading (see collectMetrics). */
  readonly records: number[] = [];
  lastRecord = -1;
  inOrder = true;

  constructor(readonly name: string) {}
}

/**
 * Runs `read` (a format's loop over its records) into a collector and returns the result.
 * Keeping a record number for every value costs as much as keeping the value, and it is only
 * needed to name both lines of a duplicate found when out-of-order steps are sorted; so the
 * first reading keeps only each series' last record, and a file whose steps go backwards
 * (a resumed run) is read again with every record kept.
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
  private readonly finals = new Map<string, { value: number; record: number }>();
  private readonly notes: string[] = [];
  private duplicateCount = 0;
  stepsInOrder = true;

  constructor(
    readonly locator: RecordLocator,
    private readonly keepRecords: boolean,
  ) {}

  /** The builder for a metric name; callers keep it to skip the lookup on later values. */
  seriesFor(name: string): SeriesBuilder {
    let series = this.seriesByName.get(name);
    if (series === undefined) {
      this.refuseOverCap();
      series = new SeriesBuilder(name);
      this.seriesByName.set(name, series);
    }
    return series;
  }

  addPoint(series: SeriesBuilder, step: number, value: number, record: number): void {
    const last = series.steps.length - 1;
    const lastStep = last < 0 ? -1 : series.steps[last]!;
    if (step === lastStep) {
      if (!Object.is(series.values[last], value)) this.noteDuplicate(series.name, step, series.lastRecord, record);
      series.values[last] = value;
      if (this.keepRecords) series.records[last] = record;
    } else {
      if (step < lastStep) {
        series.inOrder = false;
        this.stepsInOrder = false;
      }
      series.steps.push(step);
      series.values.push(value);
      if (this.keepRecords) series.records.push(record);
    }
    series.lastRecord = record;
  }

  addFinal(name: string, value: number, record: number): void {
    const earlier = this.finals.get(name);
    if (earlier === undefined) this.refuseOverCap();
    if (earlier !== undefined && !Object.is(earlier.value, value)) this.noteDuplicate(name, undefined, earlier.record, record);
    this.finals.set(name, { value, record });
  }

  /** A note for the report about something read but not kept (a skipped array). */
  addNote(text: string): void {
    if (this.notes.length < MAX_DUPLICATE_NOTES) this.notes.push(text);
  }

  private refuseOverCap(): void {
    if (this.seriesByName.size + this.finals.size < MAX_METRICS_PER_FILE) return;
    throw new InputFileError(this.locator.file, undefined, `holds more than ${MAX_METRICS_PER_FILE} metrics; repro-check reads at most ${MAX_METRICS_PER_FILE} from one file`, {
      hint: 'Log fewer values per step (summaries rather than per-element values), or write the values to compare to a file of their own.',
    });
  }

  finish(): MetricData {
    const data = emptyMetricData();
    for (const series of this.seriesByName.values()) {
      data.series.set(series.name, series.inOrder ? { steps: series.steps, values: series.values } : this.sortAndMerge(series));
    }
    for (const [name, { value }] of this.finals) data.finals.set(name, value);
    data.notes.push(...this.notes);
    const unlisted = this.duplicateCount - MAX_DUPLICATE_NOTES;
    if (unlisted > 0) {
      data.notes.push(`${unlisted} more value${unlisted === 1 ? ' was' : 's were'} logged twice with different values in ${this.locator.file}; the last value was kept each time`);
    }
    return data;
  }

  /** Steps went backwards (a resumed run re-logging steps it had logged before it stopped). */
  private sortAndMerge(series: SeriesBuilder): MetricSeries {
    const { steps, values, records } = series;
    // Array.prototype.sort is stable, so among equal steps the later record stays later and wins.
    const order = steps.map((_, index) => index).sort((a, b) => steps[a]! - steps[b]!);
    const merged: MetricSeries = { steps: [], values: [] };
    let previous = -1;
    for (const index of order) {
      const step = steps[index]!;
      if (previous >= 0 && steps[previous] === step) {
        const kept = merged.values.length - 1;
        if (!Object.is(merged.values[kept], values[index])) this.noteDuplicate(series.name, step, records[previous]!, records[index]!);
        merged.values[kept] = values[index]!;
      } else {
        merged.steps.push(step);
        merged.values.push(values[index]!);
      }
      previous = index;
    }
    return merged;
  }

  private noteDuplicate(name: string, step: number | undefined, earlierRecord: number, laterRecord: number): void {
    this.duplicateCount++;
    if (this.duplicateCount > MAX_DUPLICATE_NOTES) return;
    const what = step === undefined ? `${name} (final value)` : `${name} at step ${step}`;
    this.notes.push(`${what} was logged twice with different values (${this.locator.describe(earlierRecord)} and ${this.locator.describe(laterRecord)}); the last value was kept`);
  }
}
