import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  encodeNumber
} from "./chunk-N6LDEXVG.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/report/resume-audit.ts
init_define_REPRO_CHART_LIBRARY();
function resumeAuditToJson(analysis) {
  const metrics = (verdict) => verdict.metrics.map((m) => ({
    name: m.name,
    status: m.status,
    firstDivergentStep: m.firstDivergentStep,
    maxAbsDiff: m.maxAbsDiff === null ? null : encodeNumber(m.maxAbsDiff)
  }));
  return {
    status: analysis.status,
    resumeAt: analysis.resumeAt,
    firstDivergentStep: analysis.firstDivergentStep,
    divergentMetrics: analysis.divergentMetrics,
    likelyMissingState: analysis.likelyMissingState,
    metrics: metrics(analysis.resumed),
    firstLeg: { status: analysis.firstLeg.status, metrics: metrics(analysis.firstLeg) }
  };
}
function renderResumeAudit(analysis) {
  const lines = [`### Exact-resume audit: stopped after step ${analysis.resumeAt}, resumed`, ""];
  if (analysis.status === "pass") {
    const compared = analysis.resumed.metrics.filter((m) => m.status === "pass").length;
    lines.push(
      `**pass**: the resumed run is bit-identical to the uninterrupted one from step ${analysis.resumeAt + 1} on (${compared} metrics).`,
      ""
    );
    return lines.join("\n");
  }
  lines.push(
    `**drift**: ${analysis.firstDivergentStep === null ? "the runs differ" : `first divergent step ${analysis.firstDivergentStep}`}${analysis.divergentMetrics.length > 0 ? ` (${analysis.divergentMetrics.slice(0, 10).join(", ")}${analysis.divergentMetrics.length > 10 ? ", \u2026" : ""})` : ""}.`,
    ""
  );
  lines.push(`Likely cause: ${analysis.likelyMissingState}.`, "");
  const rows = [
    ...analysis.resumed.metrics,
    ...analysis.firstLeg.metrics.map((m) => ({ ...m, name: `${m.name} (first leg)` }))
  ].filter((m) => m.status !== "pass");
  if (rows.length > 0) {
    lines.push("| metric | status | first divergent step | max abs diff |", "| --- | --- | ---: | ---: |");
    for (const m of rows)
      lines.push(
        `| \`${m.name}\` | ${m.status} | ${m.firstDivergentStep ?? "\u2014"} | ${m.maxAbsDiff === null ? "\u2014" : m.maxAbsDiff.toExponential(3)} |`
      );
    lines.push("");
  }
  return lines.join("\n");
}
export {
  renderResumeAudit,
  resumeAuditToJson
};
