import { z } from 'zod';
import {
  auditSchema,
  checkpointsSchema,
  osText,
  toleranceSchema,
  toleranceOverrideSchema,
  trainerSchema,
} from './nested-schemas.ts';

/**
 * The one description of every setting: keys, types, defaults and what is accepted.
 * Defaults live here and nowhere else (not in action.yml: the runner passes action.yml
 * defaults as if the user had typed them, which would silently override repro.yml).
 * Key names are a public contract (README, repro.yml, action inputs, `--set`).
 */

/** The check run's name (and the commit status's `repro-check/<check-name>`) when none is set. */
export const DEFAULT_CHECK_NAME = 'repro-check';
/** The PR label that accepts an intended change when none is set. */
export const DEFAULT_ACCEPT_LABEL = 'repro-check:accept-drift';

/**
 * Wall-clock fields differ on every run; DESIGN.md ignores them by default. Beyond the generic
 * names: W&B's `_runtime`, `_timestamp` and `_wandb.*` (wandb-history.jsonl, wandb-summary.json),
 * Megatron-LM's `iteration-time`, TensorBoard's CSV export's `Wall time`, and the `elapsed*` /
 * `*_time_ms` fields of hand-written loops.
 */
export const DEFAULT_IGNORED_METRICS = [
  'timestamp',
  '*.timestamp',
  'time',
  '*.time',
  '*_runtime',
  '*per_second*',
  '*_per_s',
  'epoch_time',
  '*.epoch_time',
  '_runtime',
  '_timestamp',
  '_wandb.*',
  'iteration-time',
  '*.iteration-time',
  'Wall time',
  'elapsed*',
  '*.elapsed*',
  '*_time_ms',
];

/** Keys of repro.yml. Every key can also be given as an action input or `--set key=value`. */
export const configSchema = z.strictObject({
  command: osText.optional().describe('Training command, run with bash -c in working-directory'),
  trainer: trainerSchema.optional().describe('Built-in TensorFlow.js trainer, instead of command'),
  metrics: z
    .union([osText, z.record(z.string(), osText)])
    .optional()
    .describe('Metric file, glob, or {prefix: path}; defaults to the trainer output with trainer:'),
  python: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The Python the training runs, for the environment fingerprint when `command` does not start with it (default python3 on PATH)',
    ),
  checkpoints: z
    .union([osText, checkpointsSchema])
    .optional()
    .describe(
      'Safetensors checkpoint file or glob written by command: (every match is fingerprinted), or {glob, average-last, eval-command}',
    ),
  baseline: osText.default('.repro/baseline.json').describe('May contain {runner} and {gpu}'),
  seed: z
    .number()
    .int()
    .nonnegative()
    .max(2 ** 32 - 1)
    .default(1234)
    .describe('Exported as REPRO_SEED and PYTHONHASHSEED; the built-in trainer seeds everything with it'),
  'timeout-minutes': z
    .number()
    .positive()
    .default(30)
    .describe('The training is stopped (its whole process group) after this long'),
  'kill-escaped': z
    .boolean()
    .optional()
    .describe(
      'Kill processes the training leaves running after it ends (they are reported either way); default true under the action, false in the CLI',
    ),
  isolation: z
    .enum(['auto', 'none'])
    .default('auto')
    .describe(
      'auto: run the training in its own PID namespace where the runner allows it without privileges; none: never',
    ),
  'determinism-env': z
    .boolean()
    .default(true)
    .describe('Export CUBLAS_WORKSPACE_CONFIG, TF_DETERMINISTIC_OPS, TF_CUDNN_DETERMINISTIC'),
  tolerance: toleranceSchema
    .default({ rtol: 1e-5, atol: 1e-8 })
    .describe(
      'How close a value must be to the baseline: rtol/atol (numpy.allclose), exact, or the σ gate against a band',
    ),
  audit: auditSchema
    .default({ runs: 2, seeds: 0, expect: 'numerical' })
    .describe('The determinism audit (repro-check audit, mode: audit)'),
  'pinning-risks': z
    .enum(['warn', 'error'])
    .default('warn')
    .describe('Unpinned dependencies: report lines (warn) or exit 2 (error)'),
  'metric-tolerances': z
    .record(z.string(), toleranceOverrideSchema)
    .default({})
    .describe('Per-metric tolerances by glob (`*` matches any characters, dots and slashes too)'),
  'ignore-metrics': z
    .array(z.string())
    .default(DEFAULT_IGNORED_METRICS)
    .describe('Metric globs never compared; the default lists wall-clock fields'),
  'step-key': z
    .union([z.string().min(1), z.record(z.string(), z.string().min(1))])
    .optional()
    .describe(
      'The key (CSV: column) that numbers the records, when it is not one of step, global_step, trainer/global_step, iteration, iter, _step, epoch; a map gives one per prefix of the map form of metrics',
    ),
  'allow-non-finite': z
    .array(z.string())
    .default([])
    .describe(
      'Metric globs whose NaN or ±Infinity values a baseline update accepts (by default a command run whose metrics hold one is refused)',
    ),
  'fingerprint-paths': z
    .array(z.string().min(1))
    .default([])
    .describe('Files or folders hashed into the run record (dataset versioning)'),
  'working-directory': osText
    .default('.')
    .describe('Where the command runs and relative paths resolve, below the repository root'),
  'fail-on-drift': z
    .boolean()
    .default(true)
    .describe('Action: fail the step on drift (the CLI always exits 1 on drift)'),
  'on-missing-baseline': z
    .enum(['warn', 'fail'])
    .default('warn')
    .describe('Action: warn passes with how to create one; fail fails before training'),
  // check-name and comment-author stay undefined when not set (the publish plan, plans.ts, says what
  // that means). check-name's JSON Schema default is the name a job then gets; comment-author has
  // none, since an unset author is learned from GitHub, not assumed.
  'check-name': z
    .string()
    .min(1)
    .optional()
    .meta({ default: DEFAULT_CHECK_NAME })
    .describe('Action: the check run name; the commit status context is repro-check/<check-name>'),
  'comment-key': z.string().min(1).optional().describe('Defaults to the check-name when one is given, else the job id'),
  'comment-author': z
    .string()
    .min(1)
    .optional()
    .describe(
      'Login the github-token writes as; the sticky comment is only ever looked for among its comments (an App token: <app-slug>[bot]). When not set, it is learned from the creator of the commit status the run posts, else GET /user (a PAT), else the author of the oldest marked comment by a bot account',
    ),
  'accept-label': z
    .string()
    .min(1)
    .default(DEFAULT_ACCEPT_LABEL)
    .describe('Action: the PR label that accepts an intended change (added by someone with write access)'),
  'baseline-update': z
    .enum(['commit', 'pull-request'])
    .default('commit')
    .describe('Action, mode baseline: commit the new baseline to the branch, or propose it as a PR'),
  'allow-baseline-from-any-branch': z
    .boolean()
    .default(false)
    .describe('Action, mode baseline: allow branches other than the default one'),
  'allow-fork-prs': z
    .boolean()
    .default(false)
    .describe('Action: train pull requests from forks (only on a disposable runner)'),
  'allow-pull-request-target': z
    .boolean()
    .default(false)
    .describe('Action: train the PR head under pull_request_target (only on a disposable runner without secrets)'),
});

