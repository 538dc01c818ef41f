import { createHash } from 'node:crypto';
import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { ReproConfig } from '../settings/schema.ts';
import type { ModeContext } from './context.ts';
import type { CheckpointEntry, EnvironmentFingerprint, Provenance, RunRecordJson } from '../record/types.ts';
import { RUN_RECORD_KIND, RUN_RECORD_SCHEMA_VERSION } from '../record/types.ts';
import { encodeMetricData } from '../record/codec.ts';
import type { MetricData } from '../metrics/series.ts';
import { collectRunMetrics, NoMetricFileError } from '../metrics/collect.ts';
import { runProcess } from '../proc/run-process.ts';
import { childEnvironment } from '../proc/child-env.ts';
import { fingerprintCheckpoint } from '../checkpoints/fingerprint.ts';
import type { RepoState } from './repo-state.ts';
import { collectRunEnvironment } from './run-environment.ts';
import { checkpointFilesOf, createRunOutputDir, substituteOutDir } from './run-files.ts';
import { trainingFailure } from './training-failure.ts';
import { escapedMessage, guardTraining, type GuardedResult, type TrainingLaunch } from './training-guard.ts';

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

/** Hash of the settings that shape the numbers: two records with different hashes were not trained alike. */
export function settingsHash(config: ReproConfig): string {
  const shaping = {
    command: config.command ?? null,
    trainer: config.trainer ?? null,
    seed: config.seed,
    determinismEnv: config['determinism-env'],
  };
  return createHash('sha256').update(JSON.stringify(shaping)).digest('hex');
}

/**
 * Runs the training once (a shell command or the built-in trainer), then reads what it wrote
 * into a run record: provenance, environment fingerprint, metric series, checkpoint hashes.
 */
