import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeError, EXIT_DRIFT, EXIT_PASS, InputFileError, ReproError } from '../../errors.ts';
import { readComparableDocument, type ComparableRead } from '../../record/baseline-store.ts';
import { compareMetrics } from '../../compare/compare.ts';
import { sigmaGateOptionsOf } from '../../settings/tolerance.ts';
import { judgeAgainstBand } from '../../compare/sigma-verdict.ts';
import type { RecordDocument } from '../../record/codec.ts';
import type { BaselineJson } from '../../record/types.ts';
import { flagProblems, tolerancesFor, type CompareFlags } from '../compare-flags.ts';
import { verdictToJson } from '../../report/json.ts';
import { defaultReportFormat, renderReport, REPORT_FORMATS, type ReportFormat } from '../report-output.ts';
import type { ReportInput } from '../../report/markdown.ts';
import type { CliIo } from '../io.ts';
import type { CliCommand } from '../command.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';

interface CompareCommandOptions extends CompareFlags {
  include: string[];
  ignore: string[];
  /** --step-key: the key (CSV column) numbering the records of both files. */
  stepKey?: string | undefined;
  format: ReportFormat;
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
        readComparableDocument(existingInput(options.cwd, file), { stepKey: options.stepKey ?? picker.stepKey }),
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
 * FILE (as typed) resolved against CWD. Throws InputFileError when nothing is there, saying so
 * rather than an errno; when FILE holds glob characters, that compare reads one file or folder per
 * side (a quoted glob reaches compare unexpanded).
 */
function existingInput(cwd: string, file: string): string {
  const resolved = path.resolve(cwd, file);
  if (existsSync(resolved)) return resolved;
  const hint = /[*?[\]{}]/.test(file)
    ? `compare reads one file or folder for each side, and "${file}" is a glob: name one file, or the folder holding the logs (a TensorBoard, MLflow or DVCLive folder is read whole). Globs are expanded by \`metrics:\` in repro.yml (repro-check check), or by the shell when unquoted, which gives compare several paths instead of one.`
    : `Check the path; it is taken relative to ${cwd}.`;
  throw new InputFileError(resolved, undefined, 'does not exist', { hint });
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
