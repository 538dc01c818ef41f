import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  cell,
  formatDiff,
  formatStep,
  formatValue
} from "./chunk-DBEUN44C.js";
import {
  firstDivergentStepOverall,
  isDriftedMetric
} from "./chunk-NV534FCQ.js";
import {
  COMMENT_BODY_LIMIT
} from "./chunk-4NT54M3U.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/report/markdown.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";

// src/report/chart.ts
init_define_REPRO_CHART_LIBRARY();

// src/report/lttb.ts
init_define_REPRO_CHART_LIBRARY();
function lttbIndices(x, curves, maxPoints, mustKeep = []) {
  const n = x.length;
  if (maxPoints < 2) throw new RangeError(`lttbIndices: maxPoints must be at least 2, got ${maxPoints}`);
  if (curves.some((c) => c.length !== n)) throw new RangeError(`lttbIndices: every curve needs ${n} values, one per x`);
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  const anchors = [.../* @__PURE__ */ new Set([0, ...mustKeep.filter((i) => Number.isInteger(i) && i > 0 && i < n - 1), n - 1])].sort(
    (a, b) => a - b
  );
  if (anchors.length > maxPoints)
    throw new RangeError(`lttbIndices: ${anchors.length} indices must be kept but maxPoints is ${maxPoints}`);
  const scaled = curves.map(scaleToUnitRange);
  const interiors = anchors.slice(1).map((end, k) => end - anchors[k] - 1);
  const budgets = shareOut(maxPoints - anchors.length, interiors);
  const result = [anchors[0]];
  anchors.slice(1).forEach((end, k) => {
    const start = anchors[k];
    result.push(...piece(x, scaled, start, end, budgets[k]), end);
  });
  return result;
}
function piece(x, curves, start, end, budget) {
  const interior = end - start - 1;
  if (interior <= budget) return Array.from({ length: interior }, (_, i) => start + 1 + i);
  const picked = [];
  const bucketSize = interior / budget;
  let previous = start;
  for (let bucket = 0; bucket < budget; bucket++) {
    const from = start + 1 + Math.floor(bucket * bucketSize);
    const to = start + 1 + Math.floor((bucket + 1) * bucketSize);
    const nextFrom = to;
    const nextTo = bucket === budget - 1 ? end + 1 : Math.min(end + 1, start + 1 + Math.floor((bucket + 2) * bucketSize));
    const nextX = mean(x, nextFrom, nextTo);
    const nextYs = curves.map((y) => mean(y, nextFrom, nextTo));
    let best = from;
    let bestArea = -1;
    for (let i = from; i < to; i++) {
      let area = 0;
      for (let c = 0; c < curves.length; c++) {
        const y = curves[c];
        area += Math.abs(
          (x[previous] - nextX) * (y[i] - y[previous]) - (x[previous] - x[i]) * (nextYs[c] - y[previous])
        );
      }
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    picked.push(best);
    previous = best;
  }
  return picked;
}
function mean(values, from, to) {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}
function scaleToUnitRange(values) {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (Number.isFinite(v)) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  const range = high > low ? high - low : 0;
  return values.map((v) => Number.isFinite(v) ? range === 0 ? 0 : (v - low) / range : 0);
}
function shareOut(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= total) return [...weights];
  const exact = weights.map((w) => w * total / sum);
  const shares = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, remainder: e - Math.floor(e) })).sort((a, b) => b.remainder - a.remainder);
  for (let left = total - shares.reduce((a, b) => a + b, 0), k = 0; left > 0; k++, left--) shares[order[k].i] += 1;
  return shares;
}

