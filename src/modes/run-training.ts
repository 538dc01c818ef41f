import type { CheckpointEntry } from '../record/types.ts';
import type { TrainerSettings, TrainingPlan } from '../settings/plans.ts';
import { runProcess } from '../proc/run-process.ts';
import { childEnvironment } from '../proc/child-env.ts';
import { ReproError } from '../errors.ts';
import type { ModeContext } from './context.ts';
import type { RepoState } from './repo-state.ts';
import { trainingFailure } from './training-failure.ts';
import { processFailed } from '../proc/process-failure.ts';
import { guardTraining, type GuardedResult, type TrainingLaunch } from './training-guard.ts';

/**
 * Runs the one training a plan describes, a shell command or the built-in trainer, inside the
 * training guard (modes/training-guard.ts): the seed and determinism variables and REPRO_OUT_DIR
 * in its environment, the plan's timeout, its output lines to the context's training output.
 */

/**
 * Trains PLAN's job once, its output folder OUTDIR (REPRO_OUT_DIR, `{out}`), in the working
 * directory REPO.workDir.
 * @returns what the guard found, the built-in trainer's own checkpoints and backend facts, its
 * warnings, and where it wrote its metrics.
 * @throws ReproError when the command cannot start, fails, times out or is cancelled (what the
 * built-in trainer throws likewise).
 */
export function runTrainingJob(
  plan: TrainingPlan,
  repo: RepoState,
  context: ModeContext,
  outDir: string,
): Promise<JobResult> {
  return plan.job.kind === 'trainer'
    ? trainBuiltin(plan, plan.job.trainer, repo, context, outDir)
    : trainCommand(plan, plan.job.command, repo, context, outDir);
}

/** What one training left, whichever way it ran. */
export interface JobResult {
  /** What the guard found around the training (isolation used, leftover processes). */
  guard: Omit<GuardedResult<unknown>, 'result'>;
  /** The checkpoints the built-in trainer wrote and fingerprinted itself. */
  checkpoints: CheckpointEntry[];
  /** Facts for the environment fingerprint (the built-in trainer's backend). */
  extraEnvironment: Record<string, string>;
  warnings: string[];
  /** Where the built-in trainer wrote its metrics (used when `metrics` is not set). */
  metricsPath?: string;
}

/** The built-in TensorFlow.js trainer, in a child process; its TensorFlow switches follow trainer.strict-determinism. */
async function trainBuiltin(
  plan: TrainingPlan,
  trainer: TrainerSettings,
  repo: RepoState,
  context: ModeContext,
  outDir: string,
): Promise<JobResult> {
  const { runTrainer, backendFingerprint } = await import('../trainer/run-trainer.ts');
  const guarded = await trainingPhase(
    plan,
    repo,
    context,
    `Training with the built-in trainer (${trainer.module})`,
    (launch) =>
      runTrainer({
        module: trainer.module,
        backend: trainer.backend,
        steps: trainer.steps,
        checkpointEvery: trainer['checkpoint-every'],
        seed: plan.seed,
        strictDeterminism: trainer['strict-determinism'],
        installBackend: trainer['install-backend'],
        options: trainer.options,
        outDir,
        cwd: repo.workDir,
        timeoutMs: plan.timeoutMinutes * 60_000,
        env: {
          ...childEnvironment(context.env, { seed: plan.seed, determinism: plan.determinismVariables, outDir }),
          ...launch.markerEnv,
        },
        wrapper: launch.wrapper,
        onOutputLine: (line) => context.trainingOutput.line(line),
        ...(context.signal ? { signal: context.signal } : {}),
      }),
  );
  const result = guarded.result;
  for (const warning of result.warnings) context.log.warning(warning);
  context.log.info(`Trainer backend: ${result.backend.name} ${result.backend.version} on ${result.backend.device}`);
  return {
    guard: guarded,
    checkpoints: result.checkpoints,
    extraEnvironment: backendFingerprint(result.backend),
    warnings: [...result.warnings],
    metricsPath: result.metricsPath,
  };
}

/** A training command, run with bash -c in the working directory. @throws ReproError when it cannot start or fails. */
async function trainCommand(
  plan: TrainingPlan,
  command: string,
  repo: RepoState,
  context: ModeContext,
  outDir: string,
): Promise<JobResult> {
  const guarded = await trainingPhase(plan, repo, context, `Training: ${command}`, (launch) =>
    runProcess({
      shell: command,
      cwd: repo.workDir,
      env: {
        ...childEnvironment(context.env, { seed: plan.seed, determinism: plan.determinismVariables, outDir }),
        ...launch.markerEnv,
      },
      wrapper: launch.wrapper,
      timeoutMs: plan.timeoutMinutes * 60_000,
      onOutputLine: (line) => context.trainingOutput.line(line),
      ...(context.signal ? { signal: context.signal } : {}),
    }),
  );
  const result = guarded.result;
  if (result.startError !== null)
    throw new ReproError(`The training command could not be started: ${result.startError}.`, {
      hint: 'Check `command`: put a long command in a script file in the repository and run that script instead.',
    });
  if (processFailed(result)) throw trainingFailure('The training command', command, result, plan.timeoutMinutes);
  return { guard: guarded, checkpoints: [], extraEnvironment: {}, warnings: [] };
}

/**
 * One guarded training (src/modes/training-guard.ts) in a log group named NAME: BODY is started
 * with the launch (wrapper, marker variables) the guard gives it, under the plan's isolation and
 * kill-escaped. Returns its result with what the guard found; throws what BODY throws.
 */
export function trainingPhase<T>(
  plan: TrainingPlan,
  repo: RepoState,
  context: ModeContext,
  name: string,
  body: (launch: TrainingLaunch) => Promise<T>,
): Promise<GuardedResult<T>> {
  return guardTraining(
    context,
    {
      name,
      isolation: plan.isolation,
      killEscaped: plan.killEscaped ?? context.killEscapedByDefault ?? false,
      cwd: repo.workDir,
    },
    body,
  );
}
