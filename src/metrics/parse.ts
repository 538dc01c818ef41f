import { InputFileError } from '../errors.ts';
import type { MetricData } from './series.ts';
import { parseDelimited } from './delimited.ts';
import type { Delimiter } from './delimited-records.ts';
import { isWholeDocument, readJsonDocument } from './json-document.ts';
import { completeJsonObjectOn, parseJsonLines } from './json-lines.ts';
import { parsePythonJson, PythonJsonSyntaxError } from './python-json.ts';
import { textLineSource, type LineSource } from './line-source.ts';
import { STEP_KEY_PRIORITY } from './step-axis.ts';

const ACCEPTED_FORMATS = `Accepted: JSONL (one JSON object per line; W&B's wandb-history.jsonl), JSON (an object of final values, an array of objects, a Hugging Face trainer_state.json, Megatron-LM golden values, github-action-benchmark's [{name, value, unit}], a Keras History.history of lists), or CSV/TSV with a header row; numbers are metrics, the step is ${STEP_KEY_PRIORITY.join(', ')} or the step-key setting.`;

export interface ParseOptions {
  /** The `step-key` setting: the key (column) that numbers the records; undefined: recognised by name. */
  stepKey?: string | undefined;
}

/**
 * Reads a metric file (DESIGN.md, "Metric files"). The format is told by content: text
 * starting with `{` or `[` is JSON or JSONL, anything else CSV or TSV. The file name only
 * appears in messages and breaks one tie: a header with both tabs and commas, or neither, is
 * TSV when the name ends in `.tsv`. JSONL, CSV and TSV are read as streams of lines (a file of
 * any size); a JSON document is read whole.
 *
 * Numbers become metrics named by their dotted path (`{"eval": {"loss": 1}}` -> `eval.loss`).
 * The step is the record's best top-level step key (step-axis.ts, or `options.stepKey`); a
 * record without one gives final values. Strings, booleans and null are not metrics and are
 * skipped (a flag such as `"is_best": true` has no tolerance to compare with). Wall-clock fields
 * are kept: the compare step filters them. Records sharing a step merge; a metric logged twice
 * at one step keeps the last value and, when the two values differ, adds a note naming the
 * metric, the step and both places (`file:line`). Series come out with steps ascending and unique.
 *
 * This reads metric files only. Run records and baselines (JSON whose `kind` starts with
 * "repro-check/") are told apart and decoded by the caller before it gets here; given one,
 * this would read its numbers as if they were metrics.
 *
 * Throws InputFileError (naming the file and line) for a malformed line, a ragged CSV row,
 * a step that is not a whole number >= 0, a file with no step axis whose records repeat a
 * metric, a number outside the double range, and a file with no metrics at all.
 */
export function parseMetricSource(source: LineSource, options: ParseOptions = {}): MetricData {
  const layout = detectTextLayout(source);
  let data: MetricData;
  if (layout.kind === 'jsonl') data = parseJsonLines(source, options);
  else if (layout.kind === 'json-document') data = parseJsonDocument(source.wholeText(), source.file, options);
  else data = parseDelimited(source, layout.delimiter, options);
  // What was skipped (a long array) is why there is nothing: say so rather than only "no numbers".
  if (data.series.size === 0 && data.finals.size === 0)
    throw noMetricsFound(source.file, ['no numeric values', ...data.notes].join('; '));
  return data;
}

export type TextLayout = { kind: 'jsonl' } | { kind: 'json-document' } | { kind: 'delimited'; delimiter: Delimiter };

/**
 * How a text metric file is laid out, from its first two non-blank lines. JSONL when the first
 * or second is a complete object on its own (the second, so that a broken first line is still
 * reported as a bad JSONL line), so a file of one line holding one object is JSONL (a training
 * that logged one step), unless that object is a document of its own kind (isWholeDocument);
 * other text starting with `{` or `[` is a JSON document.
 * Throws InputFileError for an empty file.
 */
