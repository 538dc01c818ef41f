import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;

// src/report/chart.ts
var MAX_CHART_POINTS = 100;
function downsampleIndices(length, maxPoints, mustKeep = []) {
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const keep = new Set(mustKeep.filter((i) => i >= 0 && i < length));
  const slots = Math.max(2, maxPoints - keep.size);
  for (let k = 0; k < slots; k++) keep.add(Math.round(k * (length - 1) / (slots - 1)));
  return [...keep].sort((a, b) => a - b).slice(0, maxPoints);
}
function renderCurveChart(name, baseline, current, firstDivergentStep) {
  const currentByStep = /* @__PURE__ */ new Map();
  current.steps.forEach((step, i) => currentByStep.set(step, current.values[i]));
  const points = [];
  baseline.steps.forEach((step, i) => {
    const b = baseline.values[i];
    const c = currentByStep.get(step);
    if (c !== void 0 && Number.isFinite(b) && Number.isFinite(c)) points.push({ step, baseline: b, current: c });
  });
  if (points.length < 2) return null;
  const divergentIndex = firstDivergentStep === null ? -1 : points.findIndex((p) => p.step >= firstDivergentStep);
  const sampled = downsampleIndices(points.length, MAX_CHART_POINTS, [divergentIndex]).map((i) => points[i]);
  const title = `${name}: baseline (line 1) vs this run (line 2)${firstDivergentStep === null ? "" : `, first divergent step ${firstDivergentStep}`}`;
  const number = (v) => String(Number(v.toPrecision(8)));
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${title.replace(/"/g, "'")}"`,
    `    x-axis "step" [${sampled.map((p) => p.step).join(", ")}]`,
    `    y-axis "${name.replace(/"/g, "'")}"`,
    `    line [${sampled.map((p) => number(p.baseline)).join(", ")}]`,
    `    line [${sampled.map((p) => number(p.current)).join(", ")}]`,
    "```"
  ].join("\n");
}

// src/report/format.ts
function formatValue(value) {
  if (value === null) return "\u2014";
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e6) return String(Number(value.toPrecision(7)));
  return value.toExponential(4);
}
function formatDiff(value) {
  if (value === null) return "\u2014";
  if (value === 0) return "0";
  if (!Number.isFinite(value)) return "Inf";
  return value.toExponential(2);
}
function formatStep(step) {
  return step === null ? "\u2014" : String(step);
}
function cell(text) {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

// src/report/markdown.ts
var COMMENT_BODY_LIMIT = 65536;
var MAX_CHARTS = 5;
var OUTCOME_HEADLINE = {
  pass: "\u2705 repro-check: reproduced",
  drift: "\u274C repro-check: drift",
  accepted: "\u2611\uFE0F repro-check: drift accepted",
  "no-baseline": "\u2139\uFE0F repro-check: no baseline yet",
  error: "\u26A0\uFE0F repro-check: could not check"
};
function firstDivergentStepOverall(verdict) {
  const steps = verdict.metrics.filter(isDrift).map((m) => m.firstDivergentStep).filter((s) => s !== null);
  return steps.reduce((min, step) => min === null || step < min ? step : min, null);
}
function isDrift(metric) {
  return metric.status === "drift" || metric.status === "missing";
}
function renderMarkdown(input, maxChars = COMMENT_BODY_LIMIT - 200) {
  for (const detail of DETAIL_LEVELS) {
    const text2 = renderAtDetail(input, detail);
    if (text2.length <= maxChars) return text2;
  }
  const text = renderAtDetail(input, DETAIL_LEVELS.at(-1));
  const note = "\n\n\u2026 report truncated to fit GitHub's size limit; the full report is in the run's artifact and job summary.\n";
  return text.slice(0, maxChars - note.length) + note;
}
var MAX_RENDERED_METRICS = 1e3;
var DETAIL_LEVELS = [
  { foldPassing: false, charts: MAX_CHARTS, maxRows: MAX_RENDERED_METRICS },
  { foldPassing: true, charts: MAX_CHARTS, maxRows: MAX_RENDERED_METRICS },
  { foldPassing: true, charts: 1, maxRows: 200 },
  { foldPassing: true, charts: 0, maxRows: 50 }
];
function renderAtDetail(input, detail) {
  const parts = [headline(input), "", `**Run:** ${input.runLabel}  `, `**Baseline:** ${input.baselineLabel}`];
  if (input.runUrl) parts.push(`**Logs:** ${input.runUrl}`);
  if (input.acceptedBy) parts.push("", `Drift accepted by @${input.acceptedBy.login} at ${input.acceptedBy.at} (label on the pull request); the baseline update after merge records the new numbers.`);
  if (input.message) parts.push("", input.message);
  const verdict = input.verdict;
  if (verdict) {
    parts.push("", ...metricTables(verdict.metrics, detail));
    const charts = drifted(verdict).slice(0, detail.charts).flatMap((metric) => {
      const b = input.baselineData?.series.get(metric.name);
      const c = input.currentData?.series.get(metric.name);
      const chart = b && c ? renderCurveChart(metric.name, b, c, metric.firstDivergentStep) : null;
      return chart ? [chart] : [];
    });
    if (charts.length > 0) parts.push("", "### Curves", "", ...charts.flatMap((chart) => [chart, ""]));
  }
  if (input.environmentDifferences.length > 0) {
    parts.push("", "### Environment differences", "", "| | baseline | this run |", "| --- | --- | --- |");
    for (const diff of input.environmentDifferences) parts.push(`| ${cell(diff.key)} | ${cell(diff.baseline)} | ${cell(diff.current)} |`);
  }
  if (input.checkpointLines.length > 0) parts.push("", "### Weights", "", ...input.checkpointLines.map((l) => `- ${l}`));
  if (input.toleranceLines.length > 0) parts.push("", "### Tolerance", "", ...input.toleranceLines.map((l) => `- ${l}`));
  const notes = [...input.notes, ...verdict?.notes ?? []];
  if (notes.length > 0) parts.push("", "### Notes", "", ...notes.slice(0, 50).map((n) => `- ${n}`), ...notes.length > 50 ? [`- \u2026 and ${notes.length - 50} more`] : []);
  return parts.join("\n") + "\n";
}
function drifted(verdict) {
  return verdict.metrics.filter(isDrift);
}
function headline(input) {
  const verdict = input.verdict;
  let text = OUTCOME_HEADLINE[input.outcome];
  if (verdict && (input.outcome === "drift" || input.outcome === "accepted")) {
    const count = drifted(verdict).length;
    const first = firstDivergentStepOverall(verdict);
    const weights = input.weightsDrift ? input.weightsDrift.cause ? `${input.weightsDrift.cause} (exact tolerance)` : `final weights differ (${describeTensorCount(input.weightsDrift)}, exact tolerance)` : null;
    if (count === 0 && weights) text += ` \u2014 ${weights}; ${verdict.metrics.length === 1 ? "the metric is" : `all ${verdict.metrics.length} metrics are`} within tolerance`;
    else text += ` in ${count} of ${plural(verdict.metrics.length, "metric")}${first === null ? "" : ` \u2014 curves part at step ${first}`}${weights ? `; ${weights}` : ""}`;
  } else if (verdict && input.outcome === "pass") {
    const compared = verdict.metrics.filter((m) => m.status !== "new").length;
    const bitwise = verdict.metrics.every((m) => m.status === "new" || m.firstDivergentStep === null && (m.maxAbsDiff ?? 0) === 0);
    text += ` \u2014 ${plural(compared, "metric")} within tolerance${bitwise ? ", bit-for-bit identical" : ""}${input.weightsNotCompared ? "; the weights were not compared (this run wrote no checkpoint)" : ""}`;
  }
  return `## ${text}`;
}
function describeTensorCount(weights) {
  return weights.tensors === void 0 ? plural(weights.differing, "tensor") : `${weights.differing} of ${plural(weights.tensors, "tensor")}`;
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
var TABLE_HEADER = ["| metric | baseline | current | max abs diff | max rel diff | first divergent step | first out-of-tolerance step | status |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"];
function metricRow(metric) {
  const stepNote = metric.kind === "final" ? " (final)" : metric.finalStep === null ? "" : ` @${metric.finalStep}`;
  const missing = metric.missingSteps.length > 0 ? ` (${metric.missingSteps.length} steps missing, first ${metric.missingSteps[0]})` : "";
  return `| ${cell(metric.name)}${stepNote} | ${formatValue(metric.baselineValue)} | ${formatValue(metric.currentValue)} | ${formatDiff(metric.maxAbsDiff)} | ${formatDiff(metric.maxRelDiff)} | ${formatStep(metric.firstDivergentStep)} | ${formatStep(metric.firstOutOfToleranceStep)} | ${STATUS_LABEL[metric.status]}${missing} |`;
}
var STATUS_LABEL = { pass: "pass", drift: "**drift**", missing: "**missing**", new: "new" };
function metricTables(metrics, detail) {
  if (metrics.length === 0) return ["No metrics to compare (all were filtered out or none were logged)."];
  const shown = metrics.filter((m) => !detail.foldPassing || m.status !== "pass");
  const folded = metrics.filter((m) => detail.foldPassing && m.status === "pass");
  const lines = [];
  const rows = (list) => {
    const out = list.slice(0, detail.maxRows).map(metricRow);
    if (list.length > detail.maxRows) out.push(`| \u2026 ${list.length - detail.maxRows} more | | | | | | | |`);
    return out;
  };
  if (shown.length > 0) lines.push(...TABLE_HEADER, ...rows(shown));
  if (folded.length > 0) {
    lines.push("", `<details><summary>${folded.length} metrics within tolerance</summary>`, "", ...TABLE_HEADER, ...rows(folded), "", "</details>");
  }
  return lines;
}

export {
  formatDiff,
  formatStep,
  firstDivergentStepOverall,
  renderMarkdown
};
