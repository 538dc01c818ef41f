import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  external_exports
} from "./chunk-OFCAAITS.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/settings/schema.ts
init_define_REPRO_CHART_LIBRARY();

// src/settings/nested-schemas.ts
init_define_REPRO_CHART_LIBRARY();
var positiveNumber = external_exports.number().finite().nonnegative();
var osText = external_exports.string().min(1).refine((text) => !text.includes("\0"), "must not contain a NUL character (\\0): no command or path can hold one");
var toleranceSchema = external_exports.strictObject({
  rtol: positiveNumber.optional().describe("Relative tolerance: |current - baseline| <= atol + rtol * |baseline| (numpy.allclose; default 1e-5)"),
  atol: positiveNumber.optional().describe("Absolute tolerance (numpy.allclose; default 1e-8)"),
  exact: external_exports.boolean().optional().describe("Bit-for-bit equal doubles; then rtol and atol must be left out"),
  sigma: external_exports.number().finite().positive().optional().describe(
    "\u03C3 gate against a statistical baseline (band): pass within mean \xB1 sigma\xB7s\xB7\u221A(1+1/n); rtol/atol stay the floor"
  ),
  "false-alarm-rate": external_exports.number().gt(0).lt(1).optional().describe("\u03C3 gate with k from Student's t for this false-alarm rate per metric (instead of sigma)"),
  window: external_exports.number().int().positive().optional().describe("\u03C3 gate: width of the sliding window means, in logged steps (default 20)"),
  "log-scale": external_exports.array(external_exports.string()).optional().describe('\u03C3 gate: metric globs gated on ln(value) when positive (default ["*loss*"])')
});
var toleranceOverrideSchema = external_exports.strictObject({
  rtol: positiveNumber.optional().describe("Relative tolerance for the metrics this glob matches"),
  atol: positiveNumber.optional().describe("Absolute tolerance for the metrics this glob matches"),
  exact: external_exports.boolean().optional().describe("Bit-for-bit equal doubles for the metrics this glob matches")
});
var TRAINER_BACKENDS = ["auto", "tensorflow-gpu", "tensorflow", "wasm", "cpu"];
var trainerSchema = external_exports.strictObject({
  module: external_exports.string().min(1).describe('A module exporting `default async function train(ctx)`, or "builtin:smoke"'),
  backend: external_exports.enum(TRAINER_BACKENDS).default("auto").describe("TensorFlow.js backend; auto tries tensorflow-gpu, tensorflow, wasm, then cpu"),
  steps: external_exports.number().int().positive().default(200).describe("Training steps (ctx.steps)"),
  "checkpoint-every": external_exports.number().int().nonnegative().default(20).describe("0 writes no checkpoints"),
  "strict-determinism": external_exports.boolean().default(true).describe("Deterministic TensorFlow ops and single-threaded pools"),
  "install-backend": external_exports.boolean().default(false).describe("Install a missing native backend into the runner tool cache"),
  options: external_exports.record(external_exports.string(), external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()])).default({}).describe("Passed to the trainer as ctx.options (builtin:smoke reads learning-rate, batch-size)")
});
var checkpointsSchema = external_exports.strictObject({
  glob: external_exports.string().min(1).describe(
    "Checkpoint files written by command: (safetensors, a shard index or a tfjs model.json); may contain {out}"
  ),
  "average-last": external_exports.number().int().min(2).optional().describe(
    "Average (SMA) the last K checkpoints, ordered by their step, into merged.safetensors; its fingerprints go in the run record"
  ),
  "eval-command": external_exports.string().min(1).optional().describe(
    "Run on the merged checkpoint (and the final one) with {checkpoint} replaced by its path; prints a JSON object of metrics as its last line"
  )
});
var auditSchema = external_exports.strictObject({
  runs: external_exports.number().int().min(2).default(2).describe("Same-seed runs of the commit (bitwise identical?)"),
  seeds: external_exports.number().int().nonnegative().default(0).describe("Runs with other seeds (seed+1 \u2026): the noise band"),
  expect: external_exports.enum(["numerical", "statistical"]).default("numerical").describe("The level the audit must reach, else exit 1"),
  "max-age-days": external_exports.number().positive().optional().describe("Warn when the last audit run seen is older than this (the schedule's period)")
});

