import { z } from 'zod';

/**
 * The nested keys of the settings (`tolerance`, `metric-tolerances` entries, `trainer`,
 * `checkpoints`, `audit`) and the text type of every command and path: parts of `configSchema`
 * (schema.ts), which states the defaults of the top-level keys.
 */

const positiveNumber = z.number().finite().nonnegative();

/** Text handed to the OS (a command, a path): a NUL byte would end it early in C, so Node refuses it at spawn or open. */
export const osText = z
  .string()
  .min(1)
  .refine((text) => !text.includes('\0'), 'must not contain a NUL character (\\0): no command or path can hold one');

export const toleranceSchema = z.strictObject({
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

export const toleranceOverrideSchema = z.strictObject({
  rtol: positiveNumber.optional().describe('Relative tolerance for the metrics this glob matches'),
  atol: positiveNumber.optional().describe('Absolute tolerance for the metrics this glob matches'),
  exact: z.boolean().optional().describe('Bit-for-bit equal doubles for the metrics this glob matches'),
});

export const TRAINER_BACKENDS = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;

export const trainerSchema = z.strictObject({
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

export const checkpointsSchema = z.strictObject({
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

export const auditSchema = z.strictObject({
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
