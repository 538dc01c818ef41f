import type { MetricData } from './series.ts';
import { collectMetrics, type RecordLocator, type SeriesBuilder } from './collector.ts';
import { lineLocator } from './locators.ts';
import { isValidStep, STEP_KEYS } from './log-objects.ts';

export type Delimiter = ',' | '\t';

interface Column {
  readonly name: string;
  /** Unnamed columns (pandas' index column has an empty header) hold no metric. */
  readonly skipped: boolean;
}

/**
 * CSV or TSV with a header row, quoted as RFC 4180 says (and as Python's csv module writes):
 * a quoted field may hold the delimiter, line breaks and doubled quotes. An empty cell means
 * "not logged at this step" (PyTorch Lightning's CSVLogger writes train and val rows with
 * blanks); a cell that is not a number (text, `True`) is skipped; `nan`, `inf`, `-inf` (Python's
 * str(float)) and `NaN`, `Infinity`, `-Infinity` are numbers. The step column is the first of
 * STEP_KEYS the header names; a row whose step cell is empty gives final values. Without a
 * step column the file may hold one row, read as final values.
 */
export function parseDelimited(text: string, file: string, delimiter: Delimiter): MetricData {
  const locator = lineLocator(file);
  const records = [...readRecords(text, delimiter, file)].filter(({ fields }) => !(fields.length === 1 && fields[0]!.trim() === '')); // blank lines
  const header = records.shift();
  if (header === undefined) return collectMetrics(locator, () => {});
  const columns = readHeader(header.fields, header.line, file);
  const stepColumn = findStepColumn(columns);
  for (const { fields, line } of records) {
    if (fields.length !== columns.length) {
      throw locator.error(line, `has ${fields.length} field${fields.length === 1 ? '' : 's'}, expected ${columns.length} (the columns of the header on line ${header.line})`);
    }
  }
  if (stepColumn < 0 && records.length > 1) {
    throw locator.error(records[1]!.line, `a second row of values, but the header has no step column (${STEP_KEYS.join(', ')}); without one only a single row of final values can be read`);
  }
  return collectMetrics(locator, (collector) => {
    const seriesByColumn: (SeriesBuilder | undefined)[] = [];
    for (const { fields, line } of records) {
      const step = stepColumn < 0 ? undefined : readStepCell(fields[stepColumn]!, columns[stepColumn]!, line, locator);
      for (let index = 0; index < columns.length; index++) {
        const column = columns[index]!;
        if (index === stepColumn || column.skipped) continue;
        const value = parseNumericCell(fields[index]!);
        if (value === undefined) continue;
        if (step === undefined) collector.addFinal(column.name, value, line);
        else collector.addPoint((seriesByColumn[index] ??= collector.seriesFor(column.name)), step, value, line);
      }
    }
  });
}

/** The row's step, or undefined when the step cell is empty (a row of final values). */
function readStepCell(cell: string, column: Column, line: number, locator: RecordLocator): number | undefined {
  if (cell.trim() === '') return undefined;
  const step = parseNumericCell(cell);
  if (!isValidStep(step)) throw locator.error(line, `"${column.name}" must be a whole number >= 0 (it is the step), got ${JSON.stringify(cell)}`);
  return step + 0; // -0 -> 0
}

function readHeader(fields: string[], line: number, file: string): Column[] {
  const firstIndex = new Map<string, number>();
  return fields.map((field, index) => {
    const name = field.trim();
    const earlier = firstIndex.get(name);
    if (name !== '' && earlier !== undefined) {
      throw lineLocator(file).error(line, `the header names column "${name}" twice (columns ${earlier + 1} and ${index + 1}); column names must be unique`);
    }
    firstIndex.set(name, index);
    return { name, skipped: name === '' };
  });
}

function findStepColumn(columns: Column[]): number {
  for (const key of STEP_KEYS) {
    const index = columns.findIndex((column) => column.name === key);
    if (index >= 0) return index;
  }
  return -1;
}

const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

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

/**
 * Splits delimited text into records (RFC 4180). Yields each record's fields and the
 * 1-based line it starts on (a quoted field can span lines). Line ends are LF, CRLF or CR.
 */
function* readRecords(text: string, delimiter: Delimiter, file: string): Generator<{ fields: string[]; line: number }> {
  const locator = lineLocator(file);
  let position = 0;
  let line = 1;
  while (position < text.length) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      if (text[position] === '"') {
        const fieldLine = line;
        let value = '';
        let chunkStart = position + 1;
        for (;;) {
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
          if (char === delimiter || char === '\n' || char === '\r') break;
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
      if (next === undefined) break;
      if (next === '\n' || next === '\r') {
        position += next === '\r' && text[position + 1] === '\n' ? 2 : 1;
        line++;
        break;
      }
      throw locator.error(line, `unexpected ${JSON.stringify(next)} after a closing quote; a quote inside a quoted field is written twice ("")`);
    }
    yield { fields, line: recordLine };
  }
}

function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let index = chunk.indexOf('\n'); index >= 0; index = chunk.indexOf('\n', index + 1)) count++;
  return count;
}
