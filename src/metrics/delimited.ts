import type { MetricData } from './series.ts';
import { collectMetrics, type RecordLocator, type SeriesBuilder } from './collector.ts';
import type { Delimiter } from './delimited-records.ts';
import { lineLocator } from './locators.ts';
import { isValidStep } from './log-objects.ts';
import type { LineSource } from './line-source.ts';
import { readRecords, type DelimitedRecord } from './delimited-records.ts';
import { notAStepHint, StepAxisChooser } from './step-axis.ts';

/** What the report says the step was read from when it is pandas' unnamed index column. */
export const INDEX_COLUMN_AXIS = '(unnamed index column)';

interface Column {
  readonly name: string;
  /** Unnamed columns (pandas' index column has an empty header) hold no metric. */
  readonly skipped: boolean;
}

/**
 * CSV or TSV with a header row, quoted as RFC 4180 says (and as Python's csv module writes):
 * a quoted field may hold the delimiter, line breaks and doubled quotes. Read as a stream of
 * lines, so a file of any size is read in constant memory besides the series.
 *
 * An empty cell means "not logged at this step" (PyTorch Lightning's CSVLogger writes train and
 * val rows with blanks); a cell that is not a number (text, `True`) is skipped; `nan`, `inf`,
 * `-inf` (Python's str(float)) and `NaN`, `Infinity`, `-Infinity` are numbers. The step column
 * is the header's best step key (StepAxisChooser, or `stepKey`); without one, an unnamed first
 * column of consecutive whole numbers (pandas' `to_csv` index) is the step. A row whose step
 * cell is empty gives final values.
 *
 * Throws InputFileError naming the line for a ragged row, a repeated header (a resumed run
 * appending to the file), a step that is not a whole number, a number outside the double range,
 * a cut-off last cell, and (through the collector) rows of a step-less file repeating a metric.
 */
export function parseDelimited(
  source: LineSource,
  delimiter: Delimiter,
  options: { stepKey?: string | undefined } = {},
): MetricData {
  const locator = lineLocator(source.file);
  return collectMetrics(locator, (collector) => {
    let columns: Column[] | undefined;
    let header: DelimitedRecord | undefined;
    let stepColumn = -1;
    /** pandas' unnamed index column is the step when its first cell is a whole number (decided on the first row; null until then). */
    let indexIsStep: boolean | null = false;
    let previousIndex = -1;
    const seriesByColumn: (SeriesBuilder | undefined)[] = [];
    for (const record of readRecords(source, delimiter, locator)) {
      const { fields, line } = record;
      if (fields.length === 1 && fields[0]!.trim() === '') continue; // a blank line
      if (columns === undefined) {
        header = record;
        columns = readHeader(fields, line, locator);
        const names = columns.map((column) => column.name);
        const stepKey = new StepAxisChooser(options.stepKey, locator).pick(names, line);
        if (stepKey === undefined && options.stepKey !== undefined) {
          throw locator.error(
            line,
            `step-key "${options.stepKey}": the header has no such column (it has ${names.map((name) => `"${name}"`).join(', ')})`,
          );
        }
        stepColumn = stepKey === undefined ? -1 : names.indexOf(stepKey);
        indexIsStep = stepColumn < 0 && columns[0]!.skipped ? null : false;
        collector.stepKey = stepColumn >= 0 ? columns[stepColumn]!.name : null;
        continue;
      }
      if (fields.length !== columns.length) {
        throw locator.error(
          line,
          `has ${fields.length} field${fields.length === 1 ? '' : 's'}, expected ${columns.length} (the columns of the header on line ${header!.line})`,
        );
      }
      if (fields.every((field, index) => field.trim() === columns![index]!.name)) {
        throw locator.error(
          line,
          `repeats the header of line ${header!.line}: a resumed run appended to the file (Keras' CSVLogger did before keras PR #4426), so the rows before and after may overlap`,
          'Remove the repeated header line (and any rows logged twice), or have the resumed run write a new file.',
        );
      }
      if (indexIsStep === null) {
        // A text or date index (a frame indexed by something else) is not a step: the column is skipped.
        indexIsStep = isValidStep(parseNumericCell(fields[0]!));
        if (indexIsStep) collector.stepKey = INDEX_COLUMN_AXIS;
      }
      let step: number | undefined;
      if (stepColumn >= 0) step = readStepCell(fields[stepColumn]!, columns[stepColumn]!.name, line, locator);
      else if (indexIsStep) {
        step = readStepCell(fields[0]!, 'the unnamed first column', line, locator);
        if (step !== undefined && previousIndex >= 0 && step !== previousIndex + 1) {
          throw locator.error(
            line,
            `the unnamed first column (pandas' index, read as the step) goes from ${previousIndex} to ${step}; an index is read as the step only while it counts up by one`,
            "An unnamed column cannot be named with `step-key`: write the index with a name (df.to_csv(index_label='step')) if it is the step, or leave it out (index=False) and log a step column.",
          );
        }
        if (step !== undefined) previousIndex = step;
      }
      for (let index = 0; index < columns.length; index++) {
        const column = columns[index]!;
        if (index === stepColumn || column.skipped) continue;
        const cell = fields[index]!;
        const value = parseNumericCell(cell);
        if (value === undefined) {
          if (cell.trim() !== '') collector.nonNumeric.see(column.name, cell, line);
          continue;
        }
        if (value === Infinity || value === -Infinity) checkNotOverflow(cell, column.name, line, locator);
        if (record.unterminated && TRUNCATED_NUMBER.test(cell)) {
          throw locator.error(
            line,
            `the file ends in the middle of this line (no line end after it) and "${column.name}" reads ${JSON.stringify(cell.trim())}: the file looks cut off while it was being written; it is not read as ${value}`,
            'Read the file after the training has closed it.',
          );
        }
        if (step === undefined) collector.addFinal(column.name, value, line);
        else collector.addPoint((seriesByColumn[index] ??= collector.seriesFor(column.name)), step, value, line);
      }
    }
  });
}

