import type { MetricData } from './series.ts';
import { collectMetrics } from './collector.ts';
import { lineLocator } from './locators.ts';
import { isLogObject, LogObjectReader } from './log-objects.ts';
import { parsePythonJson, PythonJsonSyntaxError } from './python-json.ts';
import type { LineSource } from './line-source.ts';

const EXCERPT_LENGTH = 80;

/**
 * JSONL: one JSON object per line, blank lines skipped, read as a stream of lines (a file of
 * any size, in memory bounded by its series). Each line goes to JSON.parse; only a line it
 * refuses is read again by the tokenizer that accepts Python's NaN/Infinity/-Infinity, so the
 * common case stays fast. W&B's `wandb-history.jsonl` is JSONL with its step in `_step`.
 * Throws InputFileError naming the file and line for a line that is not a JSON object, a bad
 * step, a mixed step axis, nesting too deep, and as the collector does.
 */
export function parseJsonLines(source: LineSource, options: { stepKey?: string | undefined } = {}): MetricData {
  const locator = lineLocator(source.file);
  return collectMetrics(locator, (collector) => {
    const reader = new LogObjectReader(collector, options.stepKey);
    let lineNumber = 0;
    for (const line of source.lines()) {
      lineNumber++;
      if (isBlank(line)) continue;
      let value: unknown;
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
          `expected a JSON object on each line, got ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'null' : `a ${typeof value}`}: ${excerpt(line)}`,
        );
      }
      reader.read(value, lineNumber, parsedStrictly);
    }
    reader.checkStepKeyFound();
  });
}

/** The line's JSON value when it reads as one complete JSON object on its own, else undefined: how JSONL is told from a multi-line JSON document. */
export function completeJsonObjectOn(line: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    try {
      value = parsePythonJson(line);
    } catch {
      return undefined;
    }
  }
  return isLogObject(value) ? value : undefined;
}

function parseLineWithPythonTokens(line: string, file: string, lineNumber: number): unknown {
  try {
    return parsePythonJson(line);
  } catch (error) {
    if (!(error instanceof PythonJsonSyntaxError)) throw error;
    throw lineLocator(file).error(
      lineNumber,
      `malformed JSON at column ${error.offset + 1} (${error.message}): ${excerpt(line)}`,
    );
  }
}

function isBlank(line: string): boolean {
  return line.length === 0 || (line.charCodeAt(0) <= 0x20 && line.trim().length === 0);
}

function excerpt(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > EXCERPT_LENGTH ? `${trimmed.slice(0, EXCERPT_LENGTH)}…` : trimmed;
}
