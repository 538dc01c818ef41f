/**
 * How a child's output is read: split into lines as it streams, and a bounded tail of them
 * kept for error reports, so that a child printing a gigabyte cannot exhaust our memory.
 */

/** A line longer than this is cut when kept in the tail (it is still streamed whole). */
const MAX_LINE_CHARS = 4096;
/** A child that never prints a newline must not grow the pending partial line without bound. */
const MAX_PARTIAL_CHARS = 1024 * 1024;

/**
 * A line splitter over decoded text chunks: `push(chunk)` calls ON_LINE for every complete
 * line (a trailing `\r` dropped); `flush()` hands on the last partial line, if any. A partial
 * line over 1 MiB is handed on as a line of its own.
 */
export function lineSplitter(onLine: (line: string) => void): { push(chunk: string): void; flush(): void } {
  let partial = '';
  return {
    push(chunk) {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      if (partial.length > MAX_PARTIAL_CHARS) {
        onLine(partial);
        partial = '';
      }
      for (const line of lines) onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    },
    flush() {
      if (partial) onLine(partial);
      partial = '';
    },
  };
}

/** The last lines of output: at most MAX_LINES lines and MAX_BYTES bytes (UTF-8), long lines cut. */
export class OutputTail {
  private readonly kept: string[] = [];
  private bytes = 0;
  constructor(
    private readonly maxBytes: number,
    private readonly maxLines: number,
  ) {}
  push(line: string): void {
    const cut = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line;
    this.kept.push(cut);
    this.bytes += Buffer.byteLength(cut);
    while (this.kept.length > this.maxLines || (this.bytes > this.maxBytes && this.kept.length > 1))
      this.bytes -= Buffer.byteLength(this.kept.shift()!);
  }
  lines(): string[] {
    return [...this.kept];
  }
}
