/**
 * The logging surface the mode functions use. The action passes one over @actions/core
 * (groups, annotations, debug); the CLI passes one over stderr; tests pass a recorder.
 */
export interface Logger {
  info(message: string): void;
  warning(message: string, where?: { file?: string; line?: number; title?: string }): void;
  error(message: string): void;
  debug(message: string): void;
  group<T>(name: string, body: () => Promise<T>): Promise<T>;
}

/** A Logger writing plain lines through WRITE (the CLI's stderr): warnings prefixed `warning:` with their file and line, debug lines only when VERBOSE, groups as a heading line. */
export function streamLogger(write: (text: string) => void, verbose = false): Logger {
  return {
    info: (message) => write(`${message}\n`),
    warning: (message, where) =>
      write(`warning: ${where?.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : ''}${message}\n`),
    error: (message) => write(`error: ${message}\n`),
    debug: (message) => {
      if (verbose) write(`debug: ${message}\n`);
    },
    group: async (name, body) => {
      write(`── ${name}\n`);
      return body();
    },
  };
}
