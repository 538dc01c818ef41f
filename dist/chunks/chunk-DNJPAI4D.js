import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  CHART_PALETTE,
  alignSeries,
  lttbIndices,
  nextSteps
} from "./chunk-3YJUOLUT.js";
import {
  describeStepGaps,
  headlineText
} from "./chunk-557MTL2E.js";
import {
  formatDiff,
  formatStep,
  formatValue
} from "./chunk-DBEUN44C.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/report/html.ts
init_define_REPRO_CHART_LIBRARY();
var MAX_HTML_POINTS = 2e3;
function renderHtml(input, library) {
  const verdict = input.verdict;
  const charts = (verdict?.metrics ?? []).flatMap((metric) => {
    const b = input.baselineData?.series.get(metric.name);
    const c = input.currentData?.series.get(metric.name);
    return b || c ? [chartData(metric, b, c)] : [];
  });
  const rows = (verdict?.metrics ?? []).map(
    (m) => `<tr class="${m.status}"><td>${escape(m.name)}${m.kind === "final" ? " (final)" : ""}</td><td>${formatValue(m.baselineValue)}</td><td>${formatValue(m.currentValue)}</td><td>${formatDiff(m.maxAbsDiff)}</td><td>${formatDiff(m.maxRelDiff)}</td><td>${formatStep(m.firstDivergentStep)}</td><td>${formatStep(m.firstOutOfToleranceStep)}</td><td>${m.status}${gapText(m)}</td></tr>`
  );
  const notes = [...input.notes, ...verdict?.notes ?? []];
  const steps = nextSteps(input);
  const section = (title, body) => `<section><h2>${title}</h2>${body}</section>`;
  const list = (items) => `<ul>${items.map((i) => `<li>${inlineMarkdown(i)}</li>`).join("")}</ul>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(headlineText(input))}</title>
<style>${library.css}</style>
<style>${PAGE_CSS}</style>
</head>
<body>
<h1 class="${input.outcome}">${escape(headlineText(input))}</h1>
<p class="meta">Run: ${escape(input.runLabel)}<br>Baseline: ${escape(input.baselineLabel)}${input.runUrl ? `<br>Logs: <a href="${escape(input.runUrl)}">${escape(input.runUrl)}</a>` : ""}</p>
${input.message ? `<pre class="message">${escape(input.message)}</pre>` : ""}
${steps.length > 0 ? section("What now", list(steps)) : ""}
${rows.length > 0 ? section("Metrics", `<table><thead><tr><th>metric</th><th>baseline</th><th>current</th><th>max abs diff</th><th>max rel diff</th><th>first divergent step</th><th>first out-of-tolerance step</th><th>status</th></tr></thead><tbody>${rows.join("")}</tbody></table>`) : ""}
${charts.length > 0 ? section("Curves", `<p class="hint">Drag to zoom, double-click to reset; hover for values. <span class="swatch current"></span> this run <span class="swatch baseline"></span> baseline <span class="swatch difference"></span> this run \u2212 baseline; the dashed line is the first divergent step.</p><div id="charts"></div>`) : ""}
${input.environmentDifferences.length > 0 ? section("Environment differences", `<table><thead><tr><th></th><th>baseline</th><th>this run</th></tr></thead><tbody>${input.environmentDifferences.map((d) => `<tr><td>${escape(d.key)}</td><td>${escape(d.baseline)}</td><td>${escape(d.current)}</td></tr>`).join("")}</tbody></table>`) : ""}
${input.checkpointLines.length > 0 ? section("Weights", list(input.checkpointLines)) : ""}
${input.toleranceLines.length > 0 ? section("Tolerance", list(input.toleranceLines)) : ""}
${notes.length > 0 ? section("Notes", list(notes)) : ""}
<script type="application/json" id="chart-data">${jsonForScript({ palette: CHART_PALETTE, charts })}</script>
<script>${library.js}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
function chartData(metric, baseline, current) {
  const aligned = alignSeries(baseline, current);
  const { name, status, firstDivergentStep, firstOutOfToleranceStep } = metric;
  if (aligned.steps.length <= MAX_HTML_POINTS)
    return { name, status, firstDivergentStep, firstOutOfToleranceStep, ...aligned };
  const keep = [firstDivergentStep, firstOutOfToleranceStep].flatMap(
    (step) => step === null ? [] : [aligned.steps.indexOf(step)]
  );
  const indices = lttbIndices(
    aligned.steps,
    [aligned.baseline.map((v) => v ?? NaN), aligned.current.map((v) => v ?? NaN)],
    MAX_HTML_POINTS,
    keep
  );
  return {
    name,
    status,
    firstDivergentStep,
    firstOutOfToleranceStep,
    steps: indices.map((i) => aligned.steps[i]),
    baseline: indices.map((i) => aligned.baseline[i]),
    current: indices.map((i) => aligned.current[i])
  };
}
function gapText(metric) {
  const gaps = describeStepGaps(metric);
  return gaps === null ? "" : ` (${escape(gaps)})`;
}
function escape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function inlineMarkdown(text) {
  return escape(text).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/`([^`]+)`/g, "<code>$1</code>");
}
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
var PAGE_CSS = `
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.5rem; } h1.pass { color: #1a7f37; } h1.drift { color: #cf222e; } h1.accepted, h1.error { color: #9a6700; }
h2 { font-size: 1.15rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: 3px 8px; text-align: right; }
td:first-child, th:first-child { text-align: left; } tr.drift td, tr.missing td { background: #ffebe9; }
.meta { color: #59636e; } code { background: #eff1f3; padding: 0 3px; border-radius: 3px; }
.chart { display: inline-block; vertical-align: top; margin: 0 1rem 1.5rem 0; } .chart h3 { font-size: 1rem; margin: .5rem 0; }
.swatch { display: inline-block; width: 14px; height: 3px; vertical-align: middle; }
.swatch.current { background: ${CHART_PALETTE.current.hex}; } .swatch.baseline { background: ${CHART_PALETTE.baseline.hex}; } .swatch.difference { background: ${CHART_PALETTE.difference.hex}; }
`;
var PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var holder = document.getElementById('charts');
  if (!holder) return;
  var width = Math.min(520, Math.max(320, (holder.clientWidth || 1000) / 2 - 24));
  function marker(step) {
    return function (u) {
      if (step === null) return;
      var x = u.valToPos(step, 'x', true);
      var ctx = u.ctx;
      ctx.save(); ctx.setLineDash([5, 4]); ctx.strokeStyle = '#59636e'; ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke(); ctx.restore();
    };
  }
  data.charts.forEach(function (chart, i) {
    var box = document.createElement('div');
    box.className = 'metric';
    var title = document.createElement('h3');
    title.textContent = chart.name + ' (' + chart.status + ')';
    box.appendChild(title);
    holder.appendChild(box);
    var sync = uPlot.sync('metric' + i);
    var common = { width: width, height: 240, cursor: { sync: { key: sync.key } }, hooks: { draw: [marker(chart.firstDivergentStep)] }, scales: { x: { time: false } } };
    var curves = document.createElement('div'); curves.className = 'chart'; box.appendChild(curves);
    new uPlot(Object.assign({}, common, { series: [{ label: 'step' }, { label: 'this run', stroke: data.palette.current.hex, width: 2 }, { label: 'baseline', stroke: data.palette.baseline.hex, width: 2 }] }), [chart.steps, chart.current, chart.baseline], curves);
    var difference = chart.steps.map(function (_, k) { var b = chart.baseline[k], c = chart.current[k]; return b === null || c === null ? null : c - b; });
    var diff = document.createElement('div'); diff.className = 'chart'; box.appendChild(diff);
    new uPlot(Object.assign({}, common, { series: [{ label: 'step' }, { label: 'this run \u2212 baseline', stroke: data.palette.difference.hex, width: 2 }] }), [chart.steps, difference], diff);
  });
})();
`;

export {
  MAX_HTML_POINTS,
  renderHtml
};
