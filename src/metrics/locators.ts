import { InputFileError } from '../errors.ts';

/**
 * Every format hands its values to a MetricCollector tagged with a record number (a line number,
 * an index into a JSON array, a byte offset); the format's RecordLocator turns that number back
 * into words for notes and errors, and into a place in a file for annotations, so no text is
 * built per value.
 */
export interface RecordLocator {
  /** The file the records are in (for a reader of several files, their names joined). */
  readonly file: string;
  /** Where a record is, for a note: `metrics.jsonl:12`, `trainer_state.json log_history[3]`. */
  describe(record: number): string;
  /** An error about one record, naming the file and, where there is one, the line. */
  error(record: number, problem: string, hint?: string): InputFileError;
  /**
   * The file a record is in and, when records are lines, its 1-based line. Absent: the record
   * is in `file` and is no line (an array entry, a byte offset); see placeOfRecord.
   */
  place?(record: number): RecordPlace;
}

/** A place in a metric file: the file as the reader was given it, and the 1-based line when there is one. */
export interface RecordPlace {
  file: string;
  line?: number;
}

/** Where RECORD is, by LOCATOR: its `place`, else the locator's file with no line. */
export function placeOfRecord(locator: RecordLocator, record: number): RecordPlace {
  return locator.place?.(record) ?? { file: locator.file };
}

const withHint = (hint: string | undefined) => (hint === undefined ? {} : { hint });

/** Records are 1-based line numbers (JSONL, CSV, TSV, MLflow metric files). FILE names the file in every message. */
export function lineLocator(file: string): RecordLocator {
  return {
    file,
    describe: (line) => `${file}:${line}`,
    error: (line, problem, hint) => new InputFileError(file, line, problem, withHint(hint)),
    place: (line) => ({ file, line }),
  };
}

/**
 * Records are indexes into an array inside a JSON document (`log_history` of a
 * trainer_state.json at `arrayPath` 'log_history', or the document itself when it is an array:
 * `arrayPath` ''). A parsed document keeps no lines, so a record's place is the file.
 */
export function arrayEntryLocator(file: string, arrayPath: string): RecordLocator {
  return {
    file,
    describe: (index) => `${file} ${arrayPath}[${index}]`,
    error: (index, problem, hint) =>
      new InputFileError(file, undefined, `${arrayPath}[${index}]: ${problem}`, withHint(hint)),
  };
}

/** The document is one object (a JSON of final values, Megatron golden values): its one record is the file itself. */
export function wholeFileLocator(file: string): RecordLocator {
  return {
    file,
    describe: () => file,
    error: (_record, problem, hint) => new InputFileError(file, undefined, problem, withHint(hint)),
  };
}
