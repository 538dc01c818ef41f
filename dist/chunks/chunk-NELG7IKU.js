import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  cell,
  formatDiff,
  formatStep
} from "./chunk-DBEUN44C.js";
import {
  encodeNumber
} from "./chunk-N6LDEXVG.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/report/audit.ts
init_define_REPRO_CHART_LIBRARY();
var LEVEL_TEXT = {
  numerical: "numerical (bit-for-bit)",
  statistical: "statistical (within seed noise)",
  "not reproducible": "not reproducible"
};
function renderAuditMarkdown(input) {
  const f = input.findings;
  const icon = f.reached ? f.warnings.length > 0 ? "\u26A0\uFE0F" : "\u2705" : "\u274C";
  const lines = [
    `## ${icon} repro-check audit: ${LEVEL_TEXT[f.level]}${f.reached ? "" : ` \u2014 expected ${f.expect}`}`,
    "",
    `Commit ${input.commit.slice(0, 12)}: ${f.sameSeedRuns} runs with seed ${input.seed}${f.seedRuns > 0 ? `, ${f.seedRuns} with seeds ${describeSeeds(input.otherSeeds)}` : ""}. ` + (f.bitIdentical ? `The same-seed runs are bit-for-bit identical${f.tensors.compared ? ` (metrics and all ${f.tensors.total} final tensors)` : ""}.` : "The same-seed runs are **not** bit-for-bit identical."),
    ""
  ];
  for (const warning of f.warnings) lines.push(`> [!WARNING]
> ${warning}`, "");
  if (f.metrics.length > 0) {
    lines.push(
      "| metric | same-seed runs | first divergent step | max \\|diff\\| | \u03C3 from the seed band |",
      "| --- | --- | --- | --- | --- |"
    );
    for (const m of f.metrics) {
      lines.push(
        `| ${cell(m.name)} | ${m.identical ? "identical" : "**differ**"} | ${formatStep(m.firstDivergentStep)} | ${m.maxAbsDiff === null ? "\u2014" : formatDiff(m.maxAbsDiff)} | ${m.sigmas === null ? "\u2014" : `${m.sigmas.toFixed(2)}${m.scale === "log" ? " (log scale)" : ""}`} |`
      );
    }
    lines.push("");
  }
  if (f.tensors.compared)
    lines.push(
      f.tensors.differing.length === 0 ? `Final checkpoints: all ${f.tensors.total} tensors identical.` : `Final checkpoints: ${f.tensors.differing.length} of ${f.tensors.total} tensors differ: ${f.tensors.differing.slice(0, 10).join(", ")}${f.tensors.differing.length > 10 ? ", \u2026" : ""}.`,
      ""
    );
  if (f.causes.length > 0) lines.push("### Likely causes", "", ...f.causes.map((c) => `- ${c}`), "");
  if (f.seedRuns > 0) {
    lines.push("### Gate", "", input.gateLine);
    if (f.calibration)
      lines.push(
        "",
        `Leave-one-out over the ${f.calibration.runs} seed runs: ${f.calibration.alarms} of ${f.calibration.runs} flagged (empirical false-alarm rate ${(f.calibration.rate * 100).toFixed(0)}%).`
      );
    lines.push("");
  }
  if (input.environmentLines.length > 0)
    lines.push("### Environment", "", ...input.environmentLines.map((l) => `- ${l}`), "");
  if (input.wallMs > 0) {
    const overhead = 100 * (input.wallMs - input.trainingMs) / input.wallMs;
    lines.push(
      `<sub>${(input.wallMs / 1e3).toFixed(1)} s in all, ${(input.trainingMs / 1e3).toFixed(1)} s training (audit overhead ${overhead.toFixed(1)}%).</sub>`,
      ""
    );
  }
  return lines.join("\n");
}
function describeSeeds(seeds) {
  const consecutive = seeds.every((s, i) => i === 0 || s === seeds[i - 1] + 1);
  return consecutive && seeds.length > 2 ? `${seeds[0]}\u2013${seeds.at(-1)}` : seeds.join(", ");
}
function auditToJson(input) {
  const f = input.findings;
  const encode = (v) => v === null ? null : encodeNumber(v);
  return {
    status: f.reached ? "pass" : "fail",
    level: f.level,
    expect: f.expect,
    bitIdentical: f.bitIdentical,
    sameSeedRuns: f.sameSeedRuns,
    seedRuns: f.seedRuns,
    seedIgnored: f.seedIgnored,
    metrics: f.metrics.map((m) => ({
      name: m.name,
      identical: m.identical,
      firstDivergentStep: m.firstDivergentStep,
      maxAbsDiff: encode(m.maxAbsDiff),
      sigmas: encode(m.sigmas),
      scale: m.scale
    })),
    tensors: f.tensors,
    causes: f.causes,
    warnings: f.warnings,
    gate: f.seedRuns > 0 ? input.gateLine : null,
    calibration: f.calibration,
    wallMs: Math.round(input.wallMs),
    trainingMs: Math.round(input.trainingMs)
  };
}

export {
  renderAuditMarkdown,
  auditToJson
};
