/**
 * Errors that end a command with a known exit code. DESIGN.md's contract:
 * 0 pass, 1 drift, 2 bad input / bad config / unclean tree / failed training.
 * Anything thrown that is not a ReproError is a bug and also exits 2, as "internal error, please
 * report", with its stack only on request (`-v`, the action's debug log).
 */
export const EXIT_PASS = 0;
export const EXIT_DRIFT = 1;
export const EXIT_BAD_INPUT = 2;

/**
 * A problem the user can fix (bad input, a refused setting, a failed training): printed as its
 * message and HINT without a stack, exit 2. CAUSE keeps the underlying error for `-v`.
 */
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

/** Meanings of the errno codes a file operation meets on a runner (errno(3)), for messages without jargon. */
const ERRNO_MEANINGS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** An errno code in words ("no space left on device"), or the code itself when it is not a common one. */
export function errnoMeaning(code: string | undefined): string {
  return (code && ERRNO_MEANINGS[code]) ?? code ?? 'unknown error';
}

/** A file operation that failed on the machine (a full disk, a read-only folder): named by path, not a bug. */
function describeFileSystemError(error: NodeJS.ErrnoException): string | null {
  if (typeof error.code !== 'string' || !/^E[A-Z]+$/.test(error.code) || typeof error.path !== 'string') return null;
  return `${error.path}: ${errnoMeaning(error.code)}${error.syscall ? ` (${error.syscall})` : ''}`;
}

/**
 * The text shown for ERROR: a ReproError's message and hint; a failed file operation as its path
 * and reason; anything else as "internal error, please report", with the stack when STACK is set
 * (the CLI's -v), else a line saying how to see it (STACKHINT: "-v", or the action's debug logging).
 */
export function describeError(error: unknown, options: { stack?: boolean; stackHint?: string } = {}): string {
  if (error instanceof ReproError) return error.hint ? `${error.message}\n${error.hint}` : error.message;
  const fileSystem = error instanceof Error ? describeFileSystemError(error as NodeJS.ErrnoException) : null;
  if (fileSystem) return fileSystem;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const detail =
    options.stack && error instanceof Error && error.stack
      ? `\n${error.stack}`
      : options.stackHint
        ? `\n(${options.stackHint} shows the stack trace)`
        : '';
  return `internal error, please report it at https://github.com/repro-check/repro-check/issues: ${message}${detail}`;
}
