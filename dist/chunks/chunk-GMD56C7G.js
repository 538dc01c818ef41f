import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  encodeNumber
} from "./chunk-N6LDEXVG.js";
import {
  decideOutcome
} from "./chunk-NV534FCQ.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/report/json.ts
init_define_REPRO_CHART_LIBRARY();
var encodeOrNull = (value) => value === null ? null : encodeNumber(value);
function verdictToJson(verdict) {
  return {
    status: verdict.status,
    metrics: verdict.metrics.map((m) => ({
      name: m.name,
      status: m.status,
      firstDivergentStep: m.firstDivergentStep,
      firstOutOfToleranceStep: m.firstOutOfToleranceStep,
      maxAbsDiff: encodeOrNull(m.maxAbsDiff),
      maxRelDiff: encodeOrNull(m.maxRelDiff),
      kind: m.kind,
      finalStep: m.finalStep,
      baselineValue: encodeOrNull(m.baselineValue),
      currentValue: encodeOrNull(m.currentValue),
      missingSteps: m.missingSteps,
      missingStepCount: m.missingStepCount,
      extraSteps: m.extraSteps,
      extraStepCount: m.extraStepCount,
      becameNonFinite: m.becameNonFinite && {
        step: m.becameNonFinite.step,
        value: encodeNumber(m.becameNonFinite.value)
      },
      renamedTo: m.renamedTo,
      tolerance: {
        rtol: m.tolerance.rtol,
        atol: m.tolerance.atol,
        exact: m.tolerance.exact,
        source: m.tolerance.source
      },
      ...m.sigma ? sigmaToJson(m.sigma) : {}
    })),
    unusedToleranceGlobs: verdict.unusedToleranceGlobs,
    notes: verdict.notes,
    stepKeys: verdict.stepKeys,
    uncompared: verdict.uncompared ?? []
  };
}
function sigmaToJson(sigma) {
  const { sigmas, finalSigmas, tailSigmas, k, ...rest } = sigma;
  return {
    sigmas: encodeOrNull(sigmas),
    sigma: {
      ...rest,
      k: encodeNumber(k),
      finalSigmas: encodeOrNull(finalSigmas),
      tailSigmas: encodeOrNull(tailSigmas)
    }
  };
}
function checkReportToJson(report) {
  const json = verdictToJson(report.verdict);
  const weights = report.weightsDrift;
  return {
    ...json,
    // Weights that differ under exact tolerance are drift although every metric passed (compare/outcome.ts).
    status: decideOutcome({ verdict: report.verdict, weightsDrift: weights ?? null, acceptedBy: null }).status === "drift" ? "drift" : "pass",
    outcome: report.outcome,
    // The report's own notes (seed mismatch, trainer warnings) before the comparison's.
    notes: [...report.notes, ...json.notes],
    ...weights ? { weightsDiffer: weights.differing } : {},
    ...report.seedMismatch ? { seedMismatch: report.seedMismatch } : {},
    ...report.uncleanTree ? { dirty: true, dirtyPaths: report.uncleanTree.paths, diffSha256: report.uncleanTree.diffSha256 } : {}
  };
}

export {
  verdictToJson,
  checkReportToJson
};
