import { createHash, randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { ReproError } from '../errors.ts';
import type { MetricsSetting, TrainingPlan } from '../settings/plans.ts';
import type { ModeContext } from './context.ts';
import type { EnvironmentFingerprint, Provenance, RunRecordJson } from '../record/types.ts';
import { RUN_RECORD_KIND, RUN_RECORD_SCHEMA_VERSION } from '../record/types.ts';
import { encodeMetricData } from '../record/codec.ts';
import type { MetricData } from '../metrics/series.ts';
import { collectRunMetrics, NoMetricFileError } from '../metrics/collect.ts';
import { childEnvironment } from '../proc/child-env.ts';

import type { RepoState } from './repo-state.ts';
import { escapedMessage } from './training-guard.ts';
import { collectRunEnvironment } from './run-environment.ts';
import { runTrainingJob, trainingPhase } from './run-training.ts';

/** One training and what it left: its run record, its metrics, and what the report says about it. */
export interface TrainedRun {
  record: RunRecordJson;
  data: MetricData;
  metricFiles: string[];
  outDir: string;
  /** What the built-in trainer warned about (Math.random) and the processes the training left running, for the report's notes. */
  warnings: string[];
  /** How the training was kept from the job's processes (src/proc/isolation.ts). */
  isolation: { kind: 'pid-namespace' | 'none'; detail: string };
}

/** Creates the per-run output folder given to the training as REPRO_OUT_DIR ({out} in paths), under RUNNER_TEMP or the OS temp folder; returns its absolute path. */
export async function createRunOutputDir(env: NodeJS.ProcessEnv): Promise<string> {
  const root = env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, 'repro-check') : path.join(os.tmpdir(), 'repro-check');
  const dir = path.join(root, `run-${Date.now()}-${randomBytes(3).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** PATTERN (a `metrics` path or glob) with every `{out}` replaced by OUTDIR. */
function substituteOutDir(pattern: string, outDir: string): string {
  return pattern.replaceAll('{out}', outDir);
}

/**
 * Hash of the settings that shape the numbers (command or trainer, seed, determinism-env): two
 * records with different hashes were not trained alike. Returns SHA-256 as 64 hex digits; the
 * text hashed is fixed by the run records already written (a change would flag every baseline).
 */
export function settingsHash(plan: TrainingPlan): string {
  const shaping = {
    command: plan.job.kind === 'command' ? plan.job.command : null,
    trainer: plan.job.kind === 'trainer' ? plan.job.trainer : null,
    seed: plan.seed,
    determinismEnv: plan.determinismEnv,
  };
  return createHash('sha256').update(JSON.stringify(shaping)).digest('hex');
}

/**
 * Runs the training PLAN describes once (a shell command or the built-in trainer), guarded
 * (modes/training-guard.ts), then reads what it wrote into a run record: provenance, environment
 * fingerprint (ENVIRONMENT, taken now when not given), metric series, checkpoint hashes. The audit
 * calls it with the plan's seed replaced.
 * @returns the record, its metrics, the metric files read, the run's output folder, warnings for
 * the report and how the training was isolated.
 * @throws ReproError for a training that could not start, failed, timed out or wrote no metrics
 * where `metrics` points, and what the checkpoints' averaging and eval command throw.
 */
export async function trainAndRecord(
  plan: TrainingPlan,
  repo: RepoState,
  context: ModeContext,
  environment?: EnvironmentFingerprint,
): Promise<TrainedRun> {
  environment ??= await collectRunEnvironment(plan, repo, context);
  const outDir = await createRunOutputDir(context.env);
  const startedAt = context.now();
  const warnings: string[] = [];
  const trained = await runTrainingJob(plan, repo, context, outDir);
  warnings.push(...trained.warnings);
  if (trained.guard.escaped.length > 0) warnings.push(escapedMessage(trained.guard.escaped, trained.guard.killed));
  const metricsSpec = plan.job.metrics ?? trained.metricsPath!;
  const { data, files } = await readRunMetrics(plan, metricsSpec, repo, outDir, startedAt);
  const checkpoints = [...trained.checkpoints];
  let merged: RunRecordJson['merged'] | null = null;
  if (plan.checkpoints) {
    const { recordCheckpoints } = await import('./run-checkpoints.ts');
    const recorded = await recordCheckpoints(plan.checkpoints, {
      outDir,
      cwd: repo.workDir,
      env: childEnvironment(context.env, { seed: plan.seed, determinism: plan.determinismEnv, outDir }),
      timeoutMinutes: plan.timeoutMinutes,
      context,
      guard: async (name, body) => {
        const guarded = await trainingPhase(plan, repo, context, name, body);
        if (guarded.escaped.length > 0) warnings.push(escapedMessage(guarded.escaped, guarded.killed));
        return guarded.result;
      },
    });
    warnings.push(...recorded.warnings);
    checkpoints.push(...recorded.checkpoints);
    merged = recorded.merged;
    for (const [name, value] of recorded.finals) data.finals.set(name, value);
  }

  environment = { ...environment, extra: { ...environment.extra, ...trained.extraEnvironment } };
  const job = plan.job;
  const provenance: Provenance = {
    commit: repo.provenance.commit,
    ref: repo.provenance.ref,
    shallow: repo.provenance.shallow,
    dirty: repo.dirty !== null,
    ...(repo.dirty ? { dirtyPaths: repo.dirty.paths, diffSha256: repo.dirty.diffSha256 } : {}),
    ...(job.kind === 'command' ? { command: job.command } : {}),
    ...(job.kind === 'trainer'
      ? {
          trainer: {
            module: job.trainer.module,
            backend: trained.extraEnvironment['tfjs.backend'] ?? job.trainer.backend,
            steps: job.trainer.steps,
          },
        }
      : {}),
    seed: plan.seed,
    settingsHash: settingsHash(plan),
    createdAt: startedAt.toISOString(),
  };
  const record: RunRecordJson = {
    kind: RUN_RECORD_KIND,
    schemaVersion: RUN_RECORD_SCHEMA_VERSION,
    provenance,
    environment,
    metrics: encodeMetricData(data),
    ...(checkpoints.length > 0 ? { checkpoints } : {}),
    ...(merged ? { merged } : {}),
    runner: {
      label: context.env.RUNNER_NAME ?? null,
      gpuUuids: environment.gpu?.devices.map((d) => d.uuid) ?? [],
      isolation: trained.guard.isolation.kind,
    },
  };
  return {
    record,
    data,
    metricFiles: files,
    outDir,
    warnings,
    isolation: { kind: trained.guard.isolation.kind, detail: trained.guard.isolation.detail },
  };
}

/** The metrics the training wrote where METRICSSPEC points ({out} replaced). @throws ReproError when it wrote none there. */
async function readRunMetrics(
  plan: TrainingPlan,
  metricsSpec: MetricsSetting,
  repo: RepoState,
  outDir: string,
  startedAt: Date,
): Promise<{ data: MetricData; files: string[] }> {
  const resolvedSpec =
    typeof metricsSpec === 'string'
      ? substituteOutDir(metricsSpec, outDir)
      : Object.fromEntries(Object.entries(metricsSpec).map(([k, v]) => [k, substituteOutDir(v, outDir)]));
  return collectRunMetrics(resolvedSpec, {
    baseDir: repo.workDir,
    notBefore: startedAt,
    stepKey: plan.stepKey,
    wallClock: plan.ignoreMetrics,
  }).catch((error: unknown) => {
    if (!(error instanceof NoMetricFileError)) throw error;
    // The training succeeded, so the likely fault is the path or the training's own output: say both.
    const written = typeof metricsSpec === 'string' ? metricsSpec : metricsSpec[error.prefix];
    throw new ReproError(`The training exited 0 but did not write \`${written}\` (looked for ${error.lookedFor}).`, {
      hint: 'Check that the training writes its metrics where `metrics` points ({out} is the per-run folder, REPRO_OUT_DIR in its environment), and that it logged at least once.',
    });
  });
}
