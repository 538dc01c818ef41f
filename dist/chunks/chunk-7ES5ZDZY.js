import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  bandFor,
  decodeBands
} from "./chunk-GLHUCNKJ.js";
import {
  describeSigmaGate,
  leaveOneOut,
  sigmaGate
} from "./chunk-J2K7L4Y2.js";
import {
  sortDriftFirst
} from "./chunk-RTR2AN4Y.js";
import {
  isDriftedMetric
} from "./chunk-NV534FCQ.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/compare/sigma-verdict.ts
init_define_REPRO_CHART_LIBRARY();
function withSigmaGate(verdict, gate, band) {
  const gated = new Map(gate.metrics.map((m) => [m.name, m]));
  const metrics = verdict.metrics.map((comparison) => {
    const sigma = gated.get(comparison.name);
    if (!sigma) return comparison;
    return {
      ...comparison,
      status: sigma.status,
      firstOutOfToleranceStep: sigma.status === "pass" ? null : sigma.firstFailingStep ?? comparison.firstOutOfToleranceStep,
      sigma: {
        band,
        runs: sigma.runs,
        scale: sigma.scale,
        k: sigma.k,
        nominalFalseAlarmRate: sigma.nominalFalseAlarmRate,
        sigmas: sigma.sigmas,
        finalSigmas: sigma.finalSigmas,
        tailSigmas: sigma.tailSigmas,
        worstPoint: sigma.worstPoint,
        note: sigma.note
      }
    };
  });
  const drifted = metrics.some(isDriftedMetric);
  return { ...verdict, status: drifted ? "drift" : "pass", metrics: sortDriftFirst(metrics) };
}
function sigmaLines(verdict) {
  return verdict.metrics.flatMap((m) => {
    const s = m.sigma;
    if (!s || s.sigmas === null) return s?.note ? [`\`${m.name}\`: ${s.note}`] : [];
    const tail = s.tailSigmas === null ? "" : `, mean of the last window ${s.tailSigmas.toFixed(2)}\u03C3`;
    return [
      `\`${m.name}\`: ${s.sigmas.toFixed(2)}\u03C3 at ${s.worstPoint} (final ${s.finalSigmas.toFixed(2)}\u03C3${tail}; ${s.scale} scale; k ${s.k.toFixed(2)}, nominal false-alarm rate ${(100 * s.nominalFalseAlarmRate).toPrecision(2)}%; ${s.band} band of ${s.runs})${s.note ? ` \u2014 ${s.note}` : ""}`
    ];
  });
}
function judgeAgainstBand(plain, baseline, where, current, seed, options) {
  const bands = decodeBands(baseline, where);
  const band = bands ? bandFor(bands, seed) : null;
  if (!band) return { verdict: plain, lines: [] };
  const members = band.members.map((m) => m.data);
  const verdict = withSigmaGate(plain, sigmaGate(members, current, options), band.kind);
  const calibration = leaveOneOut(members, options);
  return {
    verdict,
    lines: [
      `${band.kind === "same-seed" ? "Same-seed band (the run has the baseline's seed)" : "Seed band"}: ${describeSigmaGate(options, members.length)}`,
      ...calibration ? [
        `leave-one-out over the band: ${calibration.alarms} of ${calibration.runs} runs flagged (empirical false-alarm rate ${(100 * calibration.rate).toFixed(0)}%)`
      ] : [],
      ...sigmaLines(verdict)
    ]
  };
}

export {
  judgeAgainstBand
};
