import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * The text of a metric file, line by line, read again from the start on each call of
 * `lines()` (the layout is told from the first lines, then the parser reads from the start). A file is read in
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

/**
 * Lines of a file, read in 1 MiB chunks (a chunk grows to hold a longer line). Each chunk is
 * decoded up to its last LF byte, which never falls inside a multi-byte UTF-8 sequence, so no
 * character is split; the bytes after it move to the front for the next read. Throws the fs error
 * when the file cannot be read.
 */
export function fileLineSource(file: string): LineSource {
  const source = {
    file,
    lastLineUnterminated: false,
    *lines(): Generator<string> {
      source.lastLineUnterminated = false;
      const descriptor = openSync(file, 'r');
      try {
        let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        let filled = 0;
        let first = true;
        for (;;) {
          if (filled === buffer.length) {
            const grown = Buffer.allocUnsafe(buffer.length * 2);
            buffer.copy(grown, 0, 0, filled);
            buffer = grown;
          }
          const read = readSync(descriptor, buffer, filled, buffer.length - filled, null);
          const end = filled + read;
          const lastBreak = read === 0 ? end - 1 : buffer.lastIndexOf(0x0a, end - 1);
          if (read > 0 && lastBreak < filled) {
            filled = end; // no line end in what was read: read on
            continue;
          }
          let text = buffer.toString('utf8', 0, lastBreak + 1);
          if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
          first = false;
          yield* splitChunk(text, read === 0, source);
          if (read === 0) return;
          buffer.copy(buffer, 0, lastBreak + 1, end);
          filled = end - lastBreak - 1;
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