// src/settings/schema.ts
var DEFAULT_CHECK_NAME = "repro-check";
var DEFAULT_ACCEPT_LABEL = "repro-check:accept-drift";
var DEFAULT_IGNORED_METRICS = [
  "timestamp",
  "*.timestamp",
  "time",
  "*.time",
  "*_runtime",
  "*per_second*",
  "*_per_s",
  "epoch_time",
  "*.epoch_time",
  "_runtime",
  "_timestamp",
  "_wandb.*",
  "iteration-time",
  "*.iteration-time",
  "Wall time",
  "elapsed*",
  "*.elapsed*",
  "*_time_ms"
];
var configSchema = external_exports.strictObject({
  command: osText.optional().describe("Training command, run with bash -c in working-directory"),
  trainer: trainerSchema.optional().describe("Built-in TensorFlow.js trainer, instead of command"),
  metrics: external_exports.union([osText, external_exports.record(external_exports.string(), osText)]).optional().describe("Metric file, glob, or {prefix: path}; defaults to the trainer output with trainer:"),
  python: external_exports.string().min(1).optional().describe(
    "The Python the training runs, for the environment fingerprint when `command` does not start with it (default python3 on PATH)"
  ),
  checkpoints: external_exports.union([osText, checkpointsSchema]).optional().describe(
    "Safetensors checkpoint file or glob written by command: (every match is fingerprinted), or {glob, average-last, eval-command}"
  ),
  baseline: osText.default(".repro/baseline.json").describe("May contain {runner} and {gpu}"),
  seed: external_exports.number().int().nonnegative().max(2 ** 32 - 1).default(1234).describe("Exported as REPRO_SEED and PYTHONHASHSEED; the built-in trainer seeds everything with it"),
  "timeout-minutes": external_exports.number().positive().default(30).describe("The training is stopped (its whole process group) after this long"),
  "kill-escaped": external_exports.boolean().optional().describe(
    "Kill processes the training leaves running after it ends (they are reported either way); default true under the action, false in the CLI"
  ),
  isolation: external_exports.enum(["auto", "none"]).default("auto").describe(
    "auto: run the training in its own PID namespace where the runner allows it without privileges; none: never"
  ),
  "determinism-env": external_exports.boolean().default(true).describe("Export CUBLAS_WORKSPACE_CONFIG, TF_DETERMINISTIC_OPS, TF_CUDNN_DETERMINISTIC"),
  tolerance: toleranceSchema.default({ rtol: 1e-5, atol: 1e-8 }).describe(
    "How close a value must be to the baseline: rtol/atol (numpy.allclose), exact, or the \u03C3 gate against a band"
  ),
  audit: auditSchema.default({ runs: 2, seeds: 0, expect: "numerical" }).describe("The determinism audit (repro-check audit, mode: audit)"),
  "pinning-risks": external_exports.enum(["warn", "error"]).default("warn").describe("Unpinned dependencies: report lines (warn) or exit 2 (error)"),
  "metric-tolerances": external_exports.record(external_exports.string(), toleranceOverrideSchema).default({}).describe("Per-metric tolerances by glob (`*` matches any characters, dots and slashes too)"),
  "ignore-metrics": external_exports.array(external_exports.string()).default(DEFAULT_IGNORED_METRICS).describe("Metric globs never compared; the default lists wall-clock fields"),
  "step-key": external_exports.union([external_exports.string().min(1), external_exports.record(external_exports.string(), external_exports.string().min(1))]).optional().describe(
    "The key (CSV: column) that numbers the records, when it is not one of step, global_step, trainer/global_step, iteration, iter, _step, epoch; a map gives one per prefix of the map form of metrics"
  ),
  "allow-non-finite": external_exports.array(external_exports.string()).default([]).describe(
    "Metric globs whose NaN or \xB1Infinity values a baseline update accepts (by default a command run whose metrics hold one is refused)"
  ),
  "fingerprint-paths": external_exports.array(external_exports.string().min(1)).default([]).describe("Files or folders hashed into the run record (dataset versioning)"),
  "working-directory": osText.default(".").describe("Where the command runs and relative paths resolve, below the repository root"),
  "fail-on-drift": external_exports.boolean().default(true).describe("Action: fail the step on drift (the CLI always exits 1 on drift)"),
  "on-missing-baseline": external_exports.enum(["warn", "fail"]).default("warn").describe("Action: warn passes with how to create one; fail fails before training"),
  // check-name and comment-author stay undefined when not set (the publish plan, plans.ts, says what
  // that means). check-name's JSON Schema default is the name a job then gets; comment-author has
  // none, since an unset author is learned from GitHub, not assumed.
  "check-name": external_exports.string().min(1).optional().meta({ default: DEFAULT_CHECK_NAME }).describe("Action: the check run name; the commit status context is repro-check/<check-name>"),
  "comment-key": external_exports.string().min(1).optional().describe("Defaults to the check-name when one is given, else the job id"),
  "comment-author": external_exports.string().min(1).optional().describe(
    "Login the github-token writes as; the sticky comment is only ever looked for among its comments (an App token: <app-slug>[bot]). When not set, it is learned from the creator of the commit status the run posts, else GET /user (a PAT), else the author of the oldest marked comment by a bot account"
  ),
  "accept-label": external_exports.string().min(1).default(DEFAULT_ACCEPT_LABEL).describe("Action: the PR label that accepts an intended change (added by someone with write access)"),
  "baseline-update": external_exports.enum(["commit", "pull-request"]).default("commit").describe("Action, mode baseline: commit the new baseline to the branch, or propose it as a PR"),
  "allow-baseline-from-any-branch": external_exports.boolean().default(false).describe("Action, mode baseline: allow branches other than the default one"),
  "allow-fork-prs": external_exports.boolean().default(false).describe("Action: train pull requests from forks (only on a disposable runner)"),
  "allow-pull-request-target": external_exports.boolean().default(false).describe("Action: train the PR head under pull_request_target (only on a disposable runner without secrets)")
});
var TOLERANCE_KEYS = ["tolerance", "metric-tolerances", "ignore-metrics"];
var TEXT_KEYS = /* @__PURE__ */ new Set([
  "command",
  "python",
  "checkpoints",
  "baseline",
  "working-directory",
  "check-name",
  "comment-key",
  "comment-author",
  "accept-label"
]);
function configKeys() {
  return Object.keys(configSchema.shape);
}

export {
  DEFAULT_CHECK_NAME,
  DEFAULT_IGNORED_METRICS,
  configSchema,
  TOLERANCE_KEYS,
  TEXT_KEYS,
  configKeys
};
