import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  decodeNumber,
  encodeNumber
} from "./chunk-KZVXPLSD.js";
import {
  external_exports
} from "./chunk-Z3Z5WYT2.js";
import {
  LogObjectReader,
  PythonJsonSyntaxError,
  STEP_KEYS,
  describeValue,
  isLogObject,
  isValidStep,
  parsePythonJson
} from "./chunk-I4ZNRY5B.js";
import {
  InputFileError,
  ReproError
} from "./chunk-BKTBR2MQ.js";

// src/record/types.ts
var RUN_RECORD_KIND = "repro-check/run-record";
var BASELINE_KIND = "repro-check/baseline";
var RUN_RECORD_SCHEMA_VERSION = 1;
var BASELINE_SCHEMA_VERSION = 1;

// src/record/codec.ts
function encodeMetricData(data) {
  const series = {};
  for (const [name, s] of [...data.series].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    series[name] = { steps: [...s.steps], values: s.values.map(encodeNumber) };
  }
  const finals = {};
  for (const [name, value] of [...data.finals].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) finals[name] = encodeNumber(value);
  return { series, finals, notes: [...data.notes] };
}
function decodeMetricData(json, where) {
  const series = /* @__PURE__ */ new Map();
  for (const [name, s] of Object.entries(json.series)) {
    if (s.steps.length !== s.values.length) throw new TypeError(`${where}.series["${name}"]: ${s.steps.length} steps but ${s.values.length} values`);
    series.set(name, { steps: s.steps, values: s.values.map((v, i) => decodeNumber(v, `${where}.series["${name}"].values[${i}]`)) });
  }
  const finals = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(json.finals)) finals.set(name, decodeNumber(value, `${where}.finals["${name}"]`));
  return { series, finals, notes: json.notes };
}
var encodedNumber = external_exports.union([external_exports.number(), external_exports.enum(["NaN", "Infinity", "-Infinity", "-0"])]);
var metricsSchema = external_exports.object({
  series: external_exports.record(external_exports.string(), external_exports.object({ steps: external_exports.array(external_exports.number().int().nonnegative()), values: external_exports.array(encodedNumber) })),
  finals: external_exports.record(external_exports.string(), encodedNumber),
  notes: external_exports.array(external_exports.string()).default([])
});
var runRecordSchema = external_exports.looseObject({
  kind: external_exports.literal(RUN_RECORD_KIND),
  schemaVersion: external_exports.literal(RUN_RECORD_SCHEMA_VERSION),
  provenance: external_exports.looseObject({ commit: external_exports.string(), seed: external_exports.number() }),
  environment: external_exports.looseObject({}),
  metrics: metricsSchema
});
var baselineSchema = external_exports.looseObject({
  kind: external_exports.literal(BASELINE_KIND),
  schemaVersion: external_exports.literal(BASELINE_SCHEMA_VERSION),
  createdAt: external_exports.string(),
  runs: external_exports.array(runRecordSchema).min(1)
});
function isReproDocument(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof value.kind === "string" && value.kind.startsWith("repro-check/");
}
function decodeRecordDocument(value, file) {
  const version = value.schemaVersion;
  const supported = value.kind === RUN_RECORD_KIND ? RUN_RECORD_SCHEMA_VERSION : value.kind === BASELINE_KIND ? BASELINE_SCHEMA_VERSION : null;
  if (supported === null) {
    throw new InputFileError(file, void 0, `unknown kind "${value.kind}"; accepted: "${RUN_RECORD_KIND}", "${BASELINE_KIND}"`);
  }
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new InputFileError(file, void 0, `"schemaVersion" must be a positive integer, got ${JSON.stringify(version)}`);
  }
  if (version > supported) {
    throw new InputFileError(file, void 0, `${value.kind} schemaVersion ${version} is newer than this repro-check understands (up to ${supported})`, {
      hint: "Upgrade repro-check to the version that wrote this file; it is left untouched."
    });
  }
  const schema = value.kind === RUN_RECORD_KIND ? runRecordSchema : baselineSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`);
    throw new InputFileError(file, void 0, `not a valid ${value.kind} v${version}: ${problems.join("; ")}`);
  }
  return value.kind === RUN_RECORD_KIND ? { kind: "run-record", record: parsed.data } : { kind: "baseline", baseline: parsed.data };
}
function serializeDocument(value) {
  return JSON.stringify(value, null, 2) + "\n";
}

// src/metrics/collect.ts
import { readFile, stat } from "node:fs/promises";
import path2 from "node:path";

// src/metrics/series.ts
function emptyMetricData() {
  return { series: /* @__PURE__ */ new Map(), finals: /* @__PURE__ */ new Map(), notes: [] };
}

// src/metrics/collector.ts
var MAX_DUPLICATE_NOTES = 20;
var SeriesBuilder = class {
  constructor(name) {
    this.name = name;
  }
  name;
  steps = [];
  values = [];
  /** Each value's record; filled only on the second reading (see collectMetrics). */
  records = [];
  lastRecord = -1;
  inOrder = true;
};
function collectMetrics(locator, read) {
  const firstReading = new MetricCollector(locator, false);
  read(firstReading);
  if (firstReading.stepsInOrder) return firstReading.finish();
  const secondReading = new MetricCollector(locator, true);
  read(secondReading);
  return secondReading.finish();
}
var MetricCollector = class {
  constructor(locator, keepRecords) {
    this.locator = locator;
    this.keepRecords = keepRecords;
  }
  locator;
  keepRecords;
  seriesByName = /* @__PURE__ */ new Map();
  finals = /* @__PURE__ */ new Map();
  notes = [];
  duplicateCount = 0;
  stepsInOrder = true;
  /** The builder for a metric name; callers keep it to skip the lookup on later values. */
  seriesFor(name) {
    let series = this.seriesByName.get(name);
    if (series === void 0) {
      series = new SeriesBuilder(name);
      this.seriesByName.set(name, series);
    }
    return series;
  }
  addPoint(series, step, value, record) {
    const last = series.steps.length - 1;
    const lastStep = last < 0 ? -1 : series.steps[last];
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
  addFinal(name, value, record) {
    const earlier = this.finals.get(name);
    if (earlier !== void 0 && !Object.is(earlier.value, value)) this.noteDuplicate(name, void 0, earlier.record, record);
    this.finals.set(name, { value, record });
  }
  finish() {
    const data = emptyMetricData();
    for (const series of this.seriesByName.values()) {
      data.series.set(series.name, series.inOrder ? { steps: series.steps, values: series.values } : this.sortAndMerge(series));
    }
    for (const [name, { value }] of this.finals) data.finals.set(name, value);
    data.notes.push(...this.notes);
    const unlisted = this.duplicateCount - MAX_DUPLICATE_NOTES;
    if (unlisted > 0) {
      data.notes.push(`${unlisted} more value${unlisted === 1 ? " was" : "s were"} logged twice with different values in ${this.locator.file}; the last value was kept each time`);
    }
    return data;
  }
  /** Steps went backwards (a resumed run re-logging steps it had logged before it stopped). */
  sortAndMerge(series) {
    const { steps, values, records } = series;
    const order = steps.map((_, index) => index).sort((a, b) => steps[a] - steps[b]);
    const merged = { steps: [], values: [] };
    let previous = -1;
    for (const index of order) {
      const step = steps[index];
      if (previous >= 0 && steps[previous] === step) {
        const kept = merged.values.length - 1;
        if (!Object.is(merged.values[kept], values[index])) this.noteDuplicate(series.name, step, records[previous], records[index]);
        merged.values[kept] = values[index];
      } else {
        merged.steps.push(step);
        merged.values.push(values[index]);
      }
      previous = index;
    }
    return merged;
  }
  noteDuplicate(name, step, earlierRecord, laterRecord) {
    this.duplicateCount++;
    if (this.duplicateCount > MAX_DUPLICATE_NOTES) return;
    const what = step === void 0 ? `${name} (final value)` : `${name} at step ${step}`;
    this.notes.push(`${what} was logged twice with different values (${this.locator.describe(earlierRecord)} and ${this.locator.describe(laterRecord)}); the last value was kept`);
  }
};

// src/metrics/locators.ts
function lineLocator(file) {
  return {
    file,
    describe: (line) => `${file}:${line}`,
    error: (line, problem) => new InputFileError(file, line, problem)
  };
}
function arrayEntryLocator(file, arrayPath) {
  return {
    file,
    describe: (index) => `${file} ${arrayPath}[${index}]`,
    error: (index, problem) => new InputFileError(file, void 0, `${arrayPath}[${index}]: ${problem}`)
  };
}
function wholeFileLocator(file) {
  return {
    file,
    describe: () => file,
    error: (_record, problem) => new InputFileError(file, void 0, problem)
  };
}

// src/metrics/delimited.ts
function parseDelimited(text, file, delimiter) {
  const locator = lineLocator(file);
  const records = [...readRecords(text, delimiter, file)].filter(({ fields }) => !(fields.length === 1 && fields[0].trim() === ""));
  const header = records.shift();
  if (header === void 0) return collectMetrics(locator, () => {
  });
  const columns = readHeader(header.fields, header.line, file);
  const stepColumn = findStepColumn(columns);
  for (const { fields, line } of records) {
    if (fields.length !== columns.length) {
      throw locator.error(line, `has ${fields.length} field${fields.length === 1 ? "" : "s"}, expected ${columns.length} (the columns of the header on line ${header.line})`);
    }
  }
  if (stepColumn < 0 && records.length > 1) {
    throw locator.error(records[1].line, `a second row of values, but the header has no step column (${STEP_KEYS.join(", ")}); without one only a single row of final values can be read`);
  }
  return collectMetrics(locator, (collector) => {
    const seriesByColumn = [];
    for (const { fields, line } of records) {
      const step = stepColumn < 0 ? void 0 : readStepCell(fields[stepColumn], columns[stepColumn], line, locator);
      for (let index = 0; index < columns.length; index++) {
        const column = columns[index];
        if (index === stepColumn || column.skipped) continue;
        const value = parseNumericCell(fields[index]);
        if (value === void 0) continue;
        if (step === void 0) collector.addFinal(column.name, value, line);
        else collector.addPoint(seriesByColumn[index] ??= collector.seriesFor(column.name), step, value, line);
      }
    }
  });
}
function readStepCell(cell, column, line, locator) {
  if (cell.trim() === "") return void 0;
  const step = parseNumericCell(cell);
  if (!isValidStep(step)) throw locator.error(line, `"${column.name}" must be a whole number >= 0 (it is the step), got ${JSON.stringify(cell)}`);
  return step + 0;
}
function readHeader(fields, line, file) {
  const firstIndex = /* @__PURE__ */ new Map();
  return fields.map((field, index) => {
    const name = field.trim();
    const earlier = firstIndex.get(name);
    if (name !== "" && earlier !== void 0) {
      throw lineLocator(file).error(line, `the header names column "${name}" twice (columns ${earlier + 1} and ${index + 1}); column names must be unique`);
    }
    firstIndex.set(name, index);
    return { name, skipped: name === "" };
  });
}
function findStepColumn(columns) {
  for (const key of STEP_KEYS) {
    const index = columns.findIndex((column) => column.name === key);
    if (index >= 0) return index;
  }
  return -1;
}
var DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
var NON_FINITE_CELLS = /* @__PURE__ */ new Map([
  ["nan", NaN],
  ["+nan", NaN],
  ["-nan", NaN],
  ["inf", Infinity],
  ["+inf", Infinity],
  ["infinity", Infinity],
  ["+infinity", Infinity],
  ["-inf", -Infinity],
  ["-infinity", -Infinity]
]);
function parseNumericCell(cell) {
  if (DECIMAL.test(cell)) return Number(cell);
  return cell.length <= 11 ? NON_FINITE_CELLS.get(cell.trim().toLowerCase()) : void 0;
}
function* readRecords(text, delimiter, file) {
  const locator = lineLocator(file);
  let position = 0;
  let line = 1;
  while (position < text.length) {
    const recordLine = line;
    const fields = [];
    for (; ; ) {
      if (text[position] === '"') {
        const fieldLine = line;
        let value = "";
        let chunkStart = position + 1;
        for (; ; ) {
          const quote = text.indexOf('"', chunkStart);
          if (quote < 0) throw locator.error(fieldLine, 'a quoted field is never closed (a `"` is missing)');
          const chunk = text.slice(chunkStart, quote);
          line += countLineBreaks(chunk);
          if (text[quote + 1] === '"') {
            value += `${chunk}"`;
            chunkStart = quote + 2;
          } else {
            value += chunk;
            position = quote + 1;
            break;
          }
        }
        fields.push(value);
      } else {
        let end = position;
        while (end < text.length) {
          const char = text[end];
          if (char === delimiter || char === "\n" || char === "\r") break;
          end++;
        }
        fields.push(text.slice(position, end));
        position = end;
      }
      const next = text[position];
      if (next === delimiter) {
        position++;
        continue;
      }
      if (next === void 0) break;
      if (next === "\n" || next === "\r") {
        position += next === "\r" && text[position + 1] === "\n" ? 2 : 1;
        line++;
        break;
      }
      throw locator.error(line, `unexpected ${JSON.stringify(next)} after a closing quote; a quote inside a quoted field is written twice ("")`);
    }
    yield { fields, line: recordLine };
  }
}
function countLineBreaks(chunk) {
  let count = 0;
  for (let index = chunk.indexOf("\n"); index >= 0; index = chunk.indexOf("\n", index + 1)) count++;
  return count;
}

