import { InputFileError } from '../errors.ts';
import type { RecordLocator } from './collector.ts';

/** Records are 1-based line numbers (JSONL, CSV, TSV). */
export function lineLocator(file: string): RecordLocator {
  return {
    file,
    describe: (line) => `${file}:${line}`,
    error: (line, problem, hint) => new InputFileError(file, line, problem, hint === undefined ? {} : { hint }),
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
    error: (index, problem, hint) =>
      new InputFileError(file, undefined, `${arrayPath}[${index}]: ${problem}`, hint === undefined ? {} : { hint }),
  };
}

/** The document is one object: there is only one record, the file itself. */
export function wholeFileLocator(file: string): RecordLocator {
  return {
    file,
    describe: () => file,
    error: (_record, problem, hint) => new InputFileError(file, undefined, problem, hint === undefined ? {} : { hint }),
  };
}
