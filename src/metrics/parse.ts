import { InputFileError } from '../errors.ts';
import type { MetricData } from './series.ts';
import { parseDelimited, type Delimiter } from './delimited.ts';
import { readJsonDocument } from './json-document.ts';
import { isCompleteJsonObjectLine, parseJsonLines } from './json-lines.ts';
import { parsePythonJson, PythonJsonSyntaxError } from './python-json.ts';

const ACCEPTED_FORMATS =
  'Accepted: JSONL (one JSON object per line), JSON (an object, an array of objects, or a Hugging Face trainer_state.json with log_history), or CSV/TSV with a header row; numbers are metrics, `step` (or `global_step`, `iteration`) is the step.';

/**
 * Reads a metric file's text (DESIGN.md, "Metric files"). The format is told by content:
 * text starting with `{` or `[` is JSON or JSONL, anything else CSV or TSV. The file name
 * only appears in messages and breaks one tie: a header with both tabs and commas, or
 * neither, is TSV when the name ends in `.tsv`.
 *
 * Numbers become metrics named by their dotted path (`{"eval": {"loss": 1}}` -> `eval.loss`).
 * The step is the first top-level key present of `step`, `global_step`, `iteration` (the
 * others are then plain metrics); a record without one gives final values. Strings,
 * booleans and null are not metrics and are skipped (a flag such as `"is_best": true` has
 * no tolerance to compare with). Wall-clock fields are kept: the compare step filters them.
 * Records sharing a step merge; a metric logged twice at one step keeps the last value and,
 * when the two values differ, adds a note naming the metric, the step and both places
 * (`file:line`). Series come out with steps ascending and unique.
 *
 * This reads metric files only. Run records and baselines (JSON whose `kind` starts with
 * "repro-check/") are told apart and decoded by the caller before it gets here; given one,
 * this would read its numbers as if they were metrics.
 *
 * Throws InputFileError (naming the file and line) for a malformed line, a ragged CSV row,
 * a step that is not a whole number >= 0, and a file with no metrics at all.
 */
export function parseMetricText(text: string, file: string): MetricData {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark
  const start = body.search(/\S/);
  if (start < 0) throw noMetricsFound(file, 'the file is empty');
  const first = body[start];
  const data = first === '{' || first === '[' ? parseJsonFamily(body, file) : parseDelimited(body, file, pickDelimiter(body, start, file));
  // What was skipped (a long array) is why there is nothing: say so rather than only "no numbers".
  if (data.series.size === 0 && data.finals.size === 0) throw noMetricsFound(file, ['no numeric values', ...data.notes].join('; '));
  return data;
}

/**
 * One JSON document (possibly pretty-printed over many lines) or JSONL. A text JSON.parse
 * takes whole is a document. Otherwise it is JSONL when its first or second non-blank line
 * is a complete object on its own (the second, so that a broken first line is still
 * reported as a bad JSONL line); else it is a document holding Python's NaN/Infinity tokens.
 */
function parseJsonFamily(text: string, file: string): MetricData {
  try {
    return readJsonDocument(JSON.parse(text), file);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  if (text.trimStart().startsWith('{') && firstNonBlankLines(text, 2).some(isCompleteJsonObjectLine)) {
    return parseJsonLines(text, file);
  }
  let document: unknown;
  try {
    document = parsePythonJson(text);
  } catch (error) {
    if (!(error instanceof PythonJsonSyntaxError)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    throw new InputFileError(file, line, `not valid JSON, nor JSONL: ${error.message} at column ${column}`, { hint: ACCEPTED_FORMATS });
  }
  return readJsonDocument(document, file);
}

function firstNonBlankLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let lineStart = 0;
  while (lines.length < count && lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (line.trim() !== '') lines.push(line);
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  return lines;
}

function pickDelimiter(text: string, headerStart: number, file: string): Delimiter {
  const lineEnd = text.slice(headerStart).search(/[\r\n]/);
  const header = lineEnd < 0 ? text.slice(headerStart) : text.slice(headerStart, headerStart + lineEnd);
  const hasTab = header.includes('\t');
  const hasComma = header.includes(',');
  if (hasTab !== hasComma) return hasTab ? '\t' : ',';
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
  return {
    series: new Map([...data.series].map(([name, series]) => [`${prefix}.${name}`, series])),
    finals: new Map([...data.finals].map(([name, value]) => [`${prefix}.${name}`, value])),
    notes: [...data.notes],
  };
}
