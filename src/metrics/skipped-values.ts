import type { MetricCollector } from './collector.ts';
import { isClockOrCounter } from './repeats.ts';

/**
 * An array longer than this is not spread into one metric per element (`v.0` … `v.129999`):
 * it is skipped with a note giving its length. Per-class values (a few hundred classes) still
 * fit; a logged tensor or histogram does not belong in a metric comparison.
 */
export const MAX_ARRAY_METRICS = 1000;

/**
 * Weights & Biases logs media, tables and histograms (`wandb.Image`, `wandb.Table`,
 * `wandb.Histogram`) into wandb-history.jsonl and wandb-summary.json as objects tagged with
 * `_type` (`{"_type": "image-file", "width": 28, "height": 28, "path": …, "caption": …}`). Their
 * numbers are sizes, counts and bins, not values a training reached, and their captions are
 * text, so such an object is skipped whole.
 */
export function isMediaObject(value: object): boolean {
  return typeof (value as { _type?: unknown })._type === 'string';
}

/**
 * Whether a log object holds a metric value: a number, at any depth, outside media objects, that
 * is not STEPKEY (the record's step) nor a wall-clock field or step counter (isClockOrCounter).
 * A record without one (a W&B media row holding only `_step`, `_runtime`, `_timestamp` and an
 * image) says nothing about which key numbers the file's metrics, so it does not choose the step
 * axis. Iterative: how deep a record nests is the file's to choose.
 */
export function holdsMetricValue(object: object, stepKey: string): boolean {
  const pending: Array<[object, string]> = [[object, '']];
  while (pending.length > 0) {
    const [node, prefix] = pending.pop()!;
    for (const [key, value] of Object.entries(node)) {
      if (prefix === '' && key === stepKey) continue;
      const name = prefix === '' ? key : `${prefix}.${key}`;
      if (typeof value === 'number') {
        if (!isClockOrCounter(name)) return true;
      } else if (typeof value === 'object' && value !== null && !isMediaObject(value)) pending.push([value, name]);
    }
  }
  return false;
}

/**
 * The notes for values of log objects that are read but not compared: a long array, a media
 * object, a record off the file's step axis. Each kind is noted once per name (once per file for
 * records off the axis), so a value logged on every line is not noted on every line.
 */
export class SkippedValueNotes {
  private readonly noted = new Set<string>();

  constructor(private readonly collector: MetricCollector) {}

  /** An array of LENGTH elements (over MAX_ARRAY_METRICS) under NAME, in RECORD. */
  longArray(name: string, length: number, record: number): void {
    // Named as not compared too: the headline must not claim every logged value was.
    this.collector.notCompared(name);
    this.once(
      name,
      `${name}: an array of ${length} elements (${this.collector.locator.describe(record)}) was skipped; arrays longer than ${MAX_ARRAY_METRICS} are not read as one metric per element, so it was not compared (log it as one value per step instead)`,
    );
  }

  /** A media object (isMediaObject) of W&B type TYPE under NAME, in RECORD. */
  media(name: string, type: string, record: number): void {
    this.once(
      name,
      `${name}: a W&B "${type.slice(0, 40)}" object (${this.collector.locator.describe(record)}) was skipped; media, tables and histograms are not metrics`,
    );
  }

  /** RECORD holds no metric value (holdsMetricValue) and is numbered by STEPKEY, not the file's AXIS. */
  offAxis(stepKey: string, axis: string, record: number): void {
    this.once(
      '\u0000off-axis',
      `records holding no metric value (only wall clock, step counters or W&B media), numbered by "${stepKey}" rather than the file's step "${axis}", were skipped (first at ${this.collector.locator.describe(record)})`,
    );
  }

  private once(key: string, note: string): void {
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.collector.addNote(note);
  }
}
