import path from 'node:path';
import { describeError, EXIT_DRIFT, EXIT_PASS, ReproError } from '../../errors.ts';
import { readComparableDocument } from '../../metrics/collect.ts';
import { compareMetrics } from '../../compare/compare.ts';
import { DEFAULT_TOLERANCE, resolveTolerance, TolerancePicker } from '../../compare/tolerance.ts';
import { loadSettings } from '../../settings/load.ts';
import { sigmaGateOptionsOf } from '../../settings/tolerance.ts';
import { tolerancePlanOf, type TolerancePlan } from '../../settings/plans.ts';
import { judgeAgainstBand } from '../../compare/sigma-verdict.ts';
import type { RecordDocument } from '../../record/codec.ts';
import type { BaselineJson } from '../../record/types.ts';
import { readFile } from 'node:fs/promises';
import { DEFAULT_IGNORED_METRICS } from '../../settings/schema.ts';
import { verdictToJson } from '../../report/json.ts';
import { defaultReportFormat, renderReport, REPORT_FORMATS, type ReportFormat } from '../report-output.ts';
import type { ReportInput } from '../../report/markdown.ts';
import type { CliIo } from '../io.ts';
import type { CliCommand } from '../command.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';

interface CompareCommandOptions {
  /** The positional arguments: BASELINE and CURRENT. */
  files: string[];
  cwd: string;
  rtol: string | undefined;
  atol: string | undefined;
  exact: boolean;
  include: string[];
  ignore: string[];
  /** --step-key: the key (CSV column) numbering the records of both files. */
  stepKey?: string | undefined;
  format: ReportFormat;
  /** --config: take tolerance, metric-tolerances and ignore-metrics from this repro.yml. */
  config?: string | undefined;
  /** --sigma K: k of the σ gate against a baseline with a band. */
  sigma?: string | undefined;
  /** -o: also write the verdict JSON here. */
  out?: string | undefined;
  /** --html: also write the self-contained HTML report here. */
  html?: string | undefined;
  /** Problems the caller found in other flags (a bad --format), reported with these. */
  flagProblems?: string[];
}

