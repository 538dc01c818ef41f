import { InputFileError, ReproError } from '../errors.ts';
import type { ReportInput } from '../report/markdown.ts';
import type { CliIo } from './io.ts';

/** How `check` and `compare` print their report: `text` for people at a terminal, `markdown` for pipes and files. */
export type ReportFormat = 'text' | 'markdown' | 'json';
export const REPORT_FORMATS: ReportFormat[] = ['text', 'markdown', 'json'];

/** `text` when stdout is a terminal, `markdown` otherwise (a pipe, a file, a CI log). */
export function defaultReportFormat(io: Pick<CliIo, 'terminal'>): ReportFormat {
  return io.terminal ? 'text' : 'markdown';
}

/**
 * Colour only on a terminal and never with NO_COLOR set to anything but the empty string
 * (no-color.org); `--format text` into a pipe is plain.
 */
export function terminalOptions(io: Pick<CliIo, 'terminal' | 'env'>): { colour: boolean; columns: number } {
  const noColour = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return { colour: !!io.terminal && !noColour, columns: io.terminal?.columns ?? 100 };
}

/**
 * The report as text or markdown (`json` is each command's own object, printed by the command).
 * The renderers load on use, so that `repro-check --version` does not pay for them.
 */
export async function renderReport(
  input: ReportInput,
  format: 'text' | 'markdown',
  io: Pick<CliIo, 'terminal' | 'env'>,
  maxChars?: number,
): Promise<string> {
  if (format === 'text') return (await import('../report/terminal.ts')).renderTerminal(input, terminalOptions(io));
  return (await import('../report/markdown.ts')).renderMarkdown(input, maxChars);
}

/** `--format json` on exit 2: DESIGN.md's error object, so a script reads one JSON object on every exit. */
export interface ErrorJson {
  status: 'error';
  error: { message: string; hint: string | null; file: string | null; line: number | null };
}

/** The JSON error object for ERROR (a ReproError's message and hint; an InputFileError's file and line; anything else as its message). Pure; never throws. */
export function errorToJson(error: unknown): ErrorJson {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'error',
    error: {
      message,
      hint: error instanceof ReproError ? (error.hint ?? null) : null,
      file: error instanceof InputFileError ? error.file : null,
      line: error instanceof InputFileError ? (error.line ?? null) : null,
    },
  };
}

/**
 * Whether the command line asks for JSON, read without the parser (which may be what failed), so
 * that even an unknown flag is answered with the error object.
 */
export function wantsJson(argv: readonly string[]): boolean {
  return argv.some((arg, i) => arg === '--format=json' || (arg === '--format' && argv[i + 1] === 'json'));
}
