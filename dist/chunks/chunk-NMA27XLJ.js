import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  nextSteps,
  renderMermaidCharts
} from "./chunk-3YJUOLUT.js";
import {
  axisNoun,
  describeStepGaps,
  drifted,
  headlineText,
  uncleanTreeLine
} from "./chunk-557MTL2E.js";
import {
  cell,
  formatDiff,
  formatStep,
  formatValue
} from "./chunk-DBEUN44C.js";
import {
  COMMENT_BODY_LIMIT
} from "./chunk-4NT54M3U.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/report/markdown.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
var MAX_CHARTS = 10;
var OPEN_CHARTS = 3;
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
  const stepKeys = input.verdict ? describeStepKeys(input.verdict) : null;
  const header = [
    `**Run:** ${input.runLabel}`,
    `**Baseline:** ${input.baselineLabel}`,
    ...stepKeys ? [`**Steps from:** ${stepKeys}`] : [],
    ...input.runUrl ? [`**Logs:** ${input.runUrl}`] : []
  ];
  const parts = [`## ${headlineText(input)}`, "", header.join("  \n")];
  if (input.acceptedBy)
    parts.push(
      "",
      `Drift accepted by @${input.acceptedBy.login} at ${input.acceptedBy.at} (label on the pull request); the baseline update after merge records the new numbers.`
    );
  if (input.message) parts.push("", input.message);
  if (input.uncleanTree) parts.push("", uncleanTreeLine(input.uncleanTree));
  const verdict = input.verdict;
  if (verdict) {
    parts.push("", ...metricTables(verdict.metrics, detail, axisNoun(verdict)));
    const charts = drifted(verdict).slice(0, detail.charts).flatMap((metric) => {
      const b = input.baselineData?.series.get(metric.name);
      const c = input.currentData?.series.get(metric.name);
      const chart = b && c ? renderMermaidCharts(metric.name, b, c, metric, axisNoun(verdict)) : null;
      return chart ? [{ name: metric.name, chart }] : [];
    });
    if (charts.length > 0) {
      parts.push("", "### Curves", "");
      charts.forEach(({ name, chart }, i) => {
        if (i < OPEN_CHARTS) parts.push(`**${name}**`, "", chart, "");
        else parts.push(`<details><summary>${escapeHtml(name)}</summary>`, "", chart, "", "</details>", "");
      });
    }
  }
  if (input.environmentDifferences.length > 0) {
    parts.push("", "### Environment differences", "", "| | baseline | this run |", "| --- | --- | --- |");
    for (const diff of input.environmentDifferences)
      parts.push(`| ${cell(diff.key)} | ${cell(diff.baseline)} | ${cell(diff.current)} |`);
  }
  if (input.checkpointLines.length > 0)
    parts.push("", "### Weights", "", ...input.checkpointLines.map((l) => `- ${l}`));
  if (input.toleranceLines.length > 0)
    parts.push("", "### Tolerance", "", ...input.toleranceLines.map((l) => `- ${l}`));
  const notes = [...input.notes, ...verdict?.notes ?? []];
  if (notes.length > 0)
    parts.push(
      "",
      "### Notes",
      "",
      ...notes.slice(0, 50).map((n) => `- ${n}`),
      ...notes.length > 50 ? [`- \u2026 and ${notes.length - 50} more`] : []
    );
  const steps = nextSteps(input);
  if (steps.length > 0) parts.push("", "### What now", "", ...steps.map((s) => `- ${s}`));
  return parts.join("\n") + "\n";
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function describeStepKeys(verdict) {
  const sides = [verdict.stepKeys.baseline, verdict.stepKeys.current].map(
    (axes) => axes.filter((axis) => axis.stepKey !== null).map((axis) => `\`${axis.stepKey}\` (${path.basename(axis.file)})`).join(", ")
  );
  if (sides.every((side) => side === "")) return null;
  return `baseline ${sides[0] || "run record"}; this run ${sides[1] || "run record"}`;
}
function tableHeader(axis) {
  return [
    `| metric | baseline | current | max abs diff | max rel diff | first divergent ${axis} | first out-of-tolerance ${axis} | status |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
  ];
}
function metricRow(metric) {
  const stepNote = metric.kind === "final" ? " (final)" : metric.finalStep === null ? "" : ` @${metric.finalStep}`;
  const gaps = describeStepGaps(metric);
  const missing = gaps === null ? "" : ` (${gaps})`;
  const renamed = metric.renamedTo ? ` (renamed? \u2192 \`${metric.renamedTo}\`)` : "";
  return `| ${cell(metric.name)}${stepNote} | ${formatValue(metric.baselineValue)} | ${formatValue(metric.currentValue)} | ${formatDiff(metric.maxAbsDiff)} | ${formatDiff(metric.maxRelDiff)} | ${formatStep(metric.firstDivergentStep)} | ${formatStep(metric.firstOutOfToleranceStep)} | ${STATUS_LABEL[metric.status]}${cell(missing + renamed)} |`;
}
var STATUS_LABEL = {
  pass: "pass",
  drift: "**drift**",
  missing: "**missing**",
  new: "new"
};
function metricTables(metrics, detail, axis) {
  if (metrics.length === 0) return ["No metrics to compare (all were filtered out or none were logged)."];
  const shown = metrics.filter((m) => !detail.foldPassing || m.status !== "pass");
  const folded = metrics.filter((m) => detail.foldPassing && m.status === "pass");
  const lines = [];
  const rows = (list) => {
    const out = list.slice(0, detail.maxRows).map(metricRow);
    if (list.length > detail.maxRows) out.push(`| \u2026 ${list.length - detail.maxRows} more | | | | | | | |`);
    return out;
  };
  if (shown.length > 0) lines.push(...tableHeader(axis), ...rows(shown));
  if (folded.length > 0) {
    lines.push(
      "",
      `<details><summary>${folded.length} metrics within tolerance</summary>`,
      "",
      ...tableHeader(axis),
      ...rows(folded),
      "",
      "</details>"
    );
  }
  return lines;
}

export {
  renderMarkdown,
  MAX_RENDERED_METRICS
};
