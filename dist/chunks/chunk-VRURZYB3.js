import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  DEFAULT_CHECK_NAME
} from "./chunk-7WBBLXUB.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/settings/plans.ts
init_define_REPRO_CHART_LIBRARY();
function trainingPlanOf(config) {
  const job = trainingJobOf(config);
  const checkpoints = config.checkpoints;
  return {
    job,
    seed: config.seed,
    determinismEnv: config["determinism-env"],
    determinismVariables: job.kind === "trainer" ? job.trainer["strict-determinism"] : config["determinism-env"],
    timeoutMinutes: config["timeout-minutes"],
    stepKey: config["step-key"],
    ignoreMetrics: config["ignore-metrics"],
    checkpoints: checkpoints === void 0 ? null : typeof checkpoints === "string" ? { glob: checkpoints, averageLast: void 0, evalCommand: void 0 } : {
      glob: checkpoints.glob,
      averageLast: checkpoints["average-last"],
      evalCommand: checkpoints["eval-command"]
    },
    isolation: config.isolation,
    killEscaped: config["kill-escaped"],
    fingerprintPaths: config["fingerprint-paths"],
    python: config.python,
    workingDirectory: config["working-directory"]
  };
}
function trainingJobOf(config) {
  if (config.trainer) return { kind: "trainer", trainer: config.trainer, metrics: config.metrics ?? null };
  if (config.command !== void 0 && config.metrics !== void 0)
    return { kind: "command", command: config.command, metrics: config.metrics };
  throw new Error("trainingPlanOf: the settings name no command (with metrics) and no trainer");
}
function tolerancePlanOf(config) {
  return {
    tolerance: config.tolerance,
    "metric-tolerances": config["metric-tolerances"],
    "ignore-metrics": config["ignore-metrics"]
  };
}
function publishPlanOf(config, job) {
  const checkName = config["check-name"];
  const commentKey = config["comment-key"];
  return {
    checkName: checkName ?? DEFAULT_CHECK_NAME,
    commentKey: commentKey ?? checkName ?? job,
    sharesStatusContext: commentKey !== void 0 && checkName === void 0,
    commentAuthor: config["comment-author"],
    acceptLabel: config["accept-label"],
    failOnDrift: config["fail-on-drift"],
    baselineUpdate: config["baseline-update"],
    allowBaselineFromAnyBranch: config["allow-baseline-from-any-branch"],
    allowForkPrs: config["allow-fork-prs"],
    allowPullRequestTarget: config["allow-pull-request-target"]
  };
}

export {
  trainingPlanOf,
  tolerancePlanOf,
  publishPlanOf
};