// src/metrics/json-document.ts
function readJsonDocument(document, file) {
  if (Array.isArray(document)) return readEntries(document, arrayEntryLocator(file, ""));
  if (isLogObject(document) && Array.isArray(document.log_history)) {
    return readEntries(document.log_history, arrayEntryLocator(file, "log_history"));
  }
  return collectMetrics(wholeFileLocator(file), (collector) => {
    if (isLogObject(document)) new LogObjectReader(collector).read(document, 0);
  });
}
function readEntries(entries, locator) {
  return collectMetrics(locator, (collector) => {
    const reader = new LogObjectReader(collector);
    entries.forEach((entry, index) => {
      if (!isLogObject(entry)) throw locator.error(index, `expected an object of metrics, got ${describeValue(entry).slice(0, 80)}`);
      reader.read(entry, index);
    });
  });
}

// src/metrics/json-lines.ts
var EXCERPT_LENGTH = 80;
function parseJsonLines(text, file) {
  const locator = lineLocator(file);
  const lines = text.split("\n");
  return collectMetrics(locator, (collector) => {
    const reader = new LogObjectReader(collector);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index];
      if (isBlank(line)) continue;
      const lineNumber = index + 1;
      let value;
      try {
        value = JSON.parse(line);
      } catch {
        value = parseLineWithPythonTokens(line, file, lineNumber);
      }
      if (!isLogObject(value)) {
        throw locator.error(lineNumber, `expected a JSON object on each line, got ${Array.isArray(value) ? "an array" : typeof value === "object" ? "null" : `a ${typeof value}`}: ${excerpt(line)}`);
      }
      reader.read(value, lineNumber);
    }
  });
}
function isCompleteJsonObjectLine(line) {
  try {
    return isLogObject(JSON.parse(line));
  } catch {
    try {
      return isLogObject(parsePythonJson(line));
    } catch {
      return false;
    }
  }
}
function parseLineWithPythonTokens(line, file, lineNumber) {
  try {
    return parsePythonJson(line);
  } catch (error) {
    if (!(error instanceof PythonJsonSyntaxError)) throw error;
    throw lineLocator(file).error(lineNumber, `malformed JSON at column ${error.offset + 1} (${error.message}): ${excerpt(line)}`);
  }
}
function isBlank(line) {
  return line.length === 0 || line.charCodeAt(0) <= 32 && line.trim().length === 0;
}
function excerpt(line) {
  const trimmed = line.trim();
  return trimmed.length > EXCERPT_LENGTH ? `${trimmed.slice(0, EXCERPT_LENGTH)}\u2026` : trimmed;
}

