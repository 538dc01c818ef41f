import type { Logger } from '../log.ts';
import type { CliIo } from './io.ts';
import type { OptionName, OptionValues } from './options.ts';

/** One invocation of a command, parsed: what a command's `run` gets. */
export interface CommandInput {
  /** The positional arguments after the command word (and its subcommand, for `baseline update`). */
  args: string[];
  values: OptionValues;
  /** The `--format` value, or the command's first format when none was given. */
  format: string;
  /**
   * Problems already found in the flags (an unaccepted `--format`), for the command to report
   * together with its own, so that one run names every problem.
   */
  flagProblems: string[];
}

/**
 * A CLI command: one module each under `src/cli/commands/`, loaded when it is invoked (or for
 * `--help`). A command imports what it needs to run inside `run`, so that loading it is cheap.
 */
export interface CliCommand {
  /** The command word (`check`); `baseline update` has the word `baseline` and `subcommand` "update". */
  name: string;
  subcommand?: string;
  /** The usage lines shown by `--help`: the synopsis, then an indented one-line description. */
  usage: string;
  /** The options it accepts (`--help`, `--version` are always accepted). */
  options: OptionName[];
  /** The `--format` values it accepts, the default first; none when it takes no `--format`. */
  formats?: readonly string[];
  /** The `--format` when none is given, when it depends on where the output goes (a terminal); else the first of `formats`. */
  defaultFormat?: (io: CliIo) => string;
  /** Runs it and returns the exit code (DESIGN.md: 0 pass, 1 drift, 2 bad input). Throws ReproError for bad input. */
  run(input: CommandInput, io: CliIo, log: Logger): Promise<number>;
}
