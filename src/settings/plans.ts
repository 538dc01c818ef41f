import { DEFAULT_CHECK_NAME, TOLERANCE_KEYS, type ReproConfig } from './schema.ts';

/**
 * The settings as three plans, each read by the code that acts on it: what and how to train
 * (modes/train.ts), how close a run must be to its baseline (compare, audit), and how and where
 * the result is published on GitHub (action/). Derived from the loaded settings by pure
 * functions; a plan holds values only, never where they came from: a key the user did not set
 * is `undefined` here, or its default already applied.
 */

/** The `metrics` setting: a file or glob, or {prefix: path}; paths may contain `{out}`. */
export type MetricsSetting = NonNullable<ReproConfig['metrics']>;

/** The `trainer` setting, its defaults filled in. */
export type TrainerSettings = NonNullable<ReproConfig['trainer']>;

/** What trains: a shell command (which must name its metric files), or the built-in TensorFlow.js trainer. */
export type TrainingJob =
  | { kind: 'command'; command: string; metrics: MetricsSetting }
  | {
      kind: 'trainer';
      trainer: TrainerSettings;
      /** null: the metrics file the trainer writes itself. */
      metrics: MetricsSetting | null;
    };

/** The `checkpoints` setting in either form (a path or glob, or `{glob, average-last, eval-command}`). */
export interface CheckpointsPlan {
  /** Checkpoint file, or glob, relative to the working directory; may contain `{out}`. */
  glob: string;
  /** Average (SMA) the last K checkpoints into merged.safetensors; undefined: no averaging. */
  averageLast: number | undefined;
  /** Run on the merged and the final checkpoint with `{checkpoint}` replaced; undefined: none. */
  evalCommand: string | undefined;
}

/** What and how to train: everything one training and its run record depend on. */
export interface TrainingPlan {
  job: TrainingJob;
  /** REPRO_SEED and PYTHONHASHSEED; the built-in trainer seeds everything with it. The audit trains the plan with other seeds. */
  seed: number;
  /** The `determinism-env` setting: a command (and the eval command) gets the determinism variables. */
  determinismEnv: boolean;
  /** Whether this training gets the determinism variables: `determinism-env` for a command, `trainer.strict-determinism` for the built-in trainer. */
  determinismVariables: boolean;
  /** The training (and each eval command) is stopped after this many minutes. */
  timeoutMinutes: number;
  /** The `step-key` setting: one key, one per prefix of the map form of `metrics`, or undefined (found by name). */
  stepKey: string | Record<string, string> | undefined;
  /** The `ignore-metrics` globs (wall-clock fields by default). */
  ignoreMetrics: string[];
  checkpoints: CheckpointsPlan | null;
  isolation: ReproConfig['isolation'];
  /** The `kill-escaped` setting; undefined: the entry's default (true under the action, false in the CLI). */
  killEscaped: boolean | undefined;
  /** Files or folders hashed into the run record, relative to the working directory. */
  fingerprintPaths: string[];
  /** The Python the training runs, for the fingerprint; undefined: the command's own, else python3 on PATH. */
  python: string | undefined;
  /** Where the training runs and relative paths resolve, below the repository root. */
  workingDirectory: string;
}

/**
 * The training plan of loaded settings (pure).
 * @param config settings that train: `command` (with `metrics`) or `trainer`, as loadSettings
 * guarantees unless told that the invocation trains nothing.
 * @throws Error when the settings name neither a command nor a trainer (a caller's mistake:
 * loadSettings refuses such settings with the key to set).
 */
