import type { InputFileError } from '../errors.ts';
import type { RecordLocator } from './collector.ts';

/**
 * The refusal for a number literal outside the double range (`1e400`, beyond ±1.8e308): every reader
 * of numbers written as text gives it rather than reading the literal as ±Infinity (README, "Metric
 * files"). `at` places the value within its record (`at step 2`); `written` is the literal as the file has it, when the reader still has it; `infinityToken`
 * is how the format writes a real infinity, for the advice.
 */
export function outOfRangeError(
  locator: RecordLocator,
  record: number,
  name: string,
  options: { written?: string; at?: string; infinityToken: string },
): InputFileError {
  const what = options.written === undefined ? 'a number' : `${options.written.trim()}, a number`;
  return locator.error(
    record,
    `"${name}"${options.at === undefined ? '' : ` ${options.at}`} is ${what} outside the double range (beyond ±1.8e308, e.g. 1e400); it is not read as Infinity`,
    `Write infinity as ${options.infinityToken} if that is what the training produced; a finite value that large cannot be compared.`,
  );
}

/** Whether a value parsed from a decimal literal overflowed (JSON.parse and Number() give ±Infinity for `1e400`). */
export function isOverflow(value: number): boolean {
  return value === Infinity || value === -Infinity;
}
