import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import { copyFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { EXIT_BAD_INPUT, EXIT_DRIFT, EXIT_PASS, ReproError, describeError } from '../errors.ts';
import { streamLogger } from '../log.ts';
import { VERSION } from '../version.ts';
import type { ModeContext } from '../modes/context.ts';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  signal?: AbortSignal;
}

export const USAGE = `repro-check ${VERSION} — reproducibility checks for ML training

Usage:
  repro-check check [--config F] [--set KEY=VALUE]... [--seed N] [--format markdown|json] [-o RECORD.json]
      Refuse an unclean tree, run the seeded training, compare with the baseline, report.
  repro-check baseline update [--config F] [--set KEY=VALUE]... [--seed N]
      Refuse an unclean tree, run the training, write the baseline file (commit it yourself).
  repro-check run [--config F] [--set KEY=VALUE]... [--seed N] [-o RECORD.json]
      Run the training and write its run record, without comparing.
  repro-check compare BASELINE CURRENT [--rtol R] [--atol A] [--exact] [--config F] [--metric GLOB]... [--ignore GLOB]... [--step-key KEY] [--format markdown|json] [-o VERDICT.json]
      Compare two metric files, run records or baselines (told apart by content);
      --step-key names the key (CSV column) that numbers the records of both files.
  repro-check env [--format json|text] [-o FINGERPRINT.json]
      Print this machine's environment fingerprint.

Options:
  --config F        settings file (default: repro.yml in the current directory, when present)
  --set KEY=VALUE   override a setting; dotted keys reach into maps (--set trainer.steps=50)
  --seed N          same as --set seed=N
  -o, --out FILE    also write the machine-readable result to FILE: the run record (check, run),
                    the verdict JSON (compare), the fingerprint JSON (env)
  -v, --verbose     debug output on stderr
  -h, --help        this help;  --version  the version

Exit codes: 0 pass, 1 drift or non-determinism, 2 bad input, bad config, unclean tree or failed training.
`;

const COMMON_OPTIONS = {
  config: { type: 'string' },
  set: { type: 'string', multiple: true, default: [] },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  format: { type: 'string' },
  verbose: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', default: false },
  rtol: { type: 'string' },
  atol: { type: 'string' },
  exact: { type: 'boolean', default: false },
  metric: { type: 'string', multiple: true, default: [] },
  ignore: { type: 'string', multiple: true, default: [] },
  'step-key': { type: 'string' },
} satisfies ParseArgsConfig['options'];

type Parsed = ReturnType<typeof parseArgs<{ options: typeof COMMON_OPTIONS; allowPositionals: true; strict: true; tokens: true }>>;
type OptionName = keyof typeof COMMON_OPTIONS;

/** Each command takes exactly its own options: a flag meant for another command is an error, not silently ignored. */
const COMMAND_OPTIONS: Record<string, OptionName[]> = {
  check: ['config', 'set', 'seed', 'format', 'out', 'verbose'],
  baseline: ['config', 'set', 'seed', 'verbose'],
  run: ['config', 'set', 'seed', 'out', 'verbose'],
  compare: ['rtol', 'atol', 'exact', 'config', 'metric', 'ignore', 'step-key', 'format', 'out', 'verbose'],
  env: ['format', 'out', 'verbose'],
};

/** `-o/--out` for options with a short form, `--config` for the others. */
function optionLabel(name: OptionName): string {
  const short = (COMMON_OPTIONS[name] as { short?: string }).short;
  return short ? `-${short}/--${name}` : `--${name}`;
}

function commandLabel(command: string): string {
  return command === 'baseline' ? 'baseline update' : command;
}

/** The error for flags a command does not take, listing the ones it does. */
function notAnOptionOf(command: string, flags: string[]): ReproError {
  const accepted = COMMAND_OPTIONS[command];
  const what = accepted ? `not an option of \`${commandLabel(command)}\`; it accepts ${accepted.map(optionLabel).join(', ')}` : 'not an option of repro-check';
  return new ReproError(`${flags.join(', ')}: ${what}`, { hint: 'Run `repro-check --help` for every command and its options.' });
}

