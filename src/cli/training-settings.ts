import { ReproError } from '../errors.ts';
import { loadSettings, type LoadedSettings, type SettingsSources } from '../settings/load.ts';
import type { Logger } from '../log.ts';
import type { ModeContext } from '../modes/context.ts';
import type { CommandInput } from './command.ts';
import type { CliIo } from './io.ts';
import { readConfigFile } from '../settings/config-file.ts';

export const DEFAULT_CONFIG_FILE = 'repro.yml';

/**
 * Reads the config file named by --config (or repro.yml in the current directory when it
 * exists) and applies `--set key=value` and `--seed N` over it.
 */
async function settingsFromFlags(options: {
  cwd: string;
  config: string | undefined;
  set: string[];
  seed: string | undefined;
  /** Problems with the other flags (a bad --format), reported together with the settings' own. */
  flagProblems?: string[];
}): Promise<{ settings: LoadedSettings; configPath: string | null }> {
  const name = options.config ?? DEFAULT_CONFIG_FILE;
  const file = await readConfigFile({
    dir: options.cwd,
    name,
    given: options.config !== undefined,
    label: `--config ${name}`,
    showAbsolute: true,
    hint: 'Give the path of a repro.yml, or run where one is.',
  });
  const overrides: SettingsSources['overrides'] = [];
  const flagProblems = [...(options.flagProblems ?? [])];
  for (const assignment of options.set) {
    const equals = assignment.indexOf('=');
    if (equals <= 0) flagProblems.push(`--set ${assignment}: expected key=value, e.g. --set tolerance.rtol=1e-4`);
    else
      overrides.push({
        key: assignment.slice(0, equals),
        value: assignment.slice(equals + 1),
        origin: `--set ${assignment.slice(0, equals)}`,
      });
  }
  if (options.seed !== undefined) overrides.push({ key: 'seed', value: options.seed, origin: '--seed' });
  if (file === null && !overrides.some((o) => o.key === 'command' || o.key.split('.')[0] === 'trainer')) {
    throw new ReproError(
      `No config file found: there is no ${DEFAULT_CONFIG_FILE} in ${options.cwd} (the current directory), and no --config was given`,
      {
        hint: `Pass --config path/to/repro.yml, or create ${DEFAULT_CONFIG_FILE} here, e.g.:\n  command: python train.py --steps 200\n  metrics: "{out}/metrics.jsonl"\n(or, with no Python: trainer: { module: builtin:smoke })`,
      },
    );
  }
  // Every problem at once: malformed flags together with what the settings make of the rest.
  const settings = loadSettings({ file, overrides, problems: flagProblems });
  return { settings, configPath: file ? file.absolutePath : null };
}

/**
 * What the training commands (`check`, `run`, `baseline update`) share: their settings, read
 * from the flags and the config file (every problem at once, flag problems included), and the
 * mode context of a terminal run (training output on stderr, no pull request).
 * Throws SettingsError / ReproError for bad flags or settings.
 */
export async function trainingInvocation(
  input: CommandInput,
  io: CliIo,
  log: Logger,
): Promise<{ settings: LoadedSettings; configPath: string | null; context: ModeContext }> {
  const { values } = input;
  const { settings, configPath } = await settingsFromFlags({
    cwd: io.cwd,
    config: values.config,
    set: values.set,
    seed: values.seed,
    flagProblems: input.flagProblems,
  });
  log.debug(`settings: ${JSON.stringify(settings.config)}`);
  log.debug(`where each setting came from: ${JSON.stringify(settings.origins)}`);
  const context: ModeContext = {
    cwd: io.cwd,
    env: io.env,
    log,
    trainingOutput: { begin: () => undefined, line: (text) => io.stderr(`${text}\n`), end: () => undefined },
    pullRequest: null,
    ...(io.signal ? { signal: io.signal } : {}),
    now: () => new Date(),
  };
  return { settings, configPath, context };
}

/** Refuses positional arguments for a command that takes none. */
export function expectNoArguments(command: string, args: string[]): void {
  if (args.length > 0) throw new ReproError(`${command} takes no arguments; got ${args.join(' ')}`);
}

/**
 * --allow-dirty is for trying a change before committing it. In GitHub Actions (GITHUB_ACTIONS=true)
 * a result gates, so it is refused there, as the action itself has no such input.
 */
export function allowDirtyFlag(given: boolean, env: NodeJS.ProcessEnv): boolean {
  if (given && env.GITHUB_ACTIONS === 'true') {
    throw new ReproError(
      '--allow-dirty is refused in GitHub Actions (GITHUB_ACTIONS=true): a result there gates a pull request and must come from a commit',
      {
        hint: 'Commit the change and push it; use --allow-dirty on your own machine.',
      },
    );
  }
  return given;
}

/**
 * `--runs N` / `--seeds M` (audit, baseline update) are the `audit.runs` / `audit.seeds` settings,
 * validated with the rest: the invocation with them added as `--set` overrides.
 */
export function withAuditCounts(input: CommandInput): CommandInput {
  const { runs, seeds, set } = input.values;
  const counts = [
    ...(runs === undefined ? [] : [`audit.runs=${runs}`]),
    ...(seeds === undefined ? [] : [`audit.seeds=${seeds}`]),
  ];
  return { ...input, values: { ...input.values, set: [...set, ...counts] } };
}