export function detectTextLayout(source: LineSource): TextLayout {
  const head = firstNonBlankLines(source, 2);
  if (head.length === 0) throw noMetricsFound(source.file, 'the file is empty');
  const first = head[0]!.trimStart()[0];
  const objects = first === '{' ? head.map(completeJsonObjectOn) : [];
  // One line holding a whole document (trainer_state.json, golden values, a W&B summary) is that document.
  if (head.length === 1 && objects[0] !== undefined && isWholeDocument(objects[0])) return { kind: 'json-document' };
  if (objects.some((object) => object !== undefined)) return { kind: 'jsonl' };
  if (first === '{' || first === '[') return { kind: 'json-document' };
  return { kind: 'delimited', delimiter: pickDelimiter(head[0]!, source.file) };
}

/** parseMetricSource over text already in memory. */
export function parseMetricText(text: string, file: string, options: ParseOptions = {}): MetricData {
  return parseMetricSource(textLineSource(file, text), options);
}

/** One JSON document (possibly pretty-printed over many lines, possibly holding Python's NaN/Infinity tokens). */
function parseJsonDocument(text: string, file: string, options: ParseOptions): MetricData {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    try {
      document = parsePythonJson(text);
    } catch (pythonError) {
      if (!(pythonError instanceof PythonJsonSyntaxError)) throw pythonError;
      const before = text.slice(0, pythonError.offset);
      const line = before.split('\n').length;
      const column = pythonError.offset - before.lastIndexOf('\n');
      throw new InputFileError(file, line, `not valid JSON, nor JSONL: ${pythonError.message} at column ${column}`, {
        hint: ACCEPTED_FORMATS,
      });
    }
    return readJsonDocument(document, file, { ...options, parsedStrictly: false });
  }
  return readJsonDocument(document, file, { ...options, parsedStrictly: true });
}

function firstNonBlankLines(source: LineSource, count: number): string[] {
  const lines: string[] = [];
  for (const line of source.lines()) {
    if (line.trim() !== '') lines.push(line);
    if (lines.length === count) break;
  }
  return lines;
}

function pickDelimiter(header: string, file: string): Delimiter {
  const hasTab = header.includes('\t');
  const hasComma = header.includes(',');
  if (hasTab !== hasComma) return hasTab ? '\t' : ',';
  // `sep=';'` (a European-locale CSV) or `|`: one column named "step;loss" would hold no numbers.
  const other = !hasTab && !hasComma ? [';', '|'].find((separator) => header.includes(separator)) : undefined;
  if (other !== undefined)
    throw new InputFileError(
      file,
      1,
      `the header ${JSON.stringify(header.trim().slice(0, 80))} separates its columns with "${other}"; only commas (CSV) and tabs (TSV) separate columns`,
      { hint: "Write the file with commas (pandas: to_csv(sep=','), the default) or tabs, or as JSONL." },
    );
  return /\.tsv$/i.test(file) ? '\t' : ',';
}

function noMetricsFound(file: string, why: string): InputFileError {
  return new InputFileError(file, undefined, `no metrics were found (${why})`, { hint: ACCEPTED_FORMATS });
}

/**
 * For the config form `metrics: {prefix: path}`: every metric name becomes `prefix.name`.
 * Returns a new MetricData; the series arrays are shared, not copied.
 */
export function addPrefix(data: MetricData, prefix: string): MetricData {
  return renameMetrics(data, (name) => `${prefix}.${name}`);
}

/** Every metric renamed by `rename`. Returns a new MetricData; the series arrays are shared, not copied. */
export function renameMetrics(data: MetricData, rename: (name: string) => string): MetricData {
  return {
    series: new Map([...data.series].map(([name, series]) => [rename(name), series])),
    finals: new Map([...data.finals].map(([name, value]) => [rename(name), value])),
    finalOrigins: new Map([...(data.finalOrigins ?? [])].map(([name, origin]) => [rename(name), origin])),
    notes: [...data.notes],
    stepAxes: [...(data.stepAxes ?? [])],
    ...(data.uncompared ? { uncompared: data.uncompared.map(rename) } : {}),
  };
}
