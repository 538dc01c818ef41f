import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  encodeNumber
} from "./chunk-22M5EIFX.js";

// src/report/json.ts
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
      extraSteps: m.extraSteps,
      tolerance: { rtol: m.tolerance.rtol, atol: m.tolerance.atol, exact: m.tolerance.exact, source: m.tolerance.source }
    })),
    unusedToleranceGlobs: verdict.unusedToleranceGlobs,
    notes: verdict.notes
  };
}
function checkReportToJson(report) {
  const json = verdictToJson(report.verdict);
  const weights = report.weightsDrift;
  return { ...json, status: weights ? "drift" : json.status, outcome: report.outcome, ...weights ? { weightsDiffer: weights.differing } : {} };
}

export {
  verdictToJson,
  checkReportToJson
};