export function trainingPlanOf(config: ReproConfig): TrainingPlan {
  const job = trainingJobOf(config);
  const checkpoints = config.checkpoints;
  return {
    job,
    seed: config.seed,
    determinismEnv: config['determinism-env'],
    determinismVariables: job.kind === 'trainer' ? job.trainer['strict-determinism'] : config['determinism-env'],
    timeoutMinutes: config['timeout-minutes'],
    stepKey: config['step-key'],
    ignoreMetrics: config['ignore-metrics'],
    checkpoints:
      checkpoints === undefined
        ? null
        : typeof checkpoints === 'string'
          ? { glob: checkpoints, averageLast: undefined, evalCommand: undefined }
          : {
              glob: checkpoints.glob,
              averageLast: checkpoints['average-last'],
              evalCommand: checkpoints['eval-command'],
            },
    isolation: config.isolation,
    killEscaped: config['kill-escaped'],
    fingerprintPaths: config['fingerprint-paths'],
    python: config.python,
    workingDirectory: config['working-directory'],
  };
}

function trainingJobOf(config: ReproConfig): TrainingJob {
  if (config.trainer) return { kind: 'trainer', trainer: config.trainer, metrics: config.metrics ?? null };
  if (config.command !== undefined && config.metrics !== undefined)
    return { kind: 'command', command: config.command, metrics: config.metrics };
  throw new Error('trainingPlanOf: the settings name no command (with metrics) and no trainer');
}

/**
 * The tolerance keys (`tolerance`, `metric-tolerances`, `ignore-metrics`): how close a run must
 * be to its baseline. In a pull request `check` reads them again at the base commit
 * (settings/tolerance.ts), so that a PR cannot loosen its own tolerance.
 */
export type TolerancePlan = Pick<ReproConfig, (typeof TOLERANCE_KEYS)[number]>;

/** The tolerance plan of loaded settings (pure; the values are the settings' own objects). */
export function tolerancePlanOf(config: ReproConfig): TolerancePlan {
  return {
    tolerance: config.tolerance,
    'metric-tolerances': config['metric-tolerances'],
    'ignore-metrics': config['ignore-metrics'],
  };
}

/** How and where a job's result is published on GitHub, and which events it may train for. */
export interface PublishPlan {
  /** The check run's name; the commit status context is `repro-check/<checkName>`. */
  checkName: string;
  /**
   * Which sticky PR comment and run artifact the job owns: `comment-key` when set; else
   * `check-name` when set, so that a matrix naming each entry's check (the one setting its
   * required status needs) also gets one comment per entry; else the job id.
   */
  commentKey: string;
  /** True when `comment-key` is set but `check-name` is not: matrix entries would then share one status context. */
  sharesStatusContext: boolean;
  /** The login the token writes as (`comment-author`); undefined: not set, publishing learns it from GitHub. */
  commentAuthor: string | undefined;
  /** The PR label that accepts an intended change. */
  acceptLabel: string;
  /** Fail the step on drift. */
  failOnDrift: boolean;
  /** `mode: baseline`: commit the new baseline to the branch, or propose it as a pull request. */
  baselineUpdate: ReproConfig['baseline-update'];
  allowBaselineFromAnyBranch: boolean;
  /** Train pull requests from forks (a disposable runner only). */
  allowForkPrs: boolean;
  /** Train the PR head under pull_request_target (a disposable runner without secrets only). */
  allowPullRequestTarget: boolean;
}

/**
 * The publish plan of loaded settings for one job (pure).
 * @param job the job id (GITHUB_JOB): the comment key when neither `comment-key` nor `check-name` is set.
 */
export function publishPlanOf(config: ReproConfig, job: string): PublishPlan {
  const checkName = config['check-name'];
  const commentKey = config['comment-key'];
  return {
    checkName: checkName ?? DEFAULT_CHECK_NAME,
    commentKey: commentKey ?? checkName ?? job,
    sharesStatusContext: commentKey !== undefined && checkName === undefined,
    commentAuthor: config['comment-author'],
    acceptLabel: config['accept-label'],
    failOnDrift: config['fail-on-drift'],
    baselineUpdate: config['baseline-update'],
    allowBaselineFromAnyBranch: config['allow-baseline-from-any-branch'],
    allowForkPrs: config['allow-fork-prs'],
    allowPullRequestTarget: config['allow-pull-request-target'],
  };
}
