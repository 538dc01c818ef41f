/**
 * Errors that end a command with a known exit code. DESIGN.md's contract:
 * 0 pass, 1 drift, 2 bad input / bad config / unclean tree / failed training.
 * Anything thrown that is not a ReproError is a bug and also exits 2, with a stack.
 */
export const EXIT_PASS = 0;
export const EXIT_DRIFT = 1;
export const EXIT_BAD_INPUT = 2;

export class ReproError extends Error {
  /** A short line telling the user what to do next, printed under the message. */
  readonly hint: string | undefined;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReproError';
    this.hint = options.hint;
  }
}

/** A file whose content is not what we accept: names the file and, where known, the line. */
export class InputFileError extends ReproError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`, options);
    this.name = 'InputFileError';
  }
}

export function describeError(error: unknown): string {
  if (error instanceof ReproError) return error.hint ? `${error.message}\n${error.hint}` : error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
