import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  InputFileError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/metrics/step-axis.ts
init_define_REPRO_CHART_LIBRARY();
var STEP_KEY_PRIORITY = [
  "step",
  "global_step",
  "trainer/global_step",
  "iteration",
  "iter",
  "_step",
  "epoch"
];
var STEP_KEY_HINT = `Name the step with the \`step-key\` setting (compare: --step-key KEY); recognised without it: ${STEP_KEY_PRIORITY.join(", ")} (epoch only when none of the others is there).`;
function normalizeKey(key) {
  return key.trim().toLowerCase();
}
function bestStepKey(keys) {
  let best;
  let bestRank = Infinity;
  for (const key of keys) {
    const rank = STEP_KEY_PRIORITY.indexOf(normalizeKey(key));
    if (rank >= 0 && rank < bestRank) {
      best = key;
      bestRank = rank;
    }
  }
  return best;
}
var StepAxisChooser = class {
  /** `explicitStepKey`: the `step-key` setting; undefined to recognise the step by name; null for a record with no step axis (a summary). */
  constructor(explicitStepKey, locator) {
    this.locator = locator;
    this.explicit = typeof explicitStepKey === "string" ? normalizeKey(explicitStepKey) : explicitStepKey;
  }
  locator;
  /** Rank of each raw key seen (its place in STEP_KEY_PRIORITY, 0 for the explicit key), -1 when not a step key. */
  ranks = /* @__PURE__ */ new Map();
  explicit;
  /** The raw key the file's axis was fixed to. */
  fixedKey = null;
  rank(key) {
    let rank = this.ranks.get(key);
    if (rank === void 0) {
      const normalized = normalizeKey(key);
      if (this.explicit === null) rank = -1;
      else if (this.explicit !== void 0) rank = normalized === this.explicit ? 0 : -1;
      else rank = STEP_KEY_PRIORITY.indexOf(normalized);
      this.ranks.set(key, rank);
    }
    return rank;
  }
  /**
   * The step key among a record's top-level keys (a log object's, or a CSV header's), or
   * undefined when it has none (a record of final values). Throws InputFileError when the
   * record's step key differs from the file's.
   */
  pick(keys, record) {
    let best;
    let bestRank = Infinity;
    const consider = (key) => {
      const rank = this.rank(key);
      if (rank >= 0 && rank < bestRank) {
        best = key;
        bestRank = rank;
      }
    };
    if (Array.isArray(keys)) for (const key of keys) consider(key);
    else for (const key in keys) consider(key);
    if (best === void 0) return void 0;
    if (this.fixedKey === null) this.fixedKey = best;
    else if (best !== this.fixedKey) {
      throw this.locator.error(
        record,
        `the step here is "${best}", but earlier records are numbered by "${this.fixedKey}"; one file is read on one step axis`,
        STEP_KEY_HINT
      );
    }
    return best;
  }
};

// src/metrics/series.ts
init_define_REPRO_CHART_LIBRARY();
function emptyMetricData() {
  return { series: /* @__PURE__ */ new Map(), finals: /* @__PURE__ */ new Map(), notes: [], stepAxes: [] };
}

// src/metrics/json-lines.ts
init_define_REPRO_CHART_LIBRARY();

