import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
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

// src/metrics/python-json.ts
init_define_REPRO_CHART_LIBRARY();
var MAX_DEPTH = 1e3;
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
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
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

export {
  STEP_KEY_PRIORITY,
  STEP_KEY_HINT,
  bestStepKey,
  StepAxisChooser,
  PythonJsonSyntaxError,
  parsePythonJson
};
