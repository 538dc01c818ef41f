import { DEFAULT_TOLERANCE, resolveTolerance, TolerancePicker } from '../compare/tolerance.ts';
import { loadSettings } from '../settings/load.ts';
import { tolerancePlanOf, type TolerancePlan } from '../settings/plans.ts';
import { DEFAULT_IGNORED_METRICS } from '../settings/schema.ts';
import { readConfigFile } from '../settings/config-file.ts';

/** The flags of `repro-check compare` that choose its inputs and tolerance (src/cli/commands/compare.ts). */
export interface CompareFlags {
  /** The positional arguments: BASELINE and CURRENT. */
  files: string[];
  /** The folder relative paths are taken from. */
  cwd: string;
  /** --rtol and --atol as typed (checked by flagProblems). */
  rtol: string | undefined;
  atol: string | undefined;
  exact: boolean;
  /** --config: take tolerance, metric-tolerances and ignore-metrics from this repro.yml. */
  config?: string | undefined;
  /** --sigma K: k of the σ gate against a baseline with a band. */
  sigma?: string | undefined;
}

/** The tolerance `compare` holds the inputs to, and the report's lines saying where it came from. */
export interface ComparePicker {
  tolerances: TolerancePicker;
  /** The tolerance keys as given (the σ gate's keys among them). */
  plan: TolerancePlan;
  ignore: string[];
  lines: string[];
  /** The config file's `step-key`, when it is one key (a map names keys per prefix of `metrics`, which compare has not). */
  stepKey?: string | undefined;
}

/**
 * What is wrong with the arguments, all of it, so that one run names every problem: the count of
 * files, --rtol/--atol/--sigma that are not numbers in range, and flags that exclude each other.
 * Returns one sentence per problem (none: the flags are good).
 */
export function flagProblems(options: CompareFlags): string[] {
  const problems: string[] = [];
  if (options.files.length !== 2)
    problems.push(
      `compare takes two files, BASELINE and CURRENT; got ${options.files.length}${options.files.length > 0 ? ` (${options.files.join(' ')})` : ''}`,
    );
  for (const [flag, text] of [
    ['--rtol', options.rtol],
    ['--atol', options.atol],
  ] as const) {
    if (text !== undefined && toleranceNumber(text) === null)
      problems.push(`${flag} ${text}: expected a number >= 0, e.g. ${flag} 1e-5`);
  }
  const toleranceFlags = [options.rtol !== undefined && '--rtol', options.atol !== undefined && '--atol'].filter(
    (f): f is string => f !== false,
  );
  if (options.sigma !== undefined && !(Number(options.sigma) > 0 && Number.isFinite(Number(options.sigma))))
    problems.push(`--sigma ${options.sigma}: expected a number > 0, e.g. --sigma 4`);
  if (options.config !== undefined && (options.exact || toleranceFlags.length > 0))
    problems.push(
      `--config takes the tolerance from the file; leave out ${[...toleranceFlags, ...(options.exact ? ['--exact'] : [])].join(', ')} with it`,
    );
  else if (options.exact && toleranceFlags.length > 0)
    problems.push(`--exact compares bit for bit; leave out ${toleranceFlags.join(' and ')} with it`);
  return problems;
}

/** A tolerance flag's number, or null when it is not a finite number >= 0. */
function toleranceNumber(text: string): number | null {
  const value = Number(text);
  return text.trim() === '' || !Number.isFinite(value) || value < 0 ? null : value;
}

/**
 * The tolerance for `compare`: from flags, or — with --config — the same keys a `check` uses
 * (tolerance, metric-tolerances, ignore-metrics, and a single step-key), so a trusted workflow that compares evidence
 * from elsewhere (the fork-PR pattern) holds it to the repository's own gate.
 * Run after flagProblems found none.
 * @throws ReproError when the --config file cannot be read; the settings loader's errors for a bad one.
 */
export async function tolerancesFor(options: CompareFlags): Promise<ComparePicker> {
  if (options.config !== undefined) {
    const file = (await readConfigFile({
      dir: options.cwd,
      name: options.config,
      given: true,
      label: `--config ${options.config}`,
      showAbsolute: true,
    }))!;
    const { config } = loadSettings({ file, overrides: [], toleranceKeysOnly: true });
    const plan = tolerancePlanOf(config);
    const tolerance = resolveTolerance(plan.tolerance);
    const source = `tolerance in ${options.config}`;
    return {
      plan,
      tolerances: new TolerancePicker(tolerance, source, plan['metric-tolerances']),
      ignore: plan['ignore-metrics'],
      stepKey: typeof config['step-key'] === 'string' ? config['step-key'] : undefined,
      lines: [
        tolerance.exact
          ? `exact (bit-for-bit) — from ${source}`
          : `rtol ${tolerance.rtol}, atol ${tolerance.atol} — from ${source}`,
        ...Object.entries(plan['metric-tolerances']).map(([glob, o]) => `\`${glob}\`: ${JSON.stringify(o)}`),
      ],
    };
  }
  // flagProblems has checked the flags: a given one is a number here.
  const rtol = options.rtol === undefined ? DEFAULT_TOLERANCE.rtol : toleranceNumber(options.rtol)!;
  const atol = options.atol === undefined ? DEFAULT_TOLERANCE.atol : toleranceNumber(options.atol)!;
  const source = options.exact
    ? '--exact'
    : options.rtol !== undefined || options.atol !== undefined
      ? 'command-line flags'
      : 'default (numpy.allclose)';
  return {
    plan: {
      tolerance: { rtol, atol, exact: options.exact },
      'metric-tolerances': {},
      'ignore-metrics': [...DEFAULT_IGNORED_METRICS],
    },
    tolerances: new TolerancePicker({ rtol, atol, exact: options.exact }, source, {}),
    ignore: [...DEFAULT_IGNORED_METRICS],
    lines: [options.exact ? 'exact (bit-for-bit)' : `rtol ${rtol}, atol ${atol} — from ${source}`],
  };
}
