import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  EXIT_BAD_INPUT,
  EXIT_DRIFT,
  EXIT_PASS
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/compare/outcome.ts
init_define_REPRO_CHART_LIBRARY();
var OUTCOMES = ["pass", "drift", "accepted", "no-baseline", "error"];
function isDriftedMetric(metric) {
  return metric.status === "drift" || metric.status === "missing";
}
function firstDivergentStepOverall(verdict) {
  let first = null;
  for (const metric of verdict.metrics) {
    if (!isDriftedMetric(metric) || metric.firstDivergentStep === null) continue;
    if (first === null || metric.firstDivergentStep < first) first = metric.firstDivergentStep;
  }
  return first;
}
function decideOutcome(input) {
  const driftedMetrics = input.verdict ? input.verdict.metrics.filter(isDriftedMetric).map((m) => m.name) : [];
  const firstDivergentStep = input.verdict && driftedMetrics.length > 0 ? firstDivergentStepOverall(input.verdict) : null;
  const base = { driftedMetrics, firstDivergentStep, driftSummary: null };
  if (input.error) return { ...base, outcome: "error", exitCode: EXIT_BAD_INPUT, status: "error" };
  if (input.noBaseline || !input.verdict)
    return { ...base, outcome: "no-baseline", exitCode: EXIT_PASS, status: "pass" };
  const drifted = input.verdict.status === "drift" || driftedMetrics.length > 0 || input.weightsDrift !== null;
  if (!drifted) return { ...base, outcome: "pass", exitCode: EXIT_PASS, status: "pass" };
  const summary = describeDrift(
    input.verdict.metrics.length,
    driftedMetrics.length,
    firstDivergentStep,
    input.weightsDrift
  );
  return input.acceptedBy ? { ...base, driftSummary: summary, outcome: "accepted", exitCode: EXIT_PASS, status: "drift" } : { ...base, driftSummary: summary, outcome: "drift", exitCode: EXIT_DRIFT, status: "drift" };
}
function describeDrift(metrics, drifted, first, weights) {
  const weightsText = weights ? `final weights differ in ${weights.tensors === void 0 ? plural(weights.differing, "tensor") : `${weights.differing} of ${plural(weights.tensors, "tensor")}`}` : null;
  if (drifted === 0) return weightsText ?? "drift";
  const metricText = `${drifted} of ${plural(metrics, "metric")} drifted${first === null ? "" : ` from step ${first}`}`;
  return weightsText ? `${metricText}; ${weightsText}` : metricText;
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export {
  OUTCOMES,
  isDriftedMetric,
  firstDivergentStepOverall,
  decideOutcome
};