// src/metrics/collector.ts
init_define_REPRO_CHART_LIBRARY();
var MAX_DUPLICATE_NOTES = 20;
var INITIAL_CAPACITY = 64;
var GrowableFloat64 = class {
  buffer = new Float64Array(INITIAL_CAPACITY);
  length = 0;
  push(value) {
    if (this.length === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = value;
  }
  at(index) {
    return this.buffer[index];
  }
  set(index, value) {
    this.buffer[index] = value;
  }
  /** A view of the filled part (no copy). */
  view() {
    return this.buffer.subarray(0, this.length);
  }
};
var StepTrack = class _StepTrack {
  steps = new GrowableFloat64();
  /** A new track holding the first `length` steps of this one. */
  fork(length) {
    const track = new _StepTrack();
    for (let i = 0; i < length; i++) track.steps.push(this.steps.at(i));
    return track;
  }
};
var SeriesBuilder = class {
  constructor(name, track) {
    this.name = name;
    this.track = track;
  }
  name;
  /** The series' steps are the first `values.length` steps of its track. */
  track;
  values = new GrowableFloat64();
  /** Each value's record; filled only on the second reading (see collectMetrics). */
  records = new GrowableFloat64();
  lastRecord = -1;
  inOrder = true;
  get length() {
    return this.values.length;
  }
  lastStep() {
    return this.values.length === 0 ? -1 : this.track.steps.at(this.values.length - 1);
  }
  /** Appends a step: shares the track's next step when it is the same, else forks the track. */
  appendStep(step) {
    const position = this.values.length;
    const steps = this.track.steps;
    if (position < steps.length) {
      if (steps.at(position) === step) return;
      this.track = this.track.fork(position);
    }
    this.track.steps.push(step);
  }
  steps() {
    return this.track.steps.view().subarray(0, this.values.length);
  }
};
function collectMetrics(locator, read) {
  const firstReading = new MetricCollector(locator, false);
  read(firstReading);
  if (firstReading.stepsInOrder) return firstReading.finish();
  const secondReading = new MetricCollector(locator, true);
  read(secondReading);
  return secondReading.finish();
}
var MAX_METRICS_PER_FILE = 1e4;
var MetricCollector = class {
  constructor(locator, keepRecords) {
    this.locator = locator;
    this.keepRecords = keepRecords;
  }
  locator;
  keepRecords;
  seriesByName = /* @__PURE__ */ new Map();
  /** The track new series start on: series logged on the same lines share its steps. */
  firstTrack = new StepTrack();
  finals = /* @__PURE__ */ new Map();
  notes = [];
  duplicateCount = 0;
  repeatedFinal = null;
  stepsInOrder = true;
  /** The key the format read steps from; set by the format's reader, reported in MetricData.stepAxes. */
  stepKey = null;
  /** The builder for a metric name; callers keep it to skip the lookup on later values. */
  seriesFor(name) {
    let series = this.seriesByName.get(name);
    if (series === void 0) {
      this.refuseOverCap();
      series = new SeriesBuilder(name, this.firstTrack);
      this.seriesByName.set(name, series);
    }
    return series;
  }
  addPoint(series, step, value, record) {
    const lastStep = series.lastStep();
    if (step === lastStep) {
      const last = series.length - 1;
      if (!Object.is(series.values.at(last), value)) this.noteDuplicate(series.name, step, series.lastRecord, record);
      series.values.set(last, value);
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
  addFinal(name, value, record) {
    const earlier = this.finals.get(name);
    if (earlier === void 0) this.refuseOverCap();
    else if (earlier.record !== record) {
      this.repeatedFinal ??= { name, firstRecord: earlier.firstRecord, secondRecord: record };
      if (!Object.is(earlier.value, value)) this.noteDuplicate(name, void 0, earlier.record, record);
    }
    this.finals.set(name, { value, record, firstRecord: earlier?.firstRecord ?? record });
  }
  /** A note for the report about something read but not kept (a skipped array). */
  addNote(text) {
    if (this.notes.length < MAX_DUPLICATE_NOTES) this.notes.push(text);
  }
  refuseOverCap() {
    if (this.seriesByName.size + this.finals.size < MAX_METRICS_PER_FILE) return;
    throw new InputFileError(
      this.locator.file,
      void 0,
      `holds more than ${MAX_METRICS_PER_FILE} metrics; repro-check reads at most ${MAX_METRICS_PER_FILE} from one file`,
      {
        hint: "Log fewer values per step (summaries rather than per-element values), or write the values to compare to a file of their own."
      }
    );
  }
  finish() {
    if (this.seriesByName.size === 0 && this.repeatedFinal !== null) throw this.collapseError(this.repeatedFinal);
    const data = emptyMetricData();
    for (const series of this.seriesByName.values()) {
      data.series.set(
        series.name,
        series.inOrder ? { steps: series.steps(), values: series.values.view() } : this.sortAndMerge(series)
      );
    }
    for (const [name, { value }] of this.finals) data.finals.set(name, value);
    data.notes.push(...this.notes);
    const unlisted = this.duplicateCount - MAX_DUPLICATE_NOTES;
    if (unlisted > 0) {
      data.notes.push(
        `${unlisted} more value${unlisted === 1 ? " was" : "s were"} logged twice with different values in ${this.locator.file}; the last value was kept each time`
      );
    }
    data.stepAxes.push({ file: this.locator.file, stepKey: this.seriesByName.size > 0 ? this.stepKey : null });
    return data;
  }
  collapseError({ name, firstRecord, secondRecord }) {
    return this.locator.error(
      secondRecord,
      `"${name}" is logged again (first at ${this.locator.describe(firstRecord)}), but no record in the file has a step, so the records cannot be told apart; it is not read as "last value wins"`,
      "Name the key that numbers the records with the `step-key` setting (compare: --step-key KEY), or log a `step` with each record. Recognised step keys: step, global_step, trainer/global_step, iteration, iter, _step, then epoch."
    );
  }
  /** Steps went backwards (a resumed run re-logging steps it had logged before it stopped). */
  sortAndMerge(series) {
    const steps = series.steps();
    const values = series.values.view();
    const records = series.records.view();
    const order = Array.from(steps.keys()).sort((a, b) => steps[a] - steps[b] || a - b);
    const mergedSteps = new GrowableFloat64();
    const mergedValues = new GrowableFloat64();
    let previous = -1;
    for (const index of order) {
      const step = steps[index];
      if (previous >= 0 && steps[previous] === step) {
        const kept = mergedValues.length - 1;
        if (!Object.is(mergedValues.at(kept), values[index]))
          this.noteDuplicate(series.name, step, records[previous], records[index]);
        mergedValues.set(kept, values[index]);
      } else {
        mergedSteps.push(step);
        mergedValues.push(values[index]);
      }
      previous = index;
    }
    return { steps: mergedSteps.view(), values: mergedValues.view() };
  }
  noteDuplicate(name, step, earlierRecord, laterRecord) {
    this.duplicateCount++;
    if (this.duplicateCount > MAX_DUPLICATE_NOTES) return;
    const what = step === void 0 ? `${name} (final value)` : `${name} at step ${step}`;
    this.notes.push(
      `${what} was logged twice with different values (${this.locator.describe(earlierRecord)} and ${this.locator.describe(laterRecord)}); the last value was kept`
    );
  }
};

// src/metrics/locators.ts
init_define_REPRO_CHART_LIBRARY();
function lineLocator(file) {
  return {
    file,
    describe: (line) => `${file}:${line}`,
    error: (line, problem, hint) => new InputFileError(file, line, problem, hint === void 0 ? {} : { hint })
  };
}
function arrayEntryLocator(file, arrayPath) {
  return {
    file,
    describe: (index) => `${file} ${arrayPath}[${index}]`,
    error: (index, problem, hint) => new InputFileError(file, void 0, `${arrayPath}[${index}]: ${problem}`, hint === void 0 ? {} : { hint })
  };
}
function wholeFileLocator(file) {
  return {
    file,
    describe: () => file,
    error: (_record, problem, hint) => new InputFileError(file, void 0, problem, hint === void 0 ? {} : { hint })
  };
}

// src/metrics/log-objects.ts
init_define_REPRO_CHART_LIBRARY();
var MAX_DEPTH = 1e3;
var MAX_ARRAY_METRICS = 1e3;
function isLogObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isValidStep(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
function describeValue(value) {
  if (Array.isArray(value)) return `an array of ${value.length} element${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object" && value !== null) return "an object";
  const text = typeof value === "number" ? String(value) : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}\u2026` : text;
}
function nestedDeeperThan(value, max) {
  const pending = [[value, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop();
    if (typeof node !== "object" || node === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(node))
      if (typeof child === "object" && child !== null) pending.push([child, depth + 1]);
  }
  return false;
}
var NameNode = class _NameNode {
  constructor(key, name) {
    this.key = key;
    this.name = name;
  }
  key;
  name;
  children;
  series;
  recentChildren = [];
  child(key, isRoot, position) {
    const recent = this.recentChildren[position];
    if (recent !== void 0 && recent.key === key) return recent;
    const node = this.lookUpChild(key, isRoot);
    this.recentChildren[position] = node;
    return node;
  }
  lookUpChild(key, isRoot) {
    this.children ??= /* @__PURE__ */ new Map();
    let node = this.children.get(key);
    if (node === void 0) {
      node = new _NameNode(key, isRoot ? key : `${this.name}.${key}`);
      this.children.set(key, node);
    }
    return node;
  }
  seriesIn(collector) {
    this.series ??= collector.seriesFor(this.name);
    return this.series;
  }
};
var LogObjectReader = class {
  constructor(collector, stepKey) {
    this.collector = collector;
    this.axis = new StepAxisChooser(stepKey, collector.locator);
  }
  collector;
  root = new NameNode("", "");
  axis;
  /** Names of long arrays already noted, so a array logged on every line is noted once. */
  skippedArrays = /* @__PURE__ */ new Set();
  /**
   * `parsedStrictly`: the object came from JSON.parse, which has no token for infinity, so an
   * infinite number in it was a literal outside the double range (`1e400`): refused, never
   * read as Infinity.
   */
  read(object, record, parsedStrictly) {
    const stepKey = this.axis.pick(object, record);
    this.collector.stepKey = this.axis.fixedKey;
    if (stepKey === void 0) {
      this.walk(this.root, object, void 0, void 0, record, parsedStrictly);
      return;
    }
    const step = object[stepKey];
    if (!isValidStep(step)) {
      throw this.collector.locator.error(
        record,
        `"${stepKey}" must be a whole number >= 0 (it is the step), got ${describeValue(step)}`
      );
    }
    this.walk(this.root, object, stepKey, step + 0, record, parsedStrictly);
  }
  /**
   * Depth first through OBJECT with an explicit stack of frames, not recursion: how deep a log
   * object nests is the file's to choose. Keys are visited in for-in order and `position` counts
   * every key of a frame, the step key included, as NameNode.child's cache expects.
   */
  walk(root, object, stepKey, step, record, parsedStrictly) {
    const frames = [
      { node: root, object, keys: Object.keys(object), next: 0, depth: 0 }
    ];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame.next === frame.keys.length) {
        frames.pop();
        continue;
      }
      const position = frame.next++;
      const key = frame.keys[position];
      const isRoot = frame.depth === 0;
      if (isRoot && key === stepKey) continue;
      const value = frame.object[key];
      if (typeof value === "number") {
        const leaf = frame.node.child(key, isRoot, position);
        if (parsedStrictly && (value === Infinity || value === -Infinity))
          throw outOfRange(this.collector, record, leaf.name);
        if (step === void 0) this.collector.addFinal(leaf.name, value, record);
        else this.collector.addPoint(leaf.seriesIn(this.collector), step, value, record);
      } else if (Array.isArray(value) && value.length > MAX_ARRAY_METRICS) {
        const name = frame.node.child(key, isRoot, position).name;
        if (!this.skippedArrays.has(name)) {
          this.skippedArrays.add(name);
          this.collector.addNote(
            `${name}: an array of ${value.length} elements (${this.collector.locator.describe(record)}) was skipped; arrays longer than ${MAX_ARRAY_METRICS} are not read as one metric per element`
          );
        }
      } else if (typeof value === "object" && value !== null) {
        if (frame.depth + 1 > MAX_DEPTH)
          throw this.collector.locator.error(record, `nested more than ${MAX_DEPTH} levels deep`);
        frames.push({
          node: frame.node.child(key, isRoot, position),
          object: value,
          keys: Object.keys(value),
          next: 0,
          depth: frame.depth + 1
        });
      }
    }
  }
};
function outOfRange(collector, record, name) {
  return collector.locator.error(
    record,
    `"${name}" is a number outside the double range (beyond \xB11.8e308, e.g. 1e400); it is not read as Infinity`,
    "Write infinity as Infinity (json.dumps does) if that is what the training produced; a finite value that large cannot be compared."
  );
}

// src/metrics/python-json.ts
init_define_REPRO_CHART_LIBRARY();
var MAX_DEPTH2 = 1e3;
var PythonJsonSyntaxError = class extends SyntaxError {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
    this.name = "PythonJsonSyntaxError";
  }
  offset;
};
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var WHITESPACE = /[ \t\n\r]*/y;
function parsePythonJson(text) {
  const reader = new Reader(text);
  const value = reader.value(0);
  reader.skipWhitespace();
  if (reader.position < text.length) reader.fail("unexpected text after the JSON value");
  return value;
}
var Reader = class {
  constructor(text) {
    this.text = text;
  }
  text;
  position = 0;
  fail(problem) {
    throw new PythonJsonSyntaxError(problem, this.position);
  }
  skipWhitespace() {
    WHITESPACE.lastIndex = this.position;
    WHITESPACE.test(this.text);
    this.position = WHITESPACE.lastIndex;
  }
  value(depth) {
    if (depth > MAX_DEPTH2) this.fail(`nested more than ${MAX_DEPTH2} levels deep`);
    this.skipWhitespace();
    const char = this.text[this.position];
    switch (char) {
      case "{":
        return this.object(depth);
      case "[":
        return this.array(depth);
      case '"':
        return this.string();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      case "N":
        return this.literal("NaN", NaN);
      case "I":
        return this.literal("Infinity", Infinity);
      case "-":
        return this.text.startsWith("-Infinity", this.position) ? this.literal("-Infinity", -Infinity) : this.number();
      case void 0:
        return this.fail("unexpected end of text, expected a value");
      default:
        if (char >= "0" && char <= "9") return this.number();
        return this.fail(`unexpected ${JSON.stringify(char)}, expected a value`);
    }
  }
  literal(token, value) {
    if (!this.text.startsWith(token, this.position))
      this.fail(
        `unexpected ${JSON.stringify(this.text.slice(this.position, this.position + token.length))}, expected a value`
      );
    this.position += token.length;
    return value;
  }
  number() {
    NUMBER.lastIndex = this.position;
    if (!NUMBER.test(this.text)) this.fail("malformed number");
    const start = this.position;
    this.position = NUMBER.lastIndex;
    const value = Number(this.text.slice(start, this.position));
    if (!Number.isFinite(value)) {
      this.position = start;
      this.fail(`the number ${this.text.slice(start, NUMBER.lastIndex)} is outside the double range (beyond \xB11.8e308)`);
    }
    return value;
  }
  string() {
    const start = this.position;
    let index = start + 1;
    for (; ; ) {
      const code = this.text.charCodeAt(index);
      if (Number.isNaN(code)) {
        this.position = start;
        this.fail("unterminated string");
      }
      if (code === 34) break;
      index += code === 92 ? 2 : 1;
    }
    this.position = index + 1;
    try {
      return JSON.parse(this.text.slice(start, this.position));
    } catch {
      this.position = start;
      return this.fail("malformed string (a bad escape or a raw control character)");
    }
  }
  array(depth) {
    this.position++;
    const items = [];
    this.skipWhitespace();
    if (this.text[this.position] === "]") {
      this.position++;
      return items;
    }
    for (; ; ) {
      items.push(this.value(depth + 1));
      this.skipWhitespace();
      const char = this.text[this.position];
      this.position++;
      if (char === "]") return items;
      if (char !== ",") {
        this.position--;
        this.fail("expected ',' or ']' in an array");
      }
    }
  }
  object(depth) {
    this.position++;
    const object = /* @__PURE__ */ Object.create(null);
    this.skipWhitespace();
    if (this.text[this.position] === "}") {
      this.position++;
      return object;
    }
    for (; ; ) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') this.fail("expected a quoted key in an object");
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.position] !== ":") this.fail("expected ':' after an object key");
      this.position++;
      object[key] = this.value(depth + 1);
      this.skipWhitespace();
      const char = this.text[this.position];
      this.position++;
      if (char === "}") return object;
      if (char !== ",") {
        this.position--;
        this.fail("expected ',' or '}' in an object");
      }
    }
  }
};

