import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  formatValue
} from "./chunk-DBEUN44C.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

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
init_define_REPRO_CHART_LIBRARY();
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
function renderMermaidCharts(name, baseline, current, comparison, axis = "step") {
  const past = comparison.becameNonFinite;
  const mark = firstNonFinite(baseline, current) ?? (past && past.step !== null ? { step: past.step, label: formatValue(past.value) } : null);
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
  const xAxis = `x-axis "${axis}${where.length > 0 ? ` (${where.join(", ")})` : ""}" [${points.steps.map(xLabel).join(", ")}]`;
  const label = quote(name);
  const marked = mark ? `, ${mark.label} at ${axis} ${mark.step} (marked \u26A0)` : "";
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

export {
  lttbIndices,
  CHART_PALETTE,
  alignSeries,
  sharedPoints,
  sampleForChart,
  renderMermaidCharts,
  nextSteps
};
