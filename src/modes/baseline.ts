import os from 'node:os';
import path from 'node:path';
import type { LoadedSettings } from '../settings/load.ts';
import { trainingPlanOf } from '../settings/plans.ts';
import type { ModeContext } from './context.ts';
import { prepareRepo, repoRelative } from './repo-state.ts';
import { trainAndRecord, type TrainedRun } from './train.ts';
import { collectRunEnvironment } from './run-environment.ts';
import { isBaselineFile, resolveBaselinePath } from './baseline-location.ts';
import { serializeDocument } from '../record/codec.ts';
import { refuseNewerBaseline } from '../record/baseline-store.ts';
import { ReproError } from '../errors.ts';
import { findNonFiniteValues } from '../compare/non-finite.ts';
import { formatValue } from '../report/format.ts';
import type { MetricData } from '../metrics/series.ts';
import { BASELINE_KIND, BASELINE_SCHEMA_VERSION, type BaselineJson } from '../record/types.ts';
import { checkWritable, writeFileAtomic } from '../fs/atomic-write.ts';
import { requireBranch } from '../git/provenance.ts';
import type { ReproConfig } from '../settings/schema.ts';
import { auditOptionsOf, trainRepeats, type RepeatedRun } from './audit.ts';
import { analyseAudit } from '../audit/analyse.ts';
import { encodeBand } from '../record/band.ts';

export interface BaselineResult {
  /** Where the new baseline was written: in the checkout, or the run's output folder under `keepCheckoutClean`. */
  baselinePath: string;
  baselineRepoPath: string;
  content: string;
  branch: string;
  trained: TrainedRun;
}

export interface BaselineOptions {
  /** Refusals that depend on the branch (the action's default-branch rule), run before the training. */
  beforeTraining?: (branch: string) => void | Promise<void>;
  /**
   * Leave the checkout as it was found (the action: its commit is built apart from the working
   * tree): the baseline is written into the run's output folder instead, and `baselinePath` names
   * that copy. Default false: the CLI writes it in place for the user to commit.
   */
  keepCheckoutClean?: boolean;
}

/**
 * `baseline update`: gate the tree (on a branch: a baseline is committed), train once, and
 * write the baseline with its provenance. With `audit.seeds` > 0 (`--seeds M`) it trains as the
 * audit does and adds the seed and same-seed bands and the level reached (a statistical
 * baseline). An existing baseline of a newer schema is refused and left as it is.
 * @returns where the baseline was written, its repository path, its text, the branch, and the run.
 * @throws ReproError for an unclean tree, a detached HEAD, a newer baseline, an unwritable path,
 * a failed training, or non-finite metrics not allowed by `allow-non-finite`.
 */
export async function runBaselineUpdate(
  settings: LoadedSettings,
  context: ModeContext,
  options: BaselineOptions = {},
): Promise<BaselineResult> {
  const config = settings.config;
  const repo = await prepareRepo(config, context, {
    ignore: (repoPath) => isBaselineFile(config.baseline, config['working-directory'], repoPath),
  });
  const branch = await requireBranch(repo.repo);
  await options.beforeTraining?.(branch);
  const plan = trainingPlanOf(config);
  const environment = await collectRunEnvironment(plan, repo, context);
  const baselinePath = path.resolve(
    repo.workDir,
    resolveBaselinePath(config.baseline, environment, context.env, os.hostname()),
  );
  // Before the training: a baseline this version must not overwrite is known in seconds.
  await refuseNewerBaseline(baselinePath);
  const label = `the baseline ${repoRelative(repo, baselinePath)}`;
  // A read-only folder or a full disk is found now, in seconds, not after the training. (Under
  // keepCheckoutClean the baseline goes to the run's output folder, which the training writes to.)
  if (!options.keepCheckoutClean) await checkWritable(baselinePath, label);
  // A statistical baseline (`--seeds M`): the audit's runs, whose bands the σ gate judges later runs by.
  const repeats =
    config.audit.seeds > 0
      ? await trainRepeats(plan, repo, context, { sameSeed: config.audit.runs, seeds: config.audit.seeds })
      : null;
  const trained = repeats ? repeats.runs[0]!.trained : await trainAndRecord(plan, repo, context, environment);
  refuseNonFiniteMetrics(trained.data, config['ignore-metrics'], config['allow-non-finite']);
  return context.log.group('Writing the baseline', async () => {
    const baseline: BaselineJson = {
      kind: BASELINE_KIND,
      schemaVersion: BASELINE_SCHEMA_VERSION,
      createdAt: context.now().toISOString(),
      runs: [trained.record],
      ...(repeats ? statisticalBlocks(config, repeats.runs, context) : {}),
    };
    const content = serializeDocument(baseline);
    const baselineRepoPath = repoRelative(repo, baselinePath);
    const written = options.keepCheckoutClean ? path.join(trained.outDir, path.basename(baselinePath)) : baselinePath;
    await writeFileAtomic(written, content, options.keepCheckoutClean ? written : label);
    context.log.info(
      `Wrote ${options.keepCheckoutClean ? `the new ${baselineRepoPath} to ${written}` : baselineRepoPath} from commit ${trained.record.provenance.commit.slice(0, 12)} on ${branch}`,
    );
    return { baselinePath: written, baselineRepoPath, content, branch, trained };
  });
}

/** The band and level blocks from a baseline's repeated runs: run 0 and the other seeds make the seed band. */
function statisticalBlocks(
  config: ReproConfig,
  runs: RepeatedRun[],
  context: ModeContext,
): Pick<BaselineJson, 'band' | 'level'> {
  const member = (run: RepeatedRun) => ({
    source: `${run.kind} run ${run.index}, seed ${run.seed}`,
    seed: run.seed,
    data: run.data,
  });
  const same = runs.filter((r) => r.kind === 'same-seed');
  const ignore = config['ignore-metrics'];
  const findings = analyseAudit(runs, auditOptionsOf(config, context.env));
  for (const warning of findings.warnings) context.log.warning(warning);
  context.log.info(
    `Level reached over ${same.length} same-seed runs and ${runs.length - same.length + 1} seeds: ${findings.level}`,
  );
  return {
    band: {
      seed: encodeBand([same[0]!, ...runs.filter((r) => r.kind === 'seed')].map(member), ignore),
      sameSeed: encodeBand(same.map(member), ignore),
    },
    ...(findings.level === 'not reproducible' ? {} : { level: findings.level }),
  };
}

/** A diverged run (NaN or ±Infinity in a compared metric) is not written as the baseline, unless `allow-non-finite` names the metric. */
function refuseNonFiniteMetrics(data: MetricData, ignore: readonly string[], allow: readonly string[]): void {
  const found = findNonFiniteValues(data, { ignore, allow });
  if (found.length === 0) return;
  const listed = found
    .slice(0, 5)
    .map(
      ({ name, step, value }) =>
        `\`${name}\` is ${formatValue(value)}${step === null ? ' (final value)' : ` at step ${step}`}`,
    );
  const more = found.length > listed.length ? `, and ${found.length - listed.length} more` : '';
  throw new ReproError(
    `The run's metrics hold non-finite values: ${listed.join('; ')}${more}. A baseline recorded from a diverged run would pass every run that diverges the same way; none was written.`,
    {
      hint: 'Fix the training (it diverged), or, where NaN/Infinity is expected (a gradient norm under fp16 loss scaling), list the metric in `allow-non-finite` (globs), e.g. allow-non-finite: ["grad_norm"].',
    },
  );
}