// src/metrics/json-lines.ts
var EXCERPT_LENGTH = 80;
function parseJsonLines(source, options = {}) {
  const locator = lineLocator(source.file);
  return collectMetrics(locator, (collector) => {
    const reader = new LogObjectReader(collector, options.stepKey);
    let lineNumber = 0;
    for (const line of source.lines()) {
      lineNumber++;
      if (isBlank(line)) continue;
      let value;
      let parsedStrictly = true;
      try {
        value = JSON.parse(line);
      } catch {
        value = parseLineWithPythonTokens(line, source.file, lineNumber);
        parsedStrictly = false;
      }
      if (!isLogObject(value)) {
        throw locator.error(
          lineNumber,
          `expected a JSON object on each line, got ${Array.isArray(value) ? "an array" : typeof value === "object" ? "null" : `a ${typeof value}`}: ${excerpt(line)}`
        );
      }
      reader.read(value, lineNumber, parsedStrictly);
    }
  });
}
function completeJsonObjectOn(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    try {
      value = parsePythonJson(line);
    } catch {
      return void 0;
    }
  }
  return isLogObject(value) ? value : void 0;
}
function parseLineWithPythonTokens(line, file, lineNumber) {
  try {
    return parsePythonJson(line);
  } catch (error) {
    if (!(error instanceof PythonJsonSyntaxError)) throw error;
    throw lineLocator(file).error(
      lineNumber,
      `malformed JSON at column ${error.offset + 1} (${error.message}): ${excerpt(line)}`
    );
  }
}
function isBlank(line) {
  return line.length === 0 || line.charCodeAt(0) <= 32 && line.trim().length === 0;
}
function excerpt(line) {
  const trimmed = line.trim();
  return trimmed.length > EXCERPT_LENGTH ? `${trimmed.slice(0, EXCERPT_LENGTH)}\u2026` : trimmed;
}

export {
  STEP_KEY_PRIORITY,
  STEP_KEY_HINT,
  bestStepKey,
  StepAxisChooser,
  emptyMetricData,
  collectMetrics,
  lineLocator,
  arrayEntryLocator,
  wholeFileLocator,
  MAX_DEPTH,
  isLogObject,
  isValidStep,
  describeValue,
  nestedDeeperThan,
  LogObjectReader,
  PythonJsonSyntaxError,
  parsePythonJson,
  parseJsonLines,
  completeJsonObjectOn
};