export type ReproConfig = z.output<typeof configSchema>;

/** Tolerance keys: in a pull request they are read from the base commit so a PR cannot loosen its own tolerance. */
export const TOLERANCE_KEYS = ['tolerance', 'metric-tolerances', 'ignore-metrics'] as const;

/** Keys whose value is plain text: an input is taken as written, never parsed as YAML. */
export const TEXT_KEYS = new Set([
  'command',
  'python',
  'checkpoints',
  'baseline',
  'working-directory',
  'check-name',
  'comment-key',
  'comment-author',
  'accept-label',
]);

/** The top-level setting names (`command`, `metrics`, …), in the schema's order: what inputs and `--set` accept. */
export function configKeys(): string[] {
  return Object.keys(configSchema.shape);
}

/**
 * The JSON Schema of repro.yml (draft 2020-12, written to schema/repro.schema.json by
 * scripts/build.mjs): every key with its description and default, plus the rules across keys
 * that hold for the file alone. Returns a plain JSON object; throws nothing.
 */
export function settingsJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $id: 'https://github.com/repro-check/repro-check/schema/repro.schema.json',
    title: 'repro-check configuration (repro.yml)',
    ...schema,
    // The rules across keys that crossKeyProblems enforces, as far as they hold for the file alone:
    // `command` or `trainer` may come from an action input or --set, so neither is required here.
    allOf: [
      {
        not: { properties: { command: true, trainer: true }, required: ['command', 'trainer'] },
        description: '`command` and `trainer` are alternatives; set only one',
      },
      {
        if: { properties: { command: true }, required: ['command'] },
        then: { properties: { metrics: true }, required: ['metrics'] },
        description: 'with `command`, say where the metrics are written (`metrics`)',
      },
    ],
  };
}