/** The row's step, or undefined when the step cell is empty (a row of final values). */
function readStepCell(cell: string, columnName: string, line: number, locator: RecordLocator): number | undefined {
  if (cell.trim() === '') return undefined;
  const step = parseNumericCell(cell);
  if (!isValidStep(step))
    throw locator.error(
      line,
      `"${columnName}" must be a whole number >= 0 (it is the step), got ${JSON.stringify(cell)}`,
      notAStepHint(columnName),
    );
  return step + 0; // -0 -> 0
}

function readHeader(fields: string[], line: number, locator: RecordLocator): Column[] {
  const firstIndex = new Map<string, number>();
  return fields.map((field, index) => {
    const name = field.trim();
    const earlier = firstIndex.get(name);
    if (name !== '' && earlier !== undefined) {
      throw locator.error(
        line,
        `the header names column "${name}" twice (columns ${earlier + 1} and ${index + 1}); column names must be unique`,
      );
    }
    firstIndex.set(name, index);
    return { name, skipped: name === '' };
  });
}

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** `0.` or `12.`: what is left of a number cut after its point. Python, numpy and pandas never write it. */
const TRUNCATED_NUMBER = /^\s*[+-]?\d+\.\s*$/;

const NON_FINITE_CELLS = new Map<string, number>([
  ['nan', NaN],
  ['+nan', NaN],
  ['-nan', NaN],
  ['inf', Infinity],
  ['+inf', Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-inf', -Infinity],
  ['-infinity', -Infinity],
]);

/** A number as Python's csv module or pandas writes it, or undefined for an empty or text cell. */
function parseNumericCell(cell: string): number | undefined {
  if (DECIMAL.test(cell)) return Number(cell);
  return cell.length <= 11 ? NON_FINITE_CELLS.get(cell.trim().toLowerCase()) : undefined;
}

/** A decimal that reads as infinite (`1e400`) is outside the double range: refused, not read as Infinity. */
function checkNotOverflow(cell: string, name: string, line: number, locator: RecordLocator): void {
  if (!DECIMAL.test(cell)) return; // an `inf` token: infinity was written on purpose
  throw locator.error(
    line,
    `"${name}" is ${cell.trim()}, a number outside the double range (beyond ±1.8e308); it is not read as Infinity`,
    'Write infinity as inf (Python does) if that is what the training produced.',
  );
}
