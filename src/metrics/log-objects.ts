import { InputFileError } from '../errors.ts';
import type { MetricCollector, SeriesBuilder } from './collector.ts';
import { notAStepHint, StepAxisChooser } from './step-axis.ts';
import { isOverflow, outOfRangeError } from './out-of-range.ts';
import { holdsMetricValue, isMediaObject, MAX_ARRAY_METRICS, SkippedValueNotes } from './skipped-values.ts';

/** Deeper objects than this are refused rather than risking a stack overflow. */
export const MAX_DEPTH = 1000;
export type LogObject = Record<string, unknown>;

/** How many record keys a message about a missing step key lists. */
const MAX_KEYS_LISTED = 12;

/** Whether VALUE is a plain object (not null, not an array): a log record. */
export function isLogObject(value: unknown): value is LogObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether VALUE is an object whose every field in FIELDS has that `typeof` type
 * (`{name: 'string', value: 'number'}`): how the JSON document formats are told apart by content.
 */
export function hasFieldTypes(
  value: unknown,
  fields: Readonly<Record<string, 'string' | 'number'>>,
): value is LogObject {
  return isLogObject(value) && Object.entries(fields).every(([key, type]) => typeof value[key] === type);
}

/** Steps are whole numbers from 0 up: anything else is refused with the file and line. */
export function isValidStep(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A short description of a logged value for a message: never longer than 80 characters, whatever its size or depth. */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length} element${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * Whether VALUE holds objects or arrays nested more than MAX levels deep. Iterative (an explicit
 * stack of pending children), so a document nested 10,000 levels deep cannot overflow the call stack.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(node))
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
  }
  return false;
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
  private readonly skipped: SkippedValueNotes;

  /** Top-level keys of the records, in first-seen order (a few), for a step-key that names none of them. */
  private readonly keysSeen = new Set<string>();

  constructor(
    private readonly collector: MetricCollector,
    /** The `step-key` setting; undefined: recognised by name; null: no step axis (a summary object). */
    private readonly stepKey: string | null | undefined,
  ) {
    this.axis = new StepAxisChooser(stepKey, collector.locator);
    this.skipped = new SkippedValueNotes(collector);
  }

  /**
   * After the last record: a `step-key` that no record holds is refused naming the keys the records
   * do hold, rather than reading every record as final values and reporting their repetition.
   */
  checkStepKeyFound(): void {
    if (typeof this.stepKey !== 'string' || this.axis.fixedKey !== null || this.keysSeen.size === 0) return;
    const keys = [...this.keysSeen].map((key) => `"${key}"`);
    throw new InputFileError(
      this.collector.locator.file,
      undefined,
      `step-key "${this.stepKey}": no record in the file has this key (its records have ${keys.join(', ')}${this.keysSeen.size === MAX_KEYS_LISTED ? ', …' : ''})`,
      {
        hint: 'Name one of the keys the records have with the `step-key` setting (compare: --step-key KEY), or leave it out to recognise the step by name.',
      },
    );
  }

  /**
   * `parsedStrictly`: the object came from JSON.parse, which has no token for infinity, so an
   * infinite number in it was a literal outside the double range (`1e400`): refused, never
   * read as Infinity.
   */
  read(object: LogObject, record: number, parsedStrictly: boolean): void {
    const stepKey = this.axis.best(object);
    if (stepKey !== undefined && stepKey !== this.axis.fixedKey) {
      if (holdsMetricValue(object, stepKey)) this.axis.fix(stepKey, record);
      else if (this.axis.fixedKey !== null) return this.skipped.offAxis(stepKey, this.axis.fixedKey, record);
      // else: read on its own key without choosing the file's axis (no metric has voted yet).
    }
    this.collector.stepKey = this.axis.fixedKey;
    if (this.axis.fixedKey === null && typeof this.stepKey === 'string')
      for (const key in object) if (this.keysSeen.size < MAX_KEYS_LISTED) this.keysSeen.add(key);
    if (stepKey === undefined) {
      this.walk(this.root, object, undefined, undefined, record, parsedStrictly);
      return;
    }
    const step = object[stepKey];
    if (!isValidStep(step)) {
      throw this.collector.locator.error(
        record,
        `"${stepKey}" must be a whole number >= 0 (it is the step), got ${describeValue(step)}`,
        notAStepHint(stepKey),
      );
    }
    this.walk(this.root, object, stepKey, step + 0 /* -0 -> 0 */, record, parsedStrictly);
  }

  /**
   * Depth first through OBJECT with an explicit stack of frames, not recursion: how deep a log
   * object nests is the file's to choose. Keys are visited in for-in order and `position` counts
   * every key of a frame, the step key included, as NameNode.child's cache expects.
   */
  private walk(
    root: NameNode,
    object: object,
    stepKey: string | undefined,
    step: number | undefined,
    record: number,
    parsedStrictly: boolean,
  ): void {
    const frames: Array<{ node: NameNode; object: LogObject; keys: string[]; next: number; depth: number }> = [
      { node: root, object: object as LogObject, keys: Object.keys(object), next: 0, depth: 0 },
    ];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.next === frame.keys.length) {
        frames.pop();
        continue;
      }
      const position = frame.next++;
      const key = frame.keys[position]!;
      const isRoot = frame.depth === 0;
      if (isRoot && key === stepKey) continue;
      const value = frame.object[key];
      if (typeof value === 'number') {
        const leaf = frame.node.child(key, isRoot, position);
        if (parsedStrictly && isOverflow(value))
          throw outOfRangeError(this.collector.locator, record, leaf.name, {
            infinityToken: 'Infinity (json.dumps does)',
          });
        if (step === undefined) this.collector.addFinal(leaf.name, value, record);
        else this.collector.addPoint(leaf.seriesIn(this.collector), step, value, record);
      } else if (typeof value === 'string') {
        this.collector.nonNumeric.see(frame.node.child(key, isRoot, position).name, value, record);
      } else if (Array.isArray(value) && value.length > MAX_ARRAY_METRICS) {
        this.skipped.longArray(frame.node.child(key, isRoot, position).name, value.length, record);
      } else if (typeof value === 'object' && value !== null) {
        if (isMediaObject(value)) {
          this.skipped.media(frame.node.child(key, isRoot, position).name, String((value as LogObject)._type), record);
          continue;
        }
        if (frame.depth + 1 > MAX_DEPTH)
          throw this.collector.locator.error(record, `nested more than ${MAX_DEPTH} levels deep`);
        frames.push({
          node: frame.node.child(key, isRoot, position),
          object: value as LogObject,
          keys: Object.keys(value),
          next: 0,
          depth: frame.depth + 1,
        });
      }
    }
  }
}
