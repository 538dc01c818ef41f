import type { RecordLocator } from './locators.ts';
import type { LineSource } from './line-source.ts';

/** The field separator of a delimited metric file: CSV or TSV. */
export type Delimiter = ',' | '\t';

/** One row of a delimited file, split into its fields. */
export interface DelimitedRecord {
  fields: string[];
  /** 1-based line the record starts on (a quoted field can span lines). */
  line: number;
  /** The record is the file's last line and no line end follows it. */
  unterminated: boolean;
}

/**
 * Splits delimited lines into records (RFC 4180). Yields each record's fields and the 1-based
 * line it starts on; a quoted field that holds line breaks pulls in the following lines.
 * Throws InputFileError (through LOCATOR) for a quoted field never closed and text after a closing quote.
 */
export function* readRecords(
  source: LineSource,
  delimiter: Delimiter,
  locator: RecordLocator,
): Generator<DelimitedRecord> {
  let lineNumber = 0;
  const lines = source.lines();
  for (let next = lines.next(); !next.done; next = lines.next()) {
    lineNumber++;
    const recordLine = lineNumber;
    let text = next.value;
    if (!text.includes('"')) {
      yield { fields: text.split(delimiter), line: recordLine, unterminated: source.lastLineUnterminated };
      continue;
    }
    const fields: string[] = [];
    let position = 0;
    for (;;) {
      if (text[position] === '"') {
        let value = '';
        let chunkStart = position + 1;
        for (;;) {
          const quote = text.indexOf('"', chunkStart);
          if (quote < 0) {
            // The quoted field goes on over the next line.
            const following = lines.next();
            if (following.done) throw locator.error(recordLine, 'a quoted field is never closed (a `"` is missing)');
            lineNumber++;
            value += `${text.slice(chunkStart)}\n`;
            text = following.value;
            chunkStart = 0;
            continue;
          }
          if (text[quote + 1] === '"') {
            value += `${text.slice(chunkStart, quote)}"`;
            chunkStart = quote + 2;
          } else {
            value += text.slice(chunkStart, quote);
            position = quote + 1;
            break;
          }
        }
        fields.push(value);
      } else {
        let end = text.indexOf(delimiter, position);
        if (end < 0) end = text.length;
        fields.push(text.slice(position, end));
        position = end;
      }
      if (position >= text.length) break;
      if (text[position] === delimiter) {
        position++;
        if (position === text.length) fields.push('');
        if (position >= text.length) break;
        continue;
      }
      throw locator.error(
        lineNumber,
        `unexpected ${JSON.stringify(text[position])} after a closing quote; a quote inside a quoted field is written twice ("")`,
      );
    }
    yield { fields, line: recordLine, unterminated: source.lastLineUnterminated };
  }
}
