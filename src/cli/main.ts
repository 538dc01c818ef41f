import { parseArgs } from 'node:util';
import { EXIT_BAD_INPUT, EXIT_PASS, ReproError, describeError } from '../errors.ts';
import { streamLogger } from '../log.ts';
import { VERSION } from '../version.ts';
import type { CliCommand } from './command.ts';
import type { CliIo } from './io.ts';
import { OPTIONS, optionLabel, type OptionName, type OptionValues } from './options.ts';
import { errorToJson, wantsJson } from './report-output.ts';

/**
 * The commands, by command word. A new command is a module under `commands/` exporting
 * `command: CliCommand`, plus one line here; its module is loaded only when it is invoked.
 */
const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  check: () => import('./commands/check.ts'),
  baseline: () => import('./commands/baseline.ts'),
  run: () => import('./commands/run.ts'),
  compare: () => import('./commands/compare.ts'),
  env: () => import('./commands/env.ts'),
  fingerprint: () => import('./commands/fingerprint.ts'),
  'diff-weights': () => import('./commands/diff-weights.ts'),
  merge: () => import('./commands/merge.ts'),
  audit: () => import('./commands/audit.ts'),
  band: () => import('./commands/band.ts'),
  aggregate: () => import('./commands/aggregate.ts'),
};

const OPTIONS_HELP = `Options:
  --config F        settings file (default: repro.yml in the current directory, when present)
  --set KEY=VALUE   override a setting; dotted keys reach into maps (--set trainer.steps=50)
  --seed N          same as --set seed=N
  -o, --out FILE    also write the machine-readable result to FILE: the run record (check, run),
                    the verdict JSON (compare, diff-weights, audit), the fingerprint JSON (env,
                    fingerprint); the merged checkpoint (merge)
  --allow-dirty     check, run: try uncommitted changes; the record says dirty (paths, diff hash)
                    and the report says the result cannot gate (refused in GitHub Actions)
  --html FILE       also write the self-contained HTML report (check, compare): every curve, zoomable
  --format          text (the default on a terminal: colours unless NO_COLOR, charts), markdown (the
                    default into a pipe or file), json (one object on every exit, errors included)
  -v, --verbose     debug output on stderr
  -h, --help        this help;  --version  the version

Exit codes: 0 pass, 1 drift or non-determinism, 2 bad input, bad config, unclean tree or failed training.
`;

/** The `--help` text: every command's usage, in registry order. */
export async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).command));
  const lines = commands.map((c) => `  ${c.usage.replace(/\n/g, '\n  ')}`).join('\n');
  return `repro-check ${VERSION} — reproducibility checks for ML training\n\nUsage:\n${lines}\n\n${OPTIONS_HELP}`;
}

function commandLabel(command: CliCommand): string {
  return command.subcommand ? `${command.name} ${command.subcommand}` : command.name;
}

/** The error for flags a command does not take, listing the ones it does. */
function notAnOptionOf(command: CliCommand | null, flags: string[]): ReproError {
  const what = command
    ? `not an option of \`${commandLabel(command)}\`; it accepts ${command.options.map(optionLabel).join(', ')}`
    : 'not an option of repro-check';
  return new ReproError(`${flags.join(', ')}: ${what}`, {
    hint: 'Run `repro-check --help` for every command and its options.',
  });
}

interface Invocation {
  values: OptionValues;
  positionals: string[];
  /** Every option given, by its name in OPTIONS, or its raw form when OPTIONS lacks it. */
  given: string[];
  unknown: string[];
}

/**
 * Parses the command line against the whole catalogue, leniently, so that an unknown flag can be
 * named together with the options of the command it was given to (node's own message names only
 * the flag). Throws ReproError for a malformed option (a missing value).
 */