// src/metrics/parse.ts
var ACCEPTED_FORMATS = "Accepted: JSONL (one JSON object per line), JSON (an object, an array of objects, or a Hugging Face trainer_state.json with log_history), or CSV/TSV with a header row; numbers are metrics, `step` (or `global_step`, `iteration`) is the step.";
function parseMetricText(text, file) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start < 0) throw noMetricsFound(file, "the file is empty");
  const first = body[start];
  const data = first === "{" || first === "[" ? parseJsonFamily(body, file) : parseDelimited(body, file, pickDelimiter(body, start, file));
  if (data.series.size === 0 && data.finals.size === 0) throw noMetricsFound(file, "no numeric values");
  return data;
}
function parseJsonFamily(text, file) {
  try {
    return readJsonDocument(JSON.parse(text), file);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  if (text.trimStart().startsWith("{") && firstNonBlankLines(text, 2).some(isCompleteJsonObjectLine)) {
    return parseJsonLines(text, file);
  }
  let document;
  try {
    document = parsePythonJson(text);
  } catch (error) {
    if (!(error instanceof PythonJsonSyntaxError)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split("\n").length;
    const column = error.offset - before.lastIndexOf("\n");
    throw new InputFileError(file, line, `not valid JSON, nor JSONL: ${error.message} at column ${column}`, { hint: ACCEPTED_FORMATS });
  }
  return readJsonDocument(document, file);
}
function firstNonBlankLines(text, count) {
  const lines = [];
  let lineStart = 0;
  while (lines.length < count && lineStart < text.length) {
    const lineEnd = text.indexOf("\n", lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (line.trim() !== "") lines.push(line);
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  return lines;
}
function pickDelimiter(text, headerStart, file) {
  const lineEnd = text.slice(headerStart).search(/[\r\n]/);
  const header = lineEnd < 0 ? text.slice(headerStart) : text.slice(headerStart, headerStart + lineEnd);
  const hasTab = header.includes("	");
  const hasComma = header.includes(",");
  if (hasTab !== hasComma) return hasTab ? "	" : ",";
  return /\.tsv$/i.test(file) ? "	" : ",";
}
function noMetricsFound(file, why) {
  return new InputFileError(file, void 0, `no metrics were found (${why})`, { hint: ACCEPTED_FORMATS });
}
function addPrefix(data, prefix) {
  return {
    series: new Map([...data.series].map(([name, series]) => [`${prefix}.${name}`, series])),
    finals: new Map([...data.finals].map(([name, value]) => [`${prefix}.${name}`, value])),
    notes: [...data.notes]
  };
}

// src/metrics/glob-files.ts
import { readdir } from "node:fs/promises";
import path from "node:path";

// src/compare/glob.ts
function globToRegExp(glob) {
  let pattern = "";
  for (const char of glob) {
    if (char === "*") pattern += ".*";
    else if (char === "?") pattern += ".";
    else pattern += char.replace(/[\\^$.|+()[\]{}]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`, "s");
}
function matchesAnyGlob(name, globs) {
  return globs.some((glob) => glob.test(name));
}

// src/metrics/glob-files.ts
var SKIPPED_DIRECTORIES = /* @__PURE__ */ new Set([".git", "node_modules"]);
var MAX_FILES_VISITED = 1e5;
async function expandFileGlob(baseDir, pattern) {
  const normalized = pattern.split(path.sep).join("/");
  if (!/[*?]/.test(normalized)) return { staticPrefix: path.posix.dirname(normalized), files: [normalized] };
  const segments = normalized.split("/");
  const firstWild = segments.findIndex((s) => /[*?]/.test(s));
  const staticPrefix = segments.slice(0, firstWild).join("/");
  const matcher = globToRegExp(normalized);
  const files = [];
  let visited = 0;
  async function walk(relativeDir) {
    let entries;
    try {
      entries = await readdir(path.join(baseDir, relativeDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++visited > MAX_FILES_VISITED) return;
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(relative);
      } else if (matcher.test(relative)) files.push(relative);
    }
  }
  await walk(staticPrefix);
  return { staticPrefix, files: files.sort() };
}

// src/metrics/collect.ts
async function collectRunMetrics(spec, options) {
  const entries = typeof spec === "string" ? [["", spec]] : Object.entries(spec);
  const merged = emptyMetricData();
  const owners = /* @__PURE__ */ new Map();
  const allFiles = [];
  for (const [prefix, pattern] of entries) {
    const absolute = path2.isAbsolute(pattern);
    const { staticPrefix, files } = await expandFileGlob(absolute ? "/" : options.baseDir, absolute ? pattern.slice(1) : pattern);
    if (files.length === 0) {
      throw new ReproError(`metrics: no file matches "${pattern}" in ${options.baseDir}`, { hint: "Check that the training writes its metrics there ({out} is the per-run REPRO_OUT_DIR)." });
    }
    for (const relative of files) {
      const file = absolute ? `/${relative}` : path2.join(options.baseDir, relative);
      let data = await readMetricFile(file, options.notBefore);
      const fileName = files.length > 1 ? namePrefixForGlobMatch(relative, staticPrefix, data) : "";
      const fullPrefix = [prefix, fileName].filter(Boolean).join(".");
      if (fullPrefix) data = addPrefix(data, fullPrefix);
      mergeInto(merged, data, file, owners);
      allFiles.push(file);
    }
  }
  return { data: merged, files: allFiles };
}
function namePrefixForGlobMatch(relative, staticPrefix, data) {
  const below = staticPrefix && relative.startsWith(`${staticPrefix}/`) ? relative.slice(staticPrefix.length + 1) : relative;
  const withoutExtension = below.replace(/\.[^./]+$/, "");
  const parts = withoutExtension.split("/");
  const stem = parts.at(-1);
  const names = [...data.series.keys(), ...data.finals.keys()];
  if (names.length === 1 && names[0] === stem) parts.pop();
  return parts.join(".");
}
function mergeInto(target, source, file, owners) {
  const claim = (name) => {
    const owner = owners.get(name);
    if (owner) throw new ReproError(`metrics: "${name}" is logged in both ${owner} and ${file}`, { hint: "Give the files prefixes with the map form: metrics: { train: a.jsonl, eval: b.jsonl }." });
    owners.set(name, file);
  };
  for (const [name, series] of source.series) {
    claim(name);
    target.series.set(name, series);
  }
  for (const [name, value] of source.finals) {
    claim(`${name} (final)`);
    target.finals.set(name, value);
  }
  target.notes.push(...source.notes);
}
async function readMetricFile(file, notBefore) {
  let text;
  try {
    if (notBefore) {
      const { mtime } = await stat(file);
      if (mtime.getTime() < notBefore.getTime() - 1e3) {
        throw new InputFileError(file, void 0, `was last written at ${mtime.toISOString()}, before this run started (${notBefore.toISOString()}): it is left over from an earlier run`, {
          hint: "The training did not write its metrics where `metrics` points; fix the path (or write to {out}, the per-run REPRO_OUT_DIR). The old file was not read."
        });
      }
    }
    text = await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof ReproError) throw error;
    throw new InputFileError(file, void 0, `cannot read the metric file: ${error.code ?? error.message}`, { cause: error });
  }
  return parseMetricText(text, file);
}
function parseComparable(text, file) {
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{")) {
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      value = void 0;
    }
    if (isReproDocument(value)) {
      const document = decodeRecordDocument(value, file);
      const record = document.kind === "run-record" ? document.record : document.baseline.runs[0];
      return decodeMetricData(record.metrics, file);
    }
  }
  return parseMetricText(text, file);
}
async function readComparable(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputFileError(file, void 0, `cannot read: ${error.code ?? error.message}`, { cause: error });
  }
  return parseComparable(text, file);
}

export {
  RUN_RECORD_KIND,
  BASELINE_KIND,
  RUN_RECORD_SCHEMA_VERSION,
  BASELINE_SCHEMA_VERSION,
  encodeMetricData,
  decodeMetricData,
  isReproDocument,
  decodeRecordDocument,
  serializeDocument,
  globToRegExp,
  matchesAnyGlob,
  expandFileGlob,
  collectRunMetrics,
  readComparable
};
