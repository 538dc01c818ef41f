import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { ReproError } from '../errors.ts';
import type { ReproConfig } from '../settings/schema.ts';
import type { ModeContext } from './context.ts';
import type { CheckpointEntry, EnvironmentFingerprint, Provenance, RunRecordJson } from '../record/types.ts';
import { RUN_RECORD_KIND, RUN_RECORD_SCHEMA_VERSION } from '../record/types.ts';
import { encodeMetricData } from '../record/codec.ts';
import type { MetricData } from '../metrics/series.ts';
import { collectRunMetrics } from '../metrics/collect.ts';
import { expandFileGlob } from '../metrics/glob-files.ts';
import { runProcess } from '../proc/run-process.ts';
import { childEnvironment } from '../proc/child-env.ts';
import { collectEnvironment, execText } from '../env/fingerprint.ts';
import { hashCheckpointFile } from '../safetensors/checkpoint-hash.ts';
import type { RepoState } from './repo-state.ts';

export interface TrainedRun {
  record: RunRecordJson;
  data: MetricData;
  metricFiles: string[];
  outDir: string;
  /** What the built-in trainer warned about (Math.random), for the report's notes. */
  warnings: string[];
}

/** The per-run output folder given to the training as REPRO_OUT_DIR ({out} in paths). */
export async function createRunOutputDir(env: NodeJS.ProcessEnv): Promise<string> {
  const root = env.RUNNER_TEMP ? path.join(env.RUNNER_TEMP, 'repro-check') : path.join(os.tmpdir(), 'repro-check');
  const dir = path.join(root, `run-${Date.now()}-${randomBytes(3).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

export function substituteOutDir(pattern: string, outDir: string): string {
  return pattern.replaceAll('{out}', outDir);
}

/** Hash of the settings that shape the numbers: two records with different hashes were not trained alike. */
export function settingsHash(config: ReproConfig): string {
  const shaping = { command: config.command ?? null, trainer: config.trainer ?? null, seed: config.seed, determinismEnv: config['determinism-env'] };
  return createHash('sha256').update(JSON.stringify(shaping)).digest('hex');
}

/**
 * The environment fingerprint of this run. Taken before the training, so that a missing
 * fingerprint path, or a baseline chosen by `{gpu}`, fails in seconds rather than after it.
 */
export function collectRunEnvironment(config: ReproConfig, repo: RepoState, context: ModeContext): Promise<EnvironmentFingerprint> {
  return collectEnvironment({ cwd: repo.workDir, fingerprintPaths: config['fingerprint-paths'], env: context.env, exec: execText });
}

/**
 * Runs the training once (a shell command or the built-in trainer), then reads what it wrote
 * into a run record: provenance, environment fingerprint, metric series, checkpoint hashes.
 */
export async function trainAndRecord(config: ReproConfig, repo: RepoState, context: ModeContext, environment?: EnvironmentFingerprint): Promise<TrainedRun> {
  environment ??= await collectRunEnvironment(config, repo, context);
  const outDir = await createRunOutputDir(context.env);
  const startedAt = context.now();
  const timeoutMs = config['timeout-minutes'] * 60_000;
  const checkpoints: CheckpointEntry[] = [];
  const extraEnvironment: Record<string, string> = {};
  const warnings: string[] = [];
  let metricsSpec: string | Record<string, string>;

  if (config.trainer) {
    const { runTrainer, backendFingerprint } = await import('../trainer/run-trainer.ts');
    const result = await trainingPhase(context, `Training with the built-in trainer (${config.trainer.module})`, () =>
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
        env: childEnvironment(context.env, { seed: config.seed, determinism: config.trainer!['strict-determinism'], outDir }),
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...(context.signal ? { signal: context.signal } : {}),
      }),
    );
    for (const warning of result.warnings) context.log.warning(warning);
    warnings.push(...result.warnings);
    context.log.info(`Trainer backend: ${result.backend.name} ${result.backend.version} on ${result.backend.device}`);
    Object.assign(extraEnvironment, backendFingerprint(result.backend));
    checkpoints.push(...result.checkpoints);
    metricsSpec = config.metrics ?? result.metricsPath;
  } else {
    const command = config.command!;
    const result = await trainingPhase(context, `Training: ${command}`, () =>
      runProcess({
        shell: command,
        cwd: repo.workDir,
        env: childEnvironment(context.env, { seed: config.seed, determinism: config['determinism-env'], outDir }),
        timeoutMs,
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...(context.signal ? { signal: context.signal } : {}),
      }),
    );
    if (result.exitCode !== 0 || result.timedOut || result.cancelled) throw trainingFailure('The training command', command, result, config['timeout-minutes']);
    metricsSpec = config.metrics!;
  }

  const resolvedSpec = typeof metricsSpec === 'string' ? substituteOutDir(metricsSpec, outDir) : Object.fromEntries(Object.entries(metricsSpec).map(([k, v]) => [k, substituteOutDir(v, outDir)]));
  const { data, files } = await collectRunMetrics(resolvedSpec, { baseDir: repo.workDir, notBefore: startedAt, stepKey: config['step-key'], wallClock: config['ignore-metrics'] });
  if (config.checkpoints) checkpoints.push(...(await hashCommandCheckpoints(substituteOutDir(config.checkpoints, outDir), repo.workDir)));

  environment = { ...environment, extra: { ...environment.extra, ...extraEnvironment } };
  const provenance: Provenance = {
    commit: repo.provenance.commit,
    ref: repo.provenance.ref,
    shallow: repo.provenance.shallow,
    dirty: false,
    ...(config.command ? { command: config.command } : {}),
    ...(config.trainer ? { trainer: { module: config.trainer.module, backend: extraEnvironment['tfjs.backend'] ?? config.trainer.backend, steps: config.trainer.steps } } : {}),
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
    runner: { label: context.env.RUNNER_NAME ?? null, gpuUuids: environment.gpu?.devices.map((d) => d.uuid) ?? [] },
  };
  return { record, data, metricFiles: files, outDir, warnings };
}

/**
 * The error for a training that did not finish: why it stopped, its last output lines (or that
 * it printed none: an empty "last lines" block reads as if the output was lost), and what to do,
 * naming the setting (`timeout-minutes`) when the limit stopped it.
 */
export function trainingFailure(
  what: string,
  subject: string,
  result: { exitCode: number | null; signal?: string | null; timedOut: boolean; cancelled: boolean; outputTail: string[] },
  timeoutMinutes: number,
): ReproError {
  const stopped = result.timedOut || result.cancelled;
  const why = result.timedOut
    ? `timed out after ${timeoutMinutes} minutes (timeout-minutes) and was stopped`
    : result.cancelled
      ? 'was cancelled'
      : result.exitCode === 127
        ? 'was not found (exit code 127)'
        : result.signal
          ? `was killed by ${result.signal}`
          : `failed with exit code ${result.exitCode}`;
  const output = result.outputTail.length > 0 ? `Last lines of its output:\n${result.outputTail.map((l) => `  ${l}`).join('\n')}` : `It printed nothing before it ${stopped ? 'was stopped' : 'ended'}.`;
  return new ReproError(`${what} ${why}: ${subject}\n${output}`, {
    hint: result.timedOut
      ? `A smoke training should finish well within the limit: shorten it (fewer steps, a smaller model) or raise \`timeout-minutes\` (now ${timeoutMinutes}).`
      : result.cancelled
        ? 'The job was cancelled (or the runner stopped it); its training process group was stopped with it.'
        : 'Run the command by hand in the same directory to see the whole error; repro-check compares nothing for a failed training.',
  });
}

/** A log group around one training whose output wrapping is closed before the group ends. */
function trainingPhase<T>(context: ModeContext, name: string, body: () => Promise<T>): Promise<T> {
  return context.log.group(name, async () => {
    try {
      return await body();
    } finally {
      context.trainingOutput.end();
    }
  });
}

async function hashCommandCheckpoints(pattern: string, baseDir: string): Promise<CheckpointEntry[]> {
  const absolute = path.isAbsolute(pattern);
  const { files } = await expandFileGlob(absolute ? '/' : baseDir, absolute ? pattern.slice(1) : pattern);
  const entries: CheckpointEntry[] = [];
  for (const relative of files) {
    const file = absolute ? `/${relative}` : path.join(baseDir, relative);
    entries.push(await hashCheckpointFile(file, await readFile(file).catch(() => null)));
  }
  return entries;
}