function parseCommandLine(argv: string[]): Invocation {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  } catch (error) {
    throw new ReproError((error as Error).message, { hint: 'Run `repro-check --help` for usage.' });
  }
  const options = parsed.tokens.flatMap((t) => (t.kind === 'option' ? [t] : []));
  const unknown = options.filter((t) => !Object.hasOwn(OPTIONS, t.name)).map((t) => t.rawName);
  // strict: false lets a string option go without its value (it becomes `true`): refuse that here.
  for (const t of options) {
    if (Object.hasOwn(OPTIONS, t.name) && OPTIONS[t.name as OptionName].type === 'string' && t.value === undefined) {
      throw new ReproError(`Option '${t.rawName} <value>' argument missing`, {
        hint: 'Run `repro-check --help` for usage.',
      });
    }
    if (Object.hasOwn(OPTIONS, t.name) && OPTIONS[t.name as OptionName].type === 'boolean' && t.inlineValue) {
      throw new ReproError(`Option '${t.rawName}' does not take an argument`, {
        hint: 'Run `repro-check --help` for usage.',
      });
    }
  }
  return {
    values: parsed.values as unknown as OptionValues,
    positionals: parsed.positionals,
    given: [...new Set(options.map((t) => t.name))],
    unknown: [...new Set(unknown)],
  };
}

/** The --format value, or the problem with it (reported with the command's other problems). */
function parseFormat(
  format: string | undefined,
  accepted: readonly string[],
  fallback: string,
): { format: string; problems: string[] } {
  if (format === undefined || accepted.includes(format)) return { format: format ?? fallback, problems: [] };
  return { format: fallback, problems: [`--format ${format}: not accepted; accepted: ${accepted.join(', ')}`] };
}

/** With --format json, exit 2 still prints one JSON object on stdout (the message also went to stderr). */
function printErrorJson(argv: string[], error: unknown, io: CliIo): void {
  if (wantsJson(argv)) io.stdout(JSON.stringify(errorToJson(error), null, 2) + '\n');
}

/** Runs one CLI invocation and returns its exit code (DESIGN.md: 0 pass, 1 drift, 2 bad input). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let invocation: Invocation;
  try {
    invocation = parseCommandLine(argv);
  } catch (error) {
    io.stderr(`repro-check: ${describeError(error, { stackHint: '-v' })}\n`);
    printErrorJson(argv, error, io);
    return EXIT_BAD_INPUT;
  }
  const { values, positionals } = invocation;
  if (values.version && invocation.unknown.length === 0) {
    io.stdout(`${VERSION}\n`);
    return EXIT_PASS;
  }
  if ((values.help || positionals.length === 0) && invocation.unknown.length === 0) {
    io.stdout(await usage());
    return positionals.length === 0 && !values.help ? EXIT_BAD_INPUT : EXIT_PASS;
  }
  const log = streamLogger(io.stderr, values.verbose);
  try {
    const [word, ...rest] = positionals;
    const load = word !== undefined && Object.hasOwn(COMMANDS, word) ? COMMANDS[word] : undefined;
    const command = load ? (await load()).command : null;
    if (invocation.unknown.length > 0) throw notAnOptionOf(command, invocation.unknown);
    if (!command) {
      throw new ReproError(
        `unknown command "${word}"; accepted: ${Object.keys(COMMANDS)
          .map((w) => (w === 'baseline' ? 'baseline update' : w))
          .join(', ')}`,
      );
    }
    const foreign = invocation.given.filter(
      (name) => !command.options.includes(name as OptionName) && name !== 'help' && name !== 'version',
    );
    if (foreign.length > 0)
      throw notAnOptionOf(
        command,
        foreign.map((n) => `--${n}`),
      );
    let args = rest;
    if (command.subcommand) {
      if (rest[0] !== command.subcommand) {
        throw new ReproError(
          `${command.name} takes one subcommand, "${command.subcommand}"; got ${rest.join(' ') || 'none'}`,
        );
      }
      args = rest.slice(1);
    }
    const formats = command.formats ?? [];
    const { format, problems } = parseFormat(values.format, formats, command.defaultFormat?.(io) ?? formats[0] ?? '');
    return await command.run({ args, values, format, flagProblems: problems }, io, log);
  } catch (error) {
    log.error(describeError(error, { stack: values.verbose, stackHint: '-v' }));
    printErrorJson(argv, error, io);
    return EXIT_BAD_INPUT;
  }
}
