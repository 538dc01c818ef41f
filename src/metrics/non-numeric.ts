import type { RecordLocator } from './collector.ts';
import type { MetricData } from './series.ts';

/**
 * A number logged inside a wrapper's text (`tensor(2.3100)`, `array(0.5, dtype=float32)`,
 * `np.float32(1.5)`, `Decimal('1.5')`), or a number written as a JSON string (`"1.99"`): what
 * `str()` of a tensor or a formatted value gives when `.item()` was forgotten.
 */
const WRAPPED_NUMBER =
  /^\s*(?:(?:tensor|array|np\.\w+|numpy\.\w+|torch\.\w+|jnp\.\w+|Array|DeviceArray|Decimal|float\d*|int\d*)\(\s*\[?\s*['"]?\s*[-+]?(?:\d|\.\d|nan|inf)|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$)/i;

/** At most this many fields are remembered per file: a log of thousands of text fields is not worth more. */
const MAX_TRACKED_FIELDS = 1000;

interface FirstText {
  text: string;
  record: number;
}

/**
 * The fields of one file whose values were text, not numbers, each with its first such value and
 * record. Plain text fields (a phase name, a run id) are silently not metrics; what is reported
 * (docs/metric-formats.md, "Values that are not numbers") is a field whose text is a number in a
 * wrapper, and a field whose text stands where other records hold numbers. Both say the values
 * were not compared, so that no report claims every logged value was.
 */
export class NonNumericFields {
  private readonly first = new Map<string, FirstText>();

  /** A text value of field `name` at `record` (a JSON string, or a CSV cell that is not a number). */
  see(name: string, text: string, record: number): void {
    if (this.first.has(name) || this.first.size >= MAX_TRACKED_FIELDS) return;
    this.first.set(name, { text, record });
  }

  /**
   * Adds to `data` (already holding the file's series and final values) a note for each field
   * reported, and its name to `data.uncompared`.
   */
  report(locator: RecordLocator, data: MetricData): void {
    for (const [name, { text, record }] of this.first) {
      const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text);
      const where = locator.describe(record);
      if (WRAPPED_NUMBER.test(text)) {
        data.notes.push(
          `${name}: ${shown} (${where}) is a number written as text, not a number, so "${name}" was not compared there; log a plain number (\`.item()\` of a tensor, \`float(x)\`)`,
        );
      } else if (data.series.has(name) || data.finals.has(name)) {
        data.notes.push(
          `${name}: ${shown} (${where}) is not a number while other records hold numbers in "${name}"; such values were not compared`,
        );
      } else continue;
      (data.uncompared ??= []).push(name);
    }
  }
}
