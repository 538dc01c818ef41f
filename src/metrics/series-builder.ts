/** First capacity of a growable array; it doubles when full, so a value costs 8 to 16 bytes. */
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
 * The steps of one or more series, and the record (line) each step's value came from. Metrics
 * logged on the same lines have the same steps and records, and a log of 50 metrics would
 * otherwise keep 50 copies of them: series share a track while both agree, and a series whose
 * next step or record differs gets its own copy (forks). Only the first track is shared; a fork
 * belongs to the series that made it.
 */
export class StepTrack {
  readonly steps = new GrowableFloat64();
  readonly records = new GrowableFloat64();

  constructor(readonly shared: boolean) {}

  /** A track of one series holding the first `length` steps and records of this one. */
  fork(length: number): StepTrack {
    const track = new StepTrack(false);
    for (let i = 0; i < length; i++) {
      track.steps.push(this.steps.at(i));
      track.records.push(this.records.at(i));
    }
    return track;
  }
}

/**
 * One metric's values in arrival order, each with its step and record on the series' track.
 * Steps that go backwards (a resumed run) clear `inOrder`: the collector sorts and merges the
 * series when the reading ends.
 */
export class SeriesBuilder {
  /** The series' steps and records are the first `values.length` of its track's. */
  private track: StepTrack;
  readonly values = new GrowableFloat64();
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

  /** The record the last value came from (-1 before any). */
  lastRecord(): number {
    return this.values.length === 0 ? -1 : this.track.records.at(this.values.length - 1);
  }

  /** Appends a value at STEP from RECORD: shares the track's next entry when it is the same, else forks the track. */
  append(step: number, value: number, record: number): void {
    const position = this.values.length;
    const track = this.track;
    if (position < track.steps.length) {
      if (track.steps.at(position) !== step || track.records.at(position) !== record) {
        this.track = track.fork(position);
        this.pushStep(step, record);
      }
    } else this.pushStep(step, record);
    this.values.push(value);
  }

  /** Replaces the last value with one logged again at its step, from RECORD (the later one is kept). */
  replaceLast(value: number, record: number): void {
    const last = this.values.length - 1;
    this.values.set(last, value);
    if (this.track.records.at(last) === record) return;
    if (this.track.shared) this.track = this.track.fork(this.values.length);
    this.track.records.set(last, record);
  }

  private pushStep(step: number, record: number): void {
    this.track.steps.push(step);
    this.track.records.push(record);
  }

  steps(): Float64Array {
    return this.track.steps.view().subarray(0, this.values.length);
  }

  records(): Float64Array {
    return this.track.records.view().subarray(0, this.values.length);
  }
}
