import type { MetricData } from './series.ts';
import { collectMetrics } from './collector.ts';
import { lineLocator } from './locators.ts';
import { isLogObject, LogObjectReader } from './log-objects.ts';
import { parsePythonJson, PythonJsonSyntaxError } from './python-json.ts';

const EXCERPT_LENGTH = 80;

/**
 * JSONL: one JSON object per line, blank lines skipped, CRLF accepted (JSON counts `\r`
 * as whitespace). Each line goes to JSON.parse; only a line it refuses is read again by the
 * tokenizer that accepts Python's NaN/Infinity/-Infinity, so the common case stays fast.
 */
export function parseJsonLines(text: string, file: string): MetricData {
  const locator = lineLocator(file);
  const lines = text.split('\n');
  return collectMetrics(locator, (collector) => {
    const reader = new LogObjectReader(collector);
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (isBlank(line)) continue;
      const lineNumber = index + 1;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = parseLineWithPythonTokens(line, file, lineNumber);
      }
      if (!isLogObject(value)) {
        throw locator.error(lineNumber, `expected a JSON object on each line, got ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'null' : `a ${typeof value}`}: ${excerpt(line)}`);
      }
      reader.read(value, lineNumber);
    }
  });
}

/** Whether a line reads as one JSON value on its own: how JSONL is told from a multi-line JSON document. */
export function isCompleteJsonObjectLine(line: string): boolean {
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

function parseLineWithPythonTokens(line: string, file: string, lineNumber: number): unknown {
  try {
    return parsePythonJson(line);
  } catch (error) {
    if (!(error instanceof PythonJsonSyntaxError)) throw error;
    throw lineLocator(file).error(lineNumber, `malformed JSON at column ${error.offset + 1} (${error.message}): ${excerpt(line)}`);
  }
}

function isBlank(line: string): boolean {
  return line.length === 0 || (line.charCodeAt(0) <= 0x20 && line.trim().length === 0);
}

function excerpt(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > EXCERPT_LENGTH ? `${trimmed.slice(0, EXCERPT_LENGTH)}…` : trimmed;
}