function refuseForeignOptions(command: string, parsed: Parsed): void {
  const accepted = COMMAND_OPTIONS[command];
  if (!accepted) return;
  const given = new Set(parsed.tokens.filter((t) => t.kind === 'option').map((t) => t.name as OptionName));
  const foreign = [...given].filter((name) => !accepted.includes(name) && name !== 'help' && name !== 'version');
  if (foreign.length > 0) throw notAnOptionOf(command, foreign.map((n) => `--${n}`));
}

/**
 * Parses the command line. A flag no command knows is named together with the options of the
 * command it was given to (node's own message names only the flag); a second, lenient parse
 * finds that command and every unknown flag.
 */
function parseCommandLine(argv: string[]): Parsed {
  try {
    return parseArgs({ args: argv, options: COMMON_OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new ReproError((error as Error).message, { hint: 'Run `repro-check --help` for usage.' });
    const lenient = parseArgs({ args: argv, options: COMMON_OPTIONS, allowPositionals: true, strict: false, tokens: true });
    const unknown = lenient.tokens.flatMap((t) => (t.kind === 'option' && !Object.hasOwn(COMMON_OPTIONS, t.name) ? [t.rawName] : []));
    throw notAnOptionOf(lenient.positionals[0] ?? '', [...new Set(unknown)]);
  }
}

/** Runs one CLI invocation and returns its exit code (DESIGN.md: 0 pass, 1 drift, 2 bad input). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    io.stderr(`repro-check: ${describeError(error)}\n`);
    return EXIT_BAD_INPUT;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_PASS;
  }
  if (values.help || positionals.length === 0) {
    io.stdout(USAGE);
    return positionals.length === 0 && !values.help ? EXIT_BAD_INPUT : EXIT_PASS;
  }
  const log = streamLogger(io.stderr, values.verbose);
  try {
    const [command, ...rest] = positionals;
    refuseForeignOptions(command!, parsed);
    const { format, problem: formatProblem } = parseFormat(values.format, command === 'env' ? ['text', 'json'] : ['markdown', 'json']);
    switch (command) {
      case 'compare': {
        const { runCompareCommand } = await import('./compare-command.ts');
        return await runCompareCommand({ files: rest, cwd: io.cwd, rtol: values.rtol, atol: values.atol, exact: values.exact, include: values.metric, ignore: values.ignore, stepKey: values['step-key'], format: format as 'markdown' | 'json', out: values.out, config: values.config, flagProblems: formatProblem ? [formatProblem] : [] }, io);
      }
      case 'env': {
        expectNoArguments(command, rest);
        if (formatProblem) throw new ReproError(formatProblem);
        const { collectEnvironment, execText } = await import('../env/fingerprint.ts');
        const fingerprint = await collectEnvironment({ cwd: io.cwd, fingerprintPaths: [], env: io.env, exec: execText });
        io.stdout(format === 'json' ? JSON.stringify(fingerprint, null, 2) + '\n' : describeEnvironment(fingerprint));
        if (values.out) await writeFileAtomic(path.resolve(io.cwd, values.out), JSON.stringify(fingerprint, null, 2) + '\n');
        return EXIT_PASS;
      }
      case 'check':
      case 'run':
      case 'baseline':
        return await runTrainingCommand(command, rest, values, { format, problem: formatProblem }, io, log);
      default:
        throw new ReproError(`unknown command "${command}"; accepted: check, baseline update, run, compare, env`);
    }
  } catch (error) {
    log.error(describeError(error));
    return EXIT_BAD_INPUT;
  }
}

async function runTrainingCommand(command: 'check' | 'run' | 'baseline', rest: string[], values: Parsed['values'], { format, problem: formatProblem }: { format: string; problem: string | null }, io: CliIo, log: ReturnType<typeof streamLogger>): Promise<number> {
  if (command === 'baseline') {
    if (rest[0] !== 'update' || rest.length !== 1) throw new ReproError(`baseline takes one subcommand, "update"; got ${rest.join(' ') || 'none'}`);
  } else expectNoArguments(command, rest);
  const { settingsFromFlags } = await import('./settings-from-flags.ts');
  const { settings, configPath } = await settingsFromFlags({ cwd: io.cwd, config: values.config, set: values.set, seed: values.seed, flagProblems: formatProblem ? [formatProblem] : [] });
  log.debug(`settings: ${JSON.stringify(settings.config)}`);
  log.debug(`where each setting came from: ${JSON.stringify(settings.origins)}`);
  const context: ModeContext = {
    cwd: io.cwd,
    env: io.env,
    log,
    trainingOutput: { line: (text) => io.stderr(`${text}\n`), end: () => undefined },
    pullRequest: null,
    ...(io.signal ? { signal: io.signal } : {}),
    now: () => new Date(),
  };
  if (command === 'baseline') {
    const { runBaselineUpdate } = await import('../modes/baseline.ts');
    const result = await runBaselineUpdate(settings, context);
    io.stdout(`Baseline written to ${result.baselineRepoPath}. Commit it:\n  git add ${result.baselineRepoPath} && git commit -m "Update repro-check baseline"\n`);
    return EXIT_PASS;
  }
  if (command === 'run') {
    const { recordOnly } = await import('../modes/record-only.ts');
    const result = await recordOnly(settings, context);
    if (values.out) await copyFile(result.recordPath, path.resolve(io.cwd, values.out));
    io.stdout(`Run record: ${values.out ? path.resolve(io.cwd, values.out) : result.recordPath}\n`);
    return EXIT_PASS;
  }
  const { runCheck } = await import('../modes/check.ts');
  const result = await runCheck({ settings, configPath, onMissingBaseline: 'fail' }, context);
  if (values.out) await copyFile(result.recordPath, path.resolve(io.cwd, values.out));
  if (format === 'json' && result.verdict) {
    const { checkReportToJson } = await import('../report/json.ts');
    io.stdout(JSON.stringify(checkReportToJson({ ...result.report, verdict: result.verdict }), null, 2) + '\n');
  } else io.stdout(result.markdown);
  log.info(`Run record: ${result.recordPath}\nReport: ${result.reportPath}`);
  return result.exitCode === EXIT_DRIFT ? EXIT_DRIFT : result.exitCode;
}

/** The --format value, or the problem with it (reported with the command's other problems). */
function parseFormat(format: string | undefined, accepted: string[]): { format: string; problem: string | null } {
  if (format === undefined || accepted.includes(format)) return { format: format ?? accepted[0]!, problem: null };
  return { format: accepted[0]!, problem: `--format ${format}: not accepted; accepted: ${accepted.join(', ')}` };
}

function expectNoArguments(command: string, rest: string[]): void {
  if (rest.length > 0) throw new ReproError(`${command} takes no arguments; got ${rest.join(' ')}`);
}

function describeEnvironment(fingerprint: import('../record/types.ts').EnvironmentFingerprint): string {
  const lines = [
    `os: ${fingerprint.os.platform} ${fingerprint.os.release} ${fingerprint.os.arch}`,
    `cpu: ${fingerprint.cpu.model} (${fingerprint.cpu.cores} cores)`,
    `node: ${fingerprint.node}`,
    `python: ${fingerprint.python ?? 'not found'}`,
    `gpu: ${fingerprint.gpu ? `driver ${fingerprint.gpu.driver}, CUDA ${fingerprint.gpu.cuda}` : 'none (nvidia-smi not found)'}`,
    ...(fingerprint.gpu?.devices ?? []).map((d) => `  [${d.index}] ${d.name} ${d.uuid}`),
    ...Object.entries(fingerprint.files).map(([file, hash]) => `file ${file}: sha256 ${hash}`),
  ];
  return lines.join('\n') + '\n';
}
