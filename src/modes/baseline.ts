import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { LoadedSettings } from '../settings/load.ts';
import type { ModeContext } from './context.ts';
import { prepareRepo, repoRelative } from './repo-state.ts';
import { collectRunEnvironment, trainAndRecord, type TrainedRun } from './train.ts';
import { resolveBaselinePath } from './baseline-location.ts';
import { isReproDocument, serializeDocument } from '../record/codec.ts';
import { InputFileError, ReproError } from '../errors.ts';
import { findNonFiniteValues } from '../compare/non-finite.ts';
import { formatValue } from '../report/format.ts';
import type { MetricData } from '../metrics/series.ts';
import { BASELINE_KIND, BASELINE_SCHEMA_VERSION, type BaselineJson } from '../record/types.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { requireBranch } from '../git/provenance.ts';

export interface BaselineResult {
  baselinePath: string;
  baselineRepoPath: string;
  content: string;
  branch: string;
  trained: TrainedRun;
}

/**
 * `baseline update`: gate the tree (on a branch: a baseline is committed), train once, and
 * write the baseline with its provenance. An existing baseline of a newer schema is refused
 * and left as it is.
 */
export interface BaselineOptions {
  /** Refusals that depend on the branch (the action's default-branch rule), run before the training. */
  beforeTraining?: (branch: string) => void | Promise<void>;
}

export async function runBaselineUpdate(settings: LoadedSettings, context: ModeContext, options: BaselineOptions = {}): Promise<BaselineResult> {
  const config = settings.config;
  const repo = await prepareRepo(config, context);
  const branch = await requireBranch(repo.repo);
  await options.beforeTraining?.(branch);
  const environment = await collectRunEnvironment(config, repo, context);
  const baselinePath = path.resolve(repo.workDir, resolveBaselinePath(config.baseline, environment, context.env, os.hostname()));
  // Before the training: a baseline this version must not overwrite is known in seconds.
  await refuseNewerBaseline(baselinePath);
  const trained = await trainAndRecord(config, repo, context, environment);
  refuseNonFiniteMetrics(trained.data, config['ignore-metrics'], config['allow-non-finite']);
  return context.log.group('Writing the baseline', async () => {
    const baseline: BaselineJson = {
      kind: BASELINE_KIND,
      schemaVersion: BASELINE_SCHEMA_VERSION,
      createdAt: context.now().toISOString(),
      runs: [trained.record],
    };
    const content = serializeDocument(baseline);
    await writeFileAtomic(baselinePath, content);
    const baselineRepoPath = repoRelative(repo, baselinePath);
    context.log.info(`Wrote ${baselineRepoPath} from commit ${trained.record.provenance.commit.slice(0, 12)} on ${branch}`);
    return { baselinePath, baselineRepoPath, content, branch, trained };
  });
}

/** A diverged run (NaN or ±Infinity in a compared metric) is not written as the baseline, unless `allow-non-finite` names the metric. */
function refuseNonFiniteMetrics(data: MetricData, ignore: readonly string[], allow: readonly string[]): void {
  const found = findNonFiniteValues(data, { ignore, allow });
  if (found.length === 0) return;
  const listed = found.slice(0, 5).map(({ name, step, value }) => `\`${name}\` is ${formatValue(value)}${step === null ? ' (final value)' : ` at step ${step}`}`);
  const more = found.length > listed.length ? `, and ${found.length - listed.length} more` : '';
  throw new ReproError(`The run's metrics hold non-finite values: ${listed.join('; ')}${more}. A baseline recorded from a diverged run would pass every run that diverges the same way; none was written.`, {
    hint: 'Fix the training (it diverged), or, where NaN/Infinity is expected (a gradient norm under fp16 loss scaling), list the metric in `allow-non-finite` (globs), e.g. allow-non-finite: ["grad_norm"].',
  });
}

async function refuseNewerBaseline(file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return; // No baseline yet, or unreadable: the atomic write will create or report it.
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return; // A broken baseline is replaced: that is what an update is for.
  }
  const version = isReproDocument(value) ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > BASELINE_SCHEMA_VERSION) {
    throw new InputFileError(file, undefined, `was written by a newer repro-check (schemaVersion ${version}; this one writes ${BASELINE_SCHEMA_VERSION}) and is left as it is`, {
      hint: 'Update the baseline with the repro-check version that wrote it, or upgrade this one.',
    });
  }
}
