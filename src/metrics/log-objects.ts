import type { MetricCollector, SeriesBuilder } from './collector.ts';
import { StepAxisChooser } from './step-axis.ts';

/** Deeper objects than this are refused rather than risking a stack overflow. */
const MAX_DEPTH = 1000;

export type LogObject = Record<string, unknown>;

export function isLogObject(value: unknown): value is LogObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Steps are whole numbers from 0 up: anything else is refused with the file and line. */
export function isValidStep(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function describeValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

/**
 * One node per dotted name seen so far. Walking a log object goes down this tree key by
 * key, so the dotted name is built once per metric, not once per value, and the node
 * remembers its SeriesBuilder.
 */
class NameNode {
  private children: Map<string, NameNode> | undefined;
  private series: SeriesBuilder | undefined;
  private readonly recentChildren: NameNode[] = [];

  constructor(
    readonly key: string,
    readonly name: string,
  ) {}

  child(key: string, isRoot: boolean, position: number): NameNode {
    // Log lines nearly always repeat the previous line's keys in the same order: compare the
    // key at this position with last time's (interned strings: a pointer compare) before
    // paying for a Map lookup.
    const recent = this.recentChildren[position];
    if (recent !== undefined && recent.key === key) return recent;
    const node = this.lookUpChild(key, isRoot);
    this.recentChildren[position] = node;
    return node;
  }

  private lookUpChild(key: string, isRoot: boolean): NameNode {
    this.children ??= new Map();
    let node = this.children.get(key);
    if (node === undefined) {
      node = new NameNode(key, isRoot ? key : `${this.name}.${key}`);
      this.children.set(key, node);
    }
    return node;
  }

  seriesIn(collector: MetricCollector): SeriesBuilder {
    // `{"a.b": 1}` and `{"a": {"b": 1}}` reach different nodes but the same series.
    this.series ??= collector.seriesFor(this.name);
    return this.series;
  }
}

/**
 * Reads log objects (one JSONL line, one `log_history` entry) into a collector.
 * Numbers become metrics named by their dotted path; arrays count as objects keyed by
 * index (`{"acc": [0.9, 0.8]}` gives `acc.0`, `acc.1`); strings, booleans and null are
 * skipped. An object with a step key (StepAxisChooser) adds points at that step; one without
 * gives final values.
 */
export class LogObjectReader {
  private readonly root = new NameNode('', '');
  private readonly axis: StepAxisChooser;

  constructor(
    private readonly collector: MetricCollector,
    /** The `step-key` setting; undefined: recognised by name; null: no step axis (a summary object). */
    stepKey: string | null | undefined,
  ) {
    this.axis = new StepAxisChooser(stepKey, collector.locator);
  }

  /**
   * `parsedStrictly`: the object came from JSON.parse, which has no token for infinity, so an
   * infinite number in it was a literal outside the double range (`1e400`): refused, never
   * read as Infinity.
   */
  read(object: LogObject, record: number, parsedStrictly: boolean): void {
    const stepKey = this.axis.pick(object, record);
    this.collector.stepKey = this.axis.fixedKey;
    if (stepKey === undefined) {
      this.walk(this.root, object, undefined, undefined, record, 0, parsedStrictly);
      return;
    }
    const step = object[stepKey];
    if (!isValidStep(step)) {
      throw this.collector.locator.error(record, `"${stepKey}" must be a whole number >= 0 (it is the step), got ${describeValue(step)}`);
    }
    this.walk(this.root, object, stepKey, step + 0 /* -0 -> 0 */, record, 0, parsedStrictly);
  }

  private walk(node: NameNode, object: object, stepKey: string | undefined, step: number | undefined, record: number, depth: number, parsedStrictly: boolean): void {
    if (depth > MAX_DEPTH) throw this.collector.locator.error(record, `nested more than ${MAX_DEPTH} levels deep`);
    const isRoot = depth === 0;
    let position = -1;
    for (const key in object) {
      position++;
      if (key === stepKey) continue;
      const value = (object as LogObject)[key];
      if (typeof value === 'number') {
        const leaf = node.child(key, isRoot, position);
        if (parsedStrictly && (value === Infinity || value === -Infinity)) throw outOfRange(this.collector, record, leaf.name);
        if (step === undefined) this.collector.addFinal(leaf.name, value, record);
        else this.collector.addPoint(leaf.seriesIn(this.collector), step, value, record);
      } else if (typeof value === 'object' && value !== null) {
        this.walk(node.child(key, isRoot, position), value, undefined, step, record, depth + 1, parsedStrictly);
      }
    }
  }
}

function outOfRange(collector: MetricCollector, record: number, name: string): Error {
  return collector.locator.error(
    record,
    `"${name}" is a number outside the double range (beyond ±1.8e308, e.g. 1e400); it is not read as Infinity`,
    'Write infinity as Infinity (json.dumps does) if that is what the training produced; a finite value that large cannot be compared.',
  );
}
