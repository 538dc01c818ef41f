import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/metrics/log-objects.ts
init_define_REPRO_CHART_LIBRARY();
var STEP_KEYS = ["step", "global_step", "iteration"];
var MAX_DEPTH = 1e3;
var MAX_ARRAY_METRICS = 1e3;
function isLogObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function findStepKey(object) {
  for (const key of STEP_KEYS) if (Object.hasOwn(object, key)) return key;
  return void 0;
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
    for (const child of Object.values(node)) if (typeof child === "object" && child !== null) pending.push([child, depth + 1]);
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
  constructor(collector) {
    this.collector = collector;
  }
  collector;
  root = new NameNode("", "");
  /** Names of long arrays already noted, so a array logged on every line is noted once. */
  skippedArrays = /* @__PURE__ */ new Set();
  read(object, record) {
    const stepKey = findStepKey(object);
    if (stepKey === void 0) {
      this.walk(this.root, object, void 0, void 0, record);
      return;
    }
    const step = object[stepKey];
    if (!isValidStep(step)) {
      throw this.collector.locator.error(record, `"${stepKey}" must be a whole number >= 0 (it is the step), got ${describeValue(step)}`);
    }
    this.walk(this.root, object, stepKey, step + 0, record);
  }
  /**
   * Depth first through OBJECT with an explicit stack of frames, not recursion: how deep a log
   * object nests is the file's to choose. Keys are visited in for-in order and `position` counts
   * every key of a frame, the step key included, as NameNode.child's cache expects.
   */
  walk(root, object, stepKey, step, record) {
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
        if (step === void 0) this.collector.addFinal(leaf.name, value, record);
        else this.collector.addPoint(leaf.seriesIn(this.collector), step, value, record);
      } else if (Array.isArray(value) && value.length > MAX_ARRAY_METRICS) {
        const name = frame.node.child(key, isRoot, position).name;
        if (!this.skippedArrays.has(name)) {
          this.skippedArrays.add(name);
          this.collector.addNote(`${name}: an array of ${value.length} elements (${this.collector.locator.describe(record)}) was skipped; arrays longer than ${MAX_ARRAY_METRICS} are not read as one metric per element`);
        }
      } else if (typeof value === "object" && value !== null) {
        if (frame.depth + 1 > MAX_DEPTH) throw this.collector.locator.error(record, `nested more than ${MAX_DEPTH} levels deep`);
        frames.push({ node: frame.node.child(key, isRoot, position), object: value, keys: Object.keys(value), next: 0, depth: frame.depth + 1 });
      }
    }
  }
};

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
    if (!this.text.startsWith(token, this.position)) this.fail(`unexpected ${JSON.stringify(this.text.slice(this.position, this.position + token.length))}, expected a value`);
    this.position += token.length;
    return value;
  }
  number() {
    NUMBER.lastIndex = this.position;
    if (!NUMBER.test(this.text)) this.fail("malformed number");
    const start = this.position;
    this.position = NUMBER.lastIndex;
    return Number(this.text.slice(start, this.position));
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

export {
  STEP_KEYS,
  MAX_DEPTH,
  isLogObject,
  isValidStep,
  describeValue,
  nestedDeeperThan,
  LogObjectReader,
  PythonJsonSyntaxError,
  parsePythonJson
};
