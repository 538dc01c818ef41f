import { InputFileError } from '../errors.ts';
import type { RecordLocator } from './collector.ts';

/** Records are 1-based line numbers (JSONL, CSV, TSV). */
export function lineLocator(file: string): RecordLocator {
  return {
    file,
    describe: (line) => `${file}:${line}`,
    error: (line, problem) => new InputFileError(file, line, problem),
  };
}

/**
 * Records are indexes into an array inside a JSON document (`log_history` of a
 * trainer_state.json, or the document itself when it is an array: `arrayPath` '').
 */
export function arrayEntryLocator(file: string, arrayPath: string): RecordLocator {
  return {
    file,
    describe: (index) => `${file} ${arrayPath}[${index}]`,
    error: (index, problem) => new InputFileError(file, undefined, `${arrayPath}[${index}]: ${problem}`),
  };
}

/** The document is one object: there is only one record, the file itself. */
export function wholeFileLocator(file: string): RecordLocator {
  return {
    file,
    describe: () => file,
    error: (_record, problem) => new InputFileError(file, undefined, problem),
  };
}
