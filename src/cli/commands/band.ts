import path from 'node:path';
import type { CliIo } from '../io.ts';
import type { CliCommand, CommandInput } from '../command.ts';
import { EXIT_DRIFT, EXIT_PASS, ReproError } from '../../errors.ts';
import { loadSettings, type LoadedSettings } from '../../settings/load.ts';
import { configSchema, DEFAULT_IGNORED_METRICS } from '../../settings/schema.ts';
import { writeFileAtomic } from '../../fs/atomic-write.ts';
import { serializeDocument } from '../../record/codec.ts';
import { readConfigFile } from '../../settings/config-file.ts';

interface BandCommandOptions {
  command: 'band' | 'aggregate';
  files: string[];
  out: string | undefined;
  config: string | undefined;
  recommend: boolean;
  crossSeed: boolean;
  margin: string | undefined;
  format: 'markdown' | 'json';
  flagProblems: string[];
}

/**
 * `repro-check band RUN... -o BASELINE.json [--recommend]`: a statistical baseline from metric
 * files or run records made elsewhere. `repro-check aggregate RECORD... -o OUT`: the same from
 * run records of a job matrix, plus the audit's verdict on them (level reached, exit 1 below
 * `audit.expect`). --config supplies ignore-metrics, the σ gate keys and audit.expect.
 */
async function runBandCommand(options: BandCommandOptions, io: CliIo): Promise<number> {
  const problems = [...options.flagProblems];
  if (options.files.length < 2)
    problems.push(
      `${options.command} takes two or more ${options.command === 'band' ? 'runs (metric files or run records)' : 'run records'}; got ${options.files.length}`,
    );
  if (!options.out)
    problems.push(`${options.command}: -o BASELINE.json is required (where the baseline with the band is written)`);
  const margin = options.margin === undefined ? 2 : Number(options.margin);
  if (!(margin >= 1) || !Number.isFinite(margin))
    problems.push(`--margin ${options.margin}: expected a number >= 1, e.g. --margin 2`);
  if (options.command === 'aggregate' && (options.recommend || options.crossSeed || options.margin !== undefined))
    problems.push('--recommend, --cross-seed and --margin belong to `band`');
  if (problems.length > 0)
    throw new ReproError(
      problems.length === 1
        ? problems[0]!
        : `${problems.length} problems with the arguments:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );

  const settings = await settingsOf(options.config, io.cwd);
  const ignore = settings?.config['ignore-metrics'] ?? DEFAULT_IGNORED_METRICS;
  const { readAggregateInputs, bandBaseline, splitRuns } = await import('../../modes/aggregate.ts');
  const inputs = await readAggregateInputs(options.files.map((f) => path.resolve(io.cwd, f)));
  const createdAt = new Date().toISOString();

  if (options.command === 'band') {
    const outFile = path.resolve(io.cwd, options.out!);
    const { same, seeds } = splitRuns(inputs);
    await writeFileAtomic(outFile, serializeDocument(bandBaseline(inputs, ignore, createdAt)));
    io.stderr(
      `Wrote ${options.out}: seed band of ${seeds.length + 1} runs${same.length >= 2 ? `, same-seed band of ${same.length}` : ''}.\n`,
    );
    if (options.recommend) {
      const { recommendTolerances } = await import('../../audit/recommend.ts');
      const crossSeed = options.crossSeed || same.length < 2;
      const compared = [...same.slice(1), ...(crossSeed ? seeds : [])].map((i) => i.member.data);
      const what = crossSeed
        ? same.length < 2
          ? 'runs (cross-seed: no same-seed repeats were given)'
          : 'same-seed and cross-seed runs'
        : 'same-seed runs';
      io.stdout(recommendTolerances(same[0]!.member.data, compared, { margin, ignore, what }));
    }
    return EXIT_PASS;
  }

  // Without --config: every key's schema default (the training keys are not needed here).
  const { runAggregate } = await import('../../modes/aggregate.ts');
  const result = runAggregate(inputs, settings?.config ?? configSchema.parse({}), io.env, createdAt);
  // As the action's `baseline`, -o may keep one baseline per kind of hardware: {gpu} and {runner} come from the records.
  const { resolveRecordsBaselinePath } = await import('../../modes/baseline-location.ts');
  const aggregateOut = path.resolve(
    io.cwd,
    resolveRecordsBaselinePath(
      options.out!,
      inputs.map((i) => i.record!),
      '-o',
    ),
  );
  await writeFileAtomic(aggregateOut, serializeDocument(result.baseline));
  io.stderr(`Wrote ${path.relative(io.cwd, aggregateOut) || aggregateOut}.\n`);
  const { auditToJson, renderAuditMarkdown } = await import('../../report/audit.ts');
  io.stdout(
    options.format === 'json'
      ? JSON.stringify(auditToJson(result.report), null, 2) + '\n'
      : renderAuditMarkdown(result.report),
  );
  return result.report.findings.reached ? EXIT_PASS : EXIT_DRIFT;
}

async function settingsOf(config: string | undefined, cwd: string): Promise<LoadedSettings | null> {
  if (config === undefined) return null;
  const file = await readConfigFile({
    dir: cwd,
    name: config,
    given: true,
    label: `--config ${config}`,
    showAbsolute: true,
  });
  return loadSettings({ file, overrides: [] });
}

/** The options of one invocation of `band` or `aggregate`, for runBandCommand. */
function bandOptions(
  name: 'band' | 'aggregate',
  { args, values, format, flagProblems }: CommandInput,
): BandCommandOptions {
  return {
    command: name,
    files: args,
    out: values.out,
    config: values.config,
    recommend: values.recommend,
    crossSeed: values['cross-seed'],
    margin: values.margin,
    format: format as 'markdown' | 'json',
    flagProblems,
  };
}

export const command: CliCommand = {
  name: 'band',
  usage: `repro-check band RUN... -o BASELINE.json [--config F] [--recommend [--cross-seed] [--margin X]]
    A statistical baseline (seed and same-seed bands) from metric files or run records made
    elsewhere; --recommend prints a metric-tolerances: block that passes every same-seed run.`,
  options: ['out', 'config', 'recommend', 'cross-seed', 'margin', 'verbose'],
  run: (input, io) => runBandCommand(bandOptions('band', input), io),
};

/** `aggregate`: the same reading of run records, plus the audit's verdict (src/cli/commands/aggregate.ts registers it). */
export const aggregateCommand: CliCommand = {
  name: 'aggregate',
  usage: `repro-check aggregate RECORD... -o BASELINE.json [--config F] [--format markdown|json]
    The band and the audit's verdict from run records of a job matrix (exit 1 below audit.expect).`,
  options: ['out', 'config', 'format', 'verbose'],
  formats: ['markdown', 'json'],
  run: (input, io) => runBandCommand(bandOptions('aggregate', input), io),
};