/** `repro-check compare BASELINE CURRENT`: DESIGN.md's contract, exit 0 pass / 1 drift / 2 bad input. */
async function runCompareCommand(options: CompareCommandOptions, io: CliIo): Promise<number> {
  // Every flag problem at once, before any file is read.
  const problems = [...(options.flagProblems ?? []), ...flagProblems(options)];
  if (problems.length === 1) throw new ReproError(problems[0]!);
  if (problems.length > 1)
    throw new ReproError(
      `${problems.length} problems with the arguments:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  const [baselineFile, currentFile] = options.files as [string, string];
  const picker = await tolerancesFor(options);
  const [baselineRead, currentRead] = readBothInputs(
    [baselineFile, currentFile].map(
      (file) => () =>
        readComparableDocument(path.resolve(options.cwd, file), { stepKey: options.stepKey ?? picker.stepKey }),
    ) as [() => ComparableRead, () => ComparableRead],
  );
  const [baseline, current] = [baselineRead.data, currentRead.data];
  // Wall-clock fields are ignored by default (DESIGN.md), or as the config says; --ignore adds to that list.
  const ignore = [...picker.ignore, ...options.ignore];
  const plain = compareMetrics(baseline, current, { tolerances: picker.tolerances, include: options.include, ignore });
  const banded = bandedBaseline(baselineRead.document, currentRead.document);
  const sigmaOptions = sigmaGateOptionsOf(
    {
      tolerance: {
        ...picker.plan.tolerance,
        ...(options.sigma === undefined ? {} : { sigma: Number(options.sigma), 'false-alarm-rate': undefined }),
      },
      'metric-tolerances': picker.plan['metric-tolerances'],
      'ignore-metrics': ignore,
    },
    picker.tolerances,
  );
  const judged = banded
    ? judgeAgainstBand(plain, banded.baseline, baselineFile, current, banded.currentSeed, {
        ...sigmaOptions,
        include: options.include,
      })
    : { verdict: plain, lines: [] };
  const verdict = judged.verdict;
  picker.lines.push(...judged.lines);
  const report: ReportInput = {
    outcome: verdict.status,
    verdict,
    baselineData: baseline,
    currentData: current,
    runLabel: currentFile,
    baselineLabel: baselineFile,
    toleranceLines: picker.lines,
    environmentDifferences: [],
    checkpointLines: [],
    notes: [],
  };
  if (options.out)
    await writeFileAtomic(
      path.resolve(options.cwd, options.out),
      JSON.stringify(verdictToJson(verdict), null, 2) + '\n',
    );
  if (options.html) {
    const [{ renderHtml }, { loadChartLibrary }] = await Promise.all([
      import('../../report/html.ts'),
      import('../../report/chart-library.ts'),
    ]);
    await writeFileAtomic(path.resolve(options.cwd, options.html), renderHtml(report, await loadChartLibrary()));
  }
  if (options.format === 'json') io.stdout(JSON.stringify(verdictToJson(verdict)) + '\n');
  else io.stdout(await renderReport(report, options.format, io, Infinity));
  return verdict.status === 'pass' ? EXIT_PASS : EXIT_DRIFT;
}

/**
 * Reads BASELINE then CURRENT. When both are bad, both problems are named, baseline first:
 * fixing one file only to be told about the other wastes a round trip.
 */
function readBothInputs(readers: [() => ComparableRead, () => ComparableRead]): [ComparableRead, ComparableRead] {
  const results = readers.map((read) => {
    try {
      return { data: read() };
    } catch (error) {
      if (!(error instanceof ReproError)) throw error;
      return { error };
    }
  });
  const errors = results.flatMap((result, index) =>
    'error' in result ? [{ error: result.error!, which: index === 0 ? 'BASELINE' : 'CURRENT' }] : [],
  );
  // The same file given twice (or two files broken alike) is one problem, said once.
  if (
    errors.length === 1 ||
    (errors.length === 2 && describeError(errors[0]!.error) === describeError(errors[1]!.error))
  )
    throw errors[0]!.error;
  if (errors.length === 2) {
    throw new ReproError(
      `both inputs are bad:\n${errors.map(({ error, which }) => `  - ${which}: ${describeError(error).replace(/\n/g, '\n    ')}`).join('\n')}`,
    );
  }
  return [results[0]!.data!, results[1]!.data!];
}

interface ComparePicker {
  tolerances: TolerancePicker;
  /** The tolerance keys as given (the σ gate's keys among them). */
  plan: TolerancePlan;
  ignore: string[];
  lines: string[];
  /** The config file's `step-key`, when it is one key (a map names keys per prefix of `metrics`, which compare has not). */
  stepKey?: string | undefined;
}

/** What is wrong with the arguments, all of it, so that one run names every problem. */
function flagProblems(options: CompareCommandOptions): string[] {
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
 */
async function tolerancesFor(options: CompareCommandOptions): Promise<ComparePicker> {
  if (options.config !== undefined) {
    const file = path.resolve(options.cwd, options.config);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ReproError(`--config ${options.config}: cannot read ${file} (${error.code ?? error.message})`);
    });
    const { config } = loadSettings({ file: { path: options.config, text }, overrides: [], toleranceKeysOnly: true });
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

type ComparableRead = ReturnType<typeof readComparableDocument>;

/**
 * The baseline when BASELINE is a baseline with a band, with the seed of CURRENT when it is a
 * run record (which band judges it: src/record/band.ts); null otherwise. Pure: the documents are
 * the ones readComparableDocument already read.
 */
function bandedBaseline(
  baseline: RecordDocument | null,
  current: RecordDocument | null,
): { baseline: BaselineJson; currentSeed: number | null } | null {
  if (baseline?.kind !== 'baseline' || !baseline.baseline.band) return null;
  return {
    baseline: baseline.baseline,
    currentSeed: current?.kind === 'run-record' ? current.record.provenance.seed : null,
  };
}

export const command: CliCommand = {
  name: 'compare',
  usage: `repro-check compare BASELINE CURRENT [--rtol R] [--atol A] [--exact] [--sigma K] [--config F] [--metric GLOB]... [--ignore GLOB]... [--step-key KEY] [--format text|markdown|json] [-o VERDICT.json] [--html REPORT.html]
    Compare two metric files or log folders (TensorBoard, MLflow), run records or baselines (told apart by content);
    --step-key names the key (CSV column) that numbers the records of both files; against a baseline with a band
    the σ gate decides (--sigma K; rtol/atol stay the floor).`,
  options: [
    'rtol',
    'atol',
    'exact',
    'sigma',
    'config',
    'metric',
    'ignore',
    'step-key',
    'format',
    'out',
    'html',
    'verbose',
  ],
  formats: REPORT_FORMATS,
  defaultFormat: defaultReportFormat,
  run: ({ args, values, format, flagProblems }, io) =>
    runCompareCommand(
      {
        files: args,
        cwd: io.cwd,
        rtol: values.rtol,
        atol: values.atol,
        exact: values.exact,
        include: values.metric,
        ignore: values.ignore,
        stepKey: values['step-key'],
        format: format as ReportFormat,
        html: values.html,
        sigma: values.sigma,
        out: values.out,
        config: values.config,
        flagProblems,
      },
      io,
    ),
};
