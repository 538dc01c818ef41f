import { z } from 'zod';
import { SAVE_AS_SAFETENSORS, pickleExtension } from '../checkpoints/sniff.ts';

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

const positiveNumber = z.number().finite().nonnegative();

/** Text handed to the OS (a command, a path): a NUL byte would end it early in C, so Node refuses it at spawn or open. */
const osText = z
  .string()
  .min(1)
  .refine((text) => !text.includes('\0'), 'must not contain a NUL character (\\0): no command or path can hold one');

const toleranceSchema = z.strictObject({
  rtol: positiveNumber
    .optional()
    .describe('Relative tolerance: |current - baseline| <= atol + rtol * |baseline| (numpy.allclose; default 1e-5)'),
  atol: positiveNumber.optional().describe('Absolute tolerance (numpy.allclose; default 1e-8)'),
  exact: z.boolean().optional().describe('Bit-for-bit equal doubles; then rtol and atol must be left out'),
  sigma: z
    .number()
    .finite()
    .positive()
    .optional()
    .describe(
      'σ gate against a statistical baseline (band): pass within mean ± sigma·s·√(1+1/n); rtol/atol stay the floor',
    ),
  'false-alarm-rate': z
    .number()
    .gt(0)
    .lt(1)
    .optional()
    .describe("σ gate with k from Student's t for this false-alarm rate per metric (instead of sigma)"),
  window: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('σ gate: width of the sliding window means, in logged steps (default 20)'),
  'log-scale': z
    .array(z.string())
    .optional()
    .describe('σ gate: metric globs gated on ln(value) when positive (default ["*loss*"])'),
});

const toleranceOverrideSchema = z.strictObject({
  rtol: positiveNumber.optional().describe('Relative tolerance for the metrics this glob matches'),
  atol: positiveNumber.optional().describe('Absolute tolerance for the metrics this glob matches'),
  exact: z.boolean().optional().describe('Bit-for-bit equal doubles for the metrics this glob matches'),
});

export const TRAINER_BACKENDS = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;

const trainerSchema = z.strictObject({
  module: z.string().min(1).describe('A module exporting `default async function train(ctx)`, or "builtin:smoke"'),
  backend: z
    .enum(TRAINER_BACKENDS)
    .default('auto')
    .describe('TensorFlow.js backend; auto tries tensorflow-gpu, tensorflow, wasm, then cpu'),
  steps: z.number().int().positive().default(200).describe('Training steps (ctx.steps)'),
  'checkpoint-every': z.number().int().nonnegative().default(20).describe('0 writes no checkpoints'),
  'strict-determinism': z.boolean().default(true).describe('Deterministic TensorFlow ops and single-threaded pools'),
  'install-backend': z.boolean().default(false).describe('Install a missing native backend into the runner tool cache'),
  options: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .default({})
    .describe('Passed to the trainer as ctx.options (builtin:smoke reads learning-rate, batch-size)'),
});

const checkpointsSchema = z.strictObject({
  glob: z
    .string()
    .min(1)
    .describe(
      'Checkpoint files written by command: (safetensors, a shard index or a tfjs model.json); may contain {out}',
    ),
  'average-last': z
    .number()
    .int()
    .min(2)
    .optional()
    .describe(
      'Average (SMA) the last K checkpoints, ordered by their step, into merged.safetensors; its fingerprints go in the run record',
    ),
  'eval-command': z
    .string()
    .min(1)
    .optional()
    .describe(
      'Run on the merged checkpoint (and the final one) with {checkpoint} replaced by its path; prints a JSON object of metrics as its last line',
    ),
});

const auditSchema = z.strictObject({
  runs: z.number().int().min(2).default(2).describe('Same-seed runs of the commit (bitwise identical?)'),
  seeds: z.number().int().nonnegative().default(0).describe('Runs with other seeds (seed+1 …): the noise band'),
  expect: z
    .enum(['numerical', 'statistical'])
    .default('numerical')
    .describe('The level the audit must reach, else exit 1'),
  'max-age-days': z
    .number()
    .positive()
    .optional()
    .describe("Warn when the last audit run seen is older than this (the schedule's period)"),
});

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
  'check-name': z
    .string()
    .min(1)
    .default(DEFAULT_CHECK_NAME)
    .describe('Action: the check run name; the commit status context is repro-check/<check-name>'),
  'comment-key': z.string().min(1).optional().describe('Defaults to the check-name when one is given, else the job id'),
  'comment-author': z
    .string()
    .min(1)
    .default('github-actions[bot]')
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

