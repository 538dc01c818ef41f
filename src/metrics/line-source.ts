import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * The text of a metric file, line by line, read again from the start on each call of
 * `lines()` (the collector reads a file with out-of-order steps twice). A file is read in
 * chunks, so memory does not grow with its size: JSONL, CSV and TSV logs of any length are
 * read this way. Line ends are LF, CRLF or a lone CR (old Mac files); they are not part of
 * the lines. A byte-order mark at the start is dropped.
 */
export interface LineSource {
  readonly file: string;
  lines(): Generator<string>;
  /**
   * Set just before the last line is yielded when that line has no line end after it (a file
   * cut off while being written, or simply one without a final newline).
   */
  readonly lastLineUnterminated: boolean;
  /** The whole text at once: for JSON documents, which are not line-oriented. */
  wholeText(): string;
}

const CHUNK_BYTES = 1 << 20;

/** Lines of text already in memory (tests, and text handed over by a caller). */
export function textLineSource(file: string, text: string): LineSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const source = {
    file,
    lastLineUnterminated: false,
    *lines(): Generator<string> {
      source.lastLineUnterminated = false;
      yield* splitChunk(body, true, source);
    },
    wholeText: () => body,
  };
  return source;
}

/** Lines of a file, read in 1 MiB chunks. Throws the fs error when the file cannot be read. */
export function fileLineSource(file: string): LineSource {
  const source = {
    file,
    lastLineUnterminated: false,
    *lines(): Generator<string> {
      source.lastLineUnterminated = false;
      const descriptor = openSync(file, 'r');
      try {
        const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        const decoder = new TextDecoder('utf-8');
        let carry = '';
        let first = true;
        for (;;) {
          const read = readSync(descriptor, buffer, 0, CHUNK_BYTES, null);
          let text = carry + decoder.decode(buffer.subarray(0, read), { stream: read > 0 });
          if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          first = false;
          if (read === 0) {
            yield* splitChunk(text, true, source);
            return;
          }
          // Keep the unfinished last line (and a CR that may be half of a CRLF) for the next chunk.
          const lastBreak = text.lastIndexOf('\n');
          if (lastBreak < 0) {
            carry = text;
            continue;
          }
          carry = text.slice(lastBreak + 1);
          yield* splitChunk(text.slice(0, lastBreak + 1), false, source);
        }
      } finally {
        closeSync(descriptor);
      }
    },
    wholeText: () => {
      const text = readFileSync(file, 'utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    },
  };
  return source;
}

/**
 * Yields the lines of `text`. Unless `atEnd`, text ends with a line break; at the end of the
 * input, text after the last break is a line of its own (and flags the source unterminated).
 */
function* splitChunk(text: string, atEnd: boolean, source: { lastLineUnterminated: boolean }): Generator<string> {
  if (text === '') return;
  const parts = text.split('\n');
  const last = parts.length - 1;
  for (let index = 0; index < last; index++) {
    const line = parts[index]!;
    const cut = line.charCodeAt(line.length - 1) === 13 /* \r */ ? line.slice(0, -1) : line;
    if (cut.includes('\r')) yield* cut.split('\r');
    else yield cut;
  }
  const tail = parts[last]!;
  if (!atEnd || tail === '') return;
  const pieces = tail.split('\r');
  for (let index = 0; index < pieces.length; index++) {
    const isLast = index === pieces.length - 1;
    if (isLast && pieces[index] === '') return; // the text ended with a lone CR: terminated
    if (isLast) source.lastLineUnterminated = true;
    yield pieces[index]!;
  }
}