export async function trainAndRecord(
  config: ReproConfig,
  repo: RepoState,
  context: ModeContext,
  environment?: EnvironmentFingerprint,
): Promise<TrainedRun> {
  environment ??= await collectRunEnvironment(config, repo, context);
  const outDir = await createRunOutputDir(context.env);
  const startedAt = context.now();
  const timeoutMs = config['timeout-minutes'] * 60_000;
  const checkpoints: CheckpointEntry[] = [];
  const extraEnvironment: Record<string, string> = {};
  const warnings: string[] = [];
  // What the guard found around the one training (isolation used, leftover processes).
  let guard: Omit<GuardedResult<unknown>, 'result'>;
  let metricsSpec: string | Record<string, string>;

  if (config.trainer) {
    const { runTrainer, backendFingerprint } = await import('../trainer/run-trainer.ts');
    const guarded = await trainingPhase(
      config,
      repo,
      context,
      `Training with the built-in trainer (${config.trainer.module})`,
      (launch) =>
        runTrainer({
          module: config.trainer!.module,
          backend: config.trainer!.backend,
          steps: config.trainer!.steps,
          checkpointEvery: config.trainer!['checkpoint-every'],
          seed: config.seed,
          strictDeterminism: config.trainer!['strict-determinism'],
          installBackend: config.trainer!['install-backend'],
          options: config.trainer!.options,
          outDir,
          cwd: repo.workDir,
          timeoutMs,
          // The trainer's TensorFlow switches follow trainer.strict-determinism, not determinism-env.
          env: {
            ...childEnvironment(context.env, {
              seed: config.seed,
              determinism: config.trainer!['strict-determinism'],
              outDir,
            }),
            ...launch.markerEnv,
          },
          wrapper: launch.wrapper,
          onOutputLine: (line) => context.trainingOutput.line(line),
          ...(context.signal ? { signal: context.signal } : {}),
        }),
    );
    guard = guarded;
    const result = guarded.result;
    for (const warning of result.warnings) context.log.warning(warning);
    warnings.push(...result.warnings);
    context.log.info(`Trainer backend: ${result.backend.name} ${result.backend.version} on ${result.backend.device}`);
    Object.assign(extraEnvironment, backendFingerprint(result.backend));
    checkpoints.push(...result.checkpoints);
    metricsSpec = config.metrics ?? result.metricsPath;
  } else {
    const command = config.command!;
    const guarded = await trainingPhase(config, repo, context, `Training: ${command}`, (launch) =>
      runProcess({
        shell: command,
        cwd: repo.workDir,
        env: {
          ...childEnvironment(context.env, { seed: config.seed, determinism: config['determinism-env'], outDir }),
          ...launch.markerEnv,
        },
        wrapper: launch.wrapper,
        timeoutMs,
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...(context.signal ? { signal: context.signal } : {}),
      }),
    );
    guard = guarded;
    const result = guarded.result;
    if (result.startError !== null)
      throw new ReproError(`The training command could not be started: ${result.startError}.`, {
        hint: 'Check `command`: put a long command in a script file in the repository and run that script instead.',
      });
    if (result.exitCode !== 0 || result.timedOut || result.cancelled)
      throw trainingFailure('The training command', command, result, config['timeout-minutes']);
    metricsSpec = config.metrics!;
  }

  if (guard.escaped.length > 0) warnings.push(escapedMessage(guard.escaped, guard.killed));
  const resolvedSpec =
    typeof metricsSpec === 'string'
      ? substituteOutDir(metricsSpec, outDir)
      : Object.fromEntries(Object.entries(metricsSpec).map(([k, v]) => [k, substituteOutDir(v, outDir)]));
  const { data, files } = await collectRunMetrics(resolvedSpec, {
    baseDir: repo.workDir,
    notBefore: startedAt,
    stepKey: config['step-key'],
    wallClock: config['ignore-metrics'],
  }).catch((error: unknown) => {
    if (!(error instanceof NoMetricFileError)) throw error;
    // The training succeeded, so the likely fault is the path or the training's own output: say both.
    const written = typeof metricsSpec === 'string' ? metricsSpec : metricsSpec[error.prefix];
    throw new ReproError(`The training exited 0 but did not write \`${written}\` (looked for ${error.lookedFor}).`, {
      hint: 'Check that the training writes its metrics where `metrics` points ({out} is the per-run folder, REPRO_OUT_DIR in its environment), and that it logged at least once.',
    });
  });
  const checkpointGlob = typeof config.checkpoints === 'string' ? config.checkpoints : config.checkpoints?.glob;
  const checkpointPattern = checkpointGlob ? substituteOutDir(checkpointGlob, outDir) : null;
  const checkpointFiles = checkpointPattern ? await checkpointFilesOf(checkpointPattern, repo.workDir) : [];
  if (checkpointPattern && checkpointFiles.length === 0) {
    // Said out loud (as an unmatched `metrics` glob is): a check would otherwise compare no weights.
    const unmatched = `checkpoints "${checkpointGlob}" matched no file (looked for ${path.resolve(repo.workDir, checkpointPattern)}); no weights were recorded`;
    context.log.warning(unmatched);
    warnings.push(unmatched);
  }
  for (const file of checkpointFiles) checkpoints.push(await fingerprintCheckpoint(file));
  let merged: RunRecordJson['merged'] | null = null;
  if (typeof config.checkpoints === 'object') {
    const { averageAndEvaluate } = await import('./checkpoint-eval.ts');
    const evaluation = await averageAndEvaluate(config.checkpoints, checkpointFiles, {
      outDir,
      cwd: repo.workDir,
      env: childEnvironment(context.env, { seed: config.seed, determinism: config['determinism-env'], outDir }),
      timeoutMinutes: config['timeout-minutes'],
      context,
      guard: async (name, body) => {
        const guarded = await trainingPhase(config, repo, context, name, body);
        if (guarded.escaped.length > 0) warnings.push(escapedMessage(guarded.escaped, guarded.killed));
        return guarded.result;
      },
    });
    merged = evaluation.merged;
    for (const [name, value] of evaluation.finals) data.finals.set(name, value);
  }

  environment = { ...environment, extra: { ...environment.extra, ...extraEnvironment } };
  const provenance: Provenance = {
    commit: repo.provenance.commit,
    ref: repo.provenance.ref,
    shallow: repo.provenance.shallow,
    dirty: repo.dirty !== null,
    ...(repo.dirty ? { dirtyPaths: repo.dirty.paths, diffSha256: repo.dirty.diffSha256 } : {}),
    ...(config.command ? { command: config.command } : {}),
    ...(config.trainer
      ? {
          trainer: {
            module: config.trainer.module,
            backend: extraEnvironment['tfjs.backend'] ?? config.trainer.backend,
            steps: config.trainer.steps,
          },
        }
      : {}),
    seed: config.seed,
    settingsHash: settingsHash(config),
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
      isolation: guard.isolation.kind,
    },
  };
  return {
    record,
    data,
    metricFiles: files,
    outDir,
    warnings,
    isolation: { kind: guard.isolation.kind, detail: guard.isolation.detail },
  };
}

/** One guarded training (src/modes/training-guard.ts) in a log group named NAME. */
function trainingPhase<T>(
  config: ReproConfig,
  repo: RepoState,
  context: ModeContext,
  name: string,
  body: (launch: TrainingLaunch) => Promise<T>,
): Promise<GuardedResult<T>> {
  return guardTraining(
    context,
    {
      name,
      isolation: config.isolation,
      killEscaped: config['kill-escaped'] ?? context.killEscapedByDefault ?? false,
      cwd: repo.workDir,
    },
    body,
  );
}