// src/report/chart.ts
var MAX_CHART_POINTS = 40;
var CHART_PALETTE = {
  baseline: { name: "grey", hex: "#8c959f" },
  current: { name: "red", hex: "#cf222e" },
  difference: { name: "blue", hex: "#0969da" }
};
function alignSeries(baseline, current) {
  const a = baseline ?? { steps: [], values: [] };
  const b = current ?? { steps: [], values: [] };
  const out = { steps: [], baseline: [], current: [] };
  const finite = (v) => Number.isFinite(v) ? v : null;
  let i = 0;
  let j = 0;
  while (i < a.steps.length || j < b.steps.length) {
    const stepA = i < a.steps.length ? a.steps[i] : Infinity;
    const stepB = j < b.steps.length ? b.steps[j] : Infinity;
    const step = Math.min(stepA, stepB);
    out.steps.push(step);
    out.baseline.push(stepA === step ? finite(a.values[i++]) : null);
    out.current.push(stepB === step ? finite(b.values[j++]) : null);
  }
  return out;
}
function sharedPoints(baseline, current) {
  const aligned = alignSeries(baseline, current);
  const points = { steps: [], baseline: [], current: [] };
  aligned.steps.forEach((step, k) => {
    const b = aligned.baseline[k];
    const c = aligned.current[k];
    if (b === null || c === null) return;
    points.steps.push(step);
    points.baseline.push(b);
    points.current.push(c);
  });
  return points;
}
function sampleForChart(points, comparison, maxPoints, alsoKeep = []) {
  const keep = [comparison.firstDivergentStep, comparison.firstOutOfToleranceStep, ...alsoKeep].flatMap((step) => {
    const index = step === null ? -1 : points.steps.findIndex((s) => s >= step);
    return index >= 0 ? [index] : [];
  });
  const difference = points.current.map((c, i) => c - points.baseline[i]);
  const indices = lttbIndices(points.steps, [points.baseline, points.current, difference], maxPoints, keep);
  return {
    steps: indices.map((i) => points.steps[i]),
    baseline: indices.map((i) => points.baseline[i]),
    current: indices.map((i) => points.current[i])
  };
}
function firstNonFinite(baseline, current) {
  let j = 0;
  for (let i = 0; i < baseline.steps.length; i++) {
    const step = baseline.steps[i];
    while (j < current.steps.length && current.steps[j] < step) j++;
    if (j === current.steps.length) return null;
    if (current.steps[j] !== step) continue;
    const b = baseline.values[i];
    const c = current.values[j];
    if (Number.isFinite(b) && Number.isFinite(c) || Object.is(b, c)) continue;
    return { step, label: Number.isFinite(c) ? `baseline ${formatValue(b)}` : formatValue(c) };
  }
  return null;
}
function withMark(points, mark) {
  const at = points.steps.findIndex((s) => s > mark.step);
  const index = at < 0 ? points.steps.length : at;
  const insert = (values, value) => [...values.slice(0, index), value, ...values.slice(index)];
  const previous = index - 1;
  return {
    steps: insert(points.steps, mark.step),
    baseline: insert(points.baseline, previous >= 0 ? points.baseline[previous] : 0),
    current: insert(points.current, previous >= 0 ? points.current[previous] : 0)
  };
}
function renderMermaidCharts(name, baseline, current, comparison) {
  const mark = firstNonFinite(baseline, current);
  const shared = sharedPoints(baseline, current);
  const all = mark ? withMark(shared, mark) : shared;
  if (all.steps.length < 2) return null;
  const points = sampleForChart(all, comparison, MAX_CHART_POINTS, mark ? [mark.step] : []);
  const parting = comparison.firstDivergentStep === null ? void 0 : points.steps.find((s) => s >= comparison.firstDivergentStep);
  const where = [
    comparison.firstDivergentStep === null ? null : `\u25B2 first divergent ${comparison.firstDivergentStep}`,
    comparison.firstOutOfToleranceStep === null ? null : `out of tolerance from ${comparison.firstOutOfToleranceStep}`
  ].filter((s) => s !== null);
  const xLabel = (s) => s === parting || s === mark?.step ? `"${s === parting ? "\u25B2" : ""}${s}${s === mark?.step ? ` \u26A0 ${mark.label}` : ""}"` : String(s);
  const xAxis = `x-axis "step${where.length > 0 ? ` (${where.join(", ")})` : ""}" [${points.steps.map(xLabel).join(", ")}]`;
  const label = quote(name);
  const marked = mark ? `, ${mark.label} at step ${mark.step} (marked \u26A0)` : "";
  const curves = axisScale([...points.baseline, ...points.current]);
  const difference = points.current.map((c, i) => c - points.baseline[i]);
  const differenceScale = axisScale(difference);
  const { baseline: grey, current: strong, difference: blue } = CHART_PALETTE;
  return [
    mermaidBlock(
      [strong.hex, grey.hex],
      `${label}: this run (${strong.name}) vs baseline (${grey.name})${marked}`,
      xAxis,
      `${label}${curves.suffix}`,
      [points.current.map(curves.format), points.baseline.map(curves.format)]
    ),
    mermaidBlock(
      [blue.hex],
      `${label}: this run \u2212 baseline (${blue.name})`,
      xAxis,
      `difference${differenceScale.suffix}`,
      [difference.map(differenceScale.format)]
    )
  ].join("\n\n");
}
function mermaidBlock(colours, title, xAxis, yTitle, lines) {
  const init = {
    xyChart: { width: 900, height: 420, xAxis: { labelFontSize: 10 } },
    themeVariables: { xyChart: { plotColorPalette: colours.join(", ") } }
  };
  return [
    "```mermaid",
    `%%{init: ${JSON.stringify(init)}}%%`,
    "xychart-beta",
    `    title "${quote(title)}"`,
    `    ${xAxis}`,
    `    y-axis "${quote(yTitle)}"`,
    ...lines.map((values) => `    line [${values.join(", ")}]`),
    "```"
  ].join("\n");
}
function quote(text) {
  return text.replace(/"/g, "'");
}
function axisScale(values) {
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const exponent = largest === 0 || largest >= 1e-3 && largest < 1e6 ? 0 : Math.floor(Math.log10(largest));
  const factor = 10 ** -exponent;
  return {
    suffix: exponent === 0 ? "" : ` (\xD71e${exponent})`,
    format: (value) => {
      const text = (value * factor).toFixed(6).replace(/\.?0+$/, "");
      return text === "-0" ? "0" : text;
    }
  };
}

// src/report/next-steps.ts
init_define_REPRO_CHART_LIBRARY();
function nextSteps(input) {
  const context = input.nextSteps;
  if (!context || input.outcome !== "drift") return [];
  const label = `\`${context.acceptLabel}\``;
  const accept = context.where === "pull-request" ? `**The change is intended:** add the label ${label} to this pull request. The check re-runs when the label is added and passes as accepted; after the merge the baseline update records the new numbers.` : `**The change is intended:** open the pull request and add the label ${label} to it; the check re-runs when the label is added and passes as accepted.`;
  const update = `\`npx repro-check baseline update${context.configPath ? ` --config ${context.configPath}` : ""}\``;
  const workflow = context.baselineWorkflow ? `start the workflow \u201C${context.baselineWorkflow.name}\u201D on the default branch (Actions tab, or \`gh workflow run ${context.baselineWorkflow.file}\`)` : "start a baseline-update workflow (one that runs repro-check with `mode: baseline` on `workflow_dispatch`) on the default branch";
  const rerecord = `**Re-record the baseline:** run ${update} on a clean tree and commit \`${context.baselinePath}\`, or ${workflow}.`;
  return [accept, rerecord];
}

// src/report/markdown.ts
var MAX_CHARTS = 10;
var OPEN_CHARTS = 3;
var OUTCOME_HEADLINE = {
  pass: "\u2705 repro-check: reproduced",
  drift: "\u274C repro-check: drift",
  accepted: "\u2611\uFE0F repro-check: drift accepted",
  "no-baseline": "\u2139\uFE0F repro-check: no baseline yet",
  error: "\u26A0\uFE0F repro-check: could not check"
};
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
  const parts = [headline(input), "", header.join("  \n")];
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
      const chart = b && c ? renderMermaidCharts(metric.name, b, c, metric) : null;
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
function headline(input) {
  return `## ${headlineText(input)}`;
}
function headlineText(input) {
  const verdict = input.verdict;
  let text = OUTCOME_HEADLINE[input.outcome];
  const diverged = verdict && (input.outcome === "drift" || input.outcome === "accepted") ? divergence(verdict) : null;
  if (verdict && (input.outcome === "drift" || input.outcome === "accepted")) {
    const count = drifted(verdict).length;
    const first = firstDivergentStepOverall(verdict);
    const weights = input.weightsDrift ? input.weightsDrift.cause ? `${input.weightsDrift.cause} (exact tolerance)` : `final weights differ (${describeTensorCount(input.weightsDrift)}, exact tolerance)` : null;
    if (count === 0 && weights)
      text += ` \u2014 ${weights}; ${verdict.metrics.length === 1 ? "the metric is" : `all ${verdict.metrics.length} metrics are`} within tolerance`;
    else
      text += ` in ${count} of ${plural(verdict.metrics.length, "metric")}${diverged ? ` \u2014 ${diverged}` : ""}${first === null ? "" : ` \u2014 curves part at ${axisNoun(verdict)} ${first}`}${weights ? `; ${weights}` : ""}`;
  } else if (verdict && input.outcome === "pass") {
    const compared = verdict.metrics.filter((m) => m.status !== "new").length;
    const bitwise = verdict.metrics.every(
      (m) => m.status === "new" || m.firstDivergentStep === null && (m.maxAbsDiff ?? 0) === 0
    );
    text += ` \u2014 ${plural(compared, "metric")} within tolerance${bitwise ? ", bit-for-bit identical" : ""}${input.weightsNotCompared ? "; the weights were not compared (this run wrote no checkpoint)" : ""}`;
  }
  if (input.uncleanTree) text += ` (${UNCLEAN_TREE_NOTE})`;
  return text;
}
function describeTensorCount(weights) {
  return weights.tensors === void 0 ? plural(weights.differing, "tensor") : `${weights.differing} of ${plural(weights.tensors, "tensor")}`;
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function axisNoun(verdict) {
  const keys = [...verdict.stepKeys.baseline, ...verdict.stepKeys.current].map((axis) => axis.stepKey).filter((key) => key !== null);
  return keys.length > 0 && keys.every((key) => key.trim().toLowerCase() === "epoch") ? "epoch" : "step";
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
  const missing = metric.missingStepCount > 0 ? ` (${metric.missingStepCount} steps missing, first ${metric.missingSteps[0]})` : "";
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
  lttbIndices,
  CHART_PALETTE,
  alignSeries,
  sharedPoints,
  sampleForChart,
  nextSteps,
  renderMarkdown,
  MAX_RENDERED_METRICS,
  UNCLEAN_TREE_NOTE,
  uncleanTreeLine,
  seedMismatchNote,
  drifted,
  headlineText
};