/**
 * Rules across keys, checked on the raw merged values so that they are reported together
 * with every other problem (zod skips refinements once a field has failed).
 */
export function crossKeyProblems(
  raw: Record<string, unknown>,
  options: { trains: boolean } = { trains: true },
): Array<{ key: string; message: string }> {
  const problems: Array<{ key: string; message: string }> = [];
  const has = (key: string) => raw[key] !== undefined && raw[key] !== null;
  // `mode: publish` trains nothing: it needs no command.
  if (options.trains && !has('command') && !has('trainer'))
    problems.push({
      key: 'command',
      message: 'set either `command` (a training command) or `trainer` (the built-in TensorFlow.js trainer)',
    });
  if (has('command') && has('trainer'))
    problems.push({ key: 'trainer', message: '`command` and `trainer` are alternatives; set only one' });
  const tolerance = raw.tolerance as Record<string, unknown> | undefined;
  if (tolerance?.exact === true && (tolerance.rtol !== undefined || tolerance.atol !== undefined))
    problems.push({
      key: 'tolerance',
      message: 'tolerance: `exact: true` compares bit for bit; leave out rtol and atol with it',
    });
  if (tolerance?.sigma !== undefined && tolerance['false-alarm-rate'] !== undefined)
    problems.push({
      key: 'tolerance',
      message: 'tolerance: `sigma` and `false-alarm-rate` both set k of the σ gate; set only one',
    });
  const audit = raw.audit as Record<string, unknown> | undefined;
  if (audit?.expect === 'statistical' && !(typeof audit.seeds === 'number' && audit.seeds >= 1))
    problems.push({
      key: 'audit',
      message:
        'audit: `expect: statistical` needs a seed band: set `seeds` to 1 or more (--seeds M; 8 gives a usable band)',
    });
  if (has('command') && !has('metrics'))
    problems.push({
      key: 'metrics',
      message: 'with `command`, say where the metrics are written (a file, a glob or {prefix: path})',
    });
  const checkpoints = raw.checkpoints as string | { glob?: unknown } | undefined;
  const checkpointGlob =
    typeof checkpoints === 'string' ? checkpoints : typeof checkpoints?.glob === 'string' ? checkpoints.glob : null;
  const pickle = checkpointGlob === null ? null : pickleExtension(checkpointGlob);
  // Said before the training: a pickle cannot be read safely, and finding out after an hour of training helps nobody.
  if (pickle)
    problems.push({
      key: 'checkpoints',
      message: `${checkpointGlob} names ${pickle} files, which repro-check does not read (unpickling runs code). ${SAVE_AS_SAFETENSORS}`,
    });
  const stepKey = raw['step-key'];
  if (typeof stepKey === 'object' && stepKey !== null && !Array.isArray(stepKey)) {
    const metrics = raw.metrics;
    const prefixes =
      typeof metrics === 'object' && metrics !== null && !Array.isArray(metrics) ? Object.keys(metrics) : null;
    if (prefixes === null)
      problems.push({
        key: 'step-key',
        message:
          'a map of step keys goes with the map form of `metrics` ({prefix: path}); with one metrics path give one key, e.g. step-key: epoch',
      });
    else {
      const unknown = Object.keys(stepKey).filter((prefix) => !prefixes.includes(prefix));
      if (unknown.length > 0)
        problems.push({
          key: 'step-key',
          message: `${unknown.map((p) => `"${p}"`).join(', ')} ${unknown.length === 1 ? 'is not a prefix' : 'are not prefixes'} of \`metrics\`; accepted: ${prefixes.map((p) => `"${p}"`).join(', ')}`,
        });
    }
  }
  return problems;
}

export type ReproConfig = z.output<typeof configSchema>;

/** Tolerance keys: in a pull request they are read from the base commit so a PR cannot loosen its own gate. */
export const GATE_KEYS = ['tolerance', 'metric-tolerances', 'ignore-metrics'] as const;

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

export function configKeys(): string[] {
  return Object.keys(configSchema.shape);
}

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
