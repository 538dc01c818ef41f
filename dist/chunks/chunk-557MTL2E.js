import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  firstDivergentStepOverall,
  isDriftedMetric
} from "./chunk-NV534FCQ.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/report/coverage.ts
init_define_REPRO_CHART_LIBRARY();
var SHOWN_STEPS = 5;
function describeStepGaps(metric, axis = "step") {
  const parts = [];
  if (metric.missingStepCount > 0)
    parts.push(
      `${count(metric.missingStepCount, `baseline ${axis}`)} missing: ${listed(metric.missingSteps, metric.missingStepCount)}`
    );
  if (metric.extraStepCount > 0)
    parts.push(
      `${count(metric.extraStepCount, `extra ${axis}`)} in this run: ${listed(metric.extraSteps, metric.extraStepCount)}`
    );
  return parts.length === 0 ? null : parts.join("; ");
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
function listed(steps, total) {
  const shown = steps.slice(0, SHOWN_STEPS).join(", ");
  return total > SHOWN_STEPS ? `${shown}, \u2026` : shown;
}
function uncomparedText(names) {
  const shown = names.slice(0, 3).map((name) => `\`${name}\``);
  const more = names.length > 3 ? ` and ${names.length - 3} more` : "";
  return `values of ${shown.join(", ")}${more} were not compared (see notes)`;
}

// src/report/headline.ts
init_define_REPRO_CHART_LIBRARY();
var OUTCOME_HEADLINE = {
  pass: "\u2705 repro-check: reproduced",
  drift: "\u274C repro-check: drift",
  accepted: "\u2611\uFE0F repro-check: drift accepted",
  "no-baseline": "\u2139\uFE0F repro-check: no baseline yet",
  error: "\u26A0\uFE0F repro-check: could not check"
};
var UNCLEAN_TREE_NOTE = "unclean tree \u2014 this result cannot gate";
function uncleanTreeLine(tree) {
  const shown = tree.paths.slice(0, 10).join(", ") + (tree.paths.length > 10 ? `, \u2026 and ${tree.paths.length - 10} more` : "");
  return `Trained with uncommitted changes (--allow-dirty): ${shown}; diff sha256 ${tree.diffSha256.slice(0, 16)}. Commit them to get a result that can gate.`;
}
function seedMismatchNote(seeds) {
  return `baseline seed ${seeds.baseline}, this run seed ${seeds.current} \u2014 curves from different seeds are not comparable bit for bit`;
}
function drifted(verdict) {
  return verdict.metrics.filter(isDriftedMetric);
}
function divergence(verdict) {
  const diverged = drifted(verdict).filter((m) => m.becameNonFinite !== null);
  if (diverged.length === 0) return null;
  const first = diverged.reduce(
    (a, b) => (b.becameNonFinite.step ?? Infinity) < (a.becameNonFinite.step ?? Infinity) ? b : a
  );
  const { step, value } = first.becameNonFinite;
  return `diverged: \`${first.name}\` became ${Number.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity"}${step === null ? " (final value)" : ` at ${axisNoun(verdict)} ${step}`}`;
}
function headlineText(input) {
  const verdict = input.verdict;
  let text = OUTCOME_HEADLINE[input.outcome];
  const diverged = verdict && (input.outcome === "drift" || input.outcome === "accepted") ? divergence(verdict) : null;
  if (verdict && (input.outcome === "drift" || input.outcome === "accepted")) {
    const count2 = drifted(verdict).length;
    const first = firstDivergentStepOverall(verdict);
    const weights = input.weightsDrift ? input.weightsDrift.cause ? `${input.weightsDrift.cause} (exact tolerance)` : `final weights differ (${describeTensorCount(input.weightsDrift)}, exact tolerance)` : null;
    if (count2 === 0 && weights)
      text += ` \u2014 ${weights}; ${verdict.metrics.length === 1 ? "the metric is" : `all ${verdict.metrics.length} metrics are`} within tolerance`;
    else
      text += ` in ${count2} of ${plural(verdict.metrics.length, "metric")}${diverged ? ` \u2014 ${diverged}` : ""}${first === null ? "" : ` \u2014 curves part at ${axisNoun(verdict)} ${first}`}${weights ? `; ${weights}` : ""}`;
  } else if (verdict && input.outcome === "pass") {
    const compared = verdict.metrics.filter((m) => m.status !== "new").length;
    const bitwise = (verdict.uncompared?.length ?? 0) === 0 && verdict.metrics.every((m) => m.status === "new" || m.firstDivergentStep === null && (m.maxAbsDiff ?? 0) === 0);
    text += ` \u2014 ${plural(compared, "metric")} within tolerance${bitwise ? ", bit-for-bit identical" : ""}${input.weightsNotCompared ? "; the weights were not compared (this run wrote no checkpoint)" : ""}`;
  }
  if (verdict && (verdict.uncompared?.length ?? 0) > 0) text += `; ${uncomparedText(verdict.uncompared)}`;
  if (input.uncleanTree) text += ` (${UNCLEAN_TREE_NOTE})`;
  return text;
}
function describeTensorCount(weights) {
  return weights.tensors === void 0 ? plural(weights.differing, "tensor") : `${weights.differing} of ${plural(weights.tensors, "tensor")}`;
}
function plural(count2, noun) {
  return `${count2} ${noun}${count2 === 1 ? "" : "s"}`;
}
function axisNoun(verdict) {
  const keys = [...verdict.stepKeys.baseline, ...verdict.stepKeys.current].map((axis) => axis.stepKey).filter((key) => key !== null);
  return keys.length > 0 && keys.every((key) => key.trim().toLowerCase() === "epoch") ? "epoch" : "step";
}

export {
  describeStepGaps,
  UNCLEAN_TREE_NOTE,
  uncleanTreeLine,
  seedMismatchNote,
  drifted,
  headlineText,
  axisNoun
};
