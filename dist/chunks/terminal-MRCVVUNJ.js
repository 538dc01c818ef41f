import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  nextSteps,
  sampleForChart,
  sharedPoints
} from "./chunk-3YJUOLUT.js";
import {
  axisNoun,
  describeStepGaps,
  drifted,
  headlineText,
  uncleanTreeLine
} from "./chunk-557MTL2E.js";
import {
  formatDiff,
  formatStep,
  formatValue
} from "./chunk-DBEUN44C.js";
import "./chunk-NV534FCQ.js";
import "./chunk-IVX2EMGP.js";
import {
  __commonJS,
  __toESM,
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// node_modules/asciichart/asciichart.js
var require_asciichart = __commonJS({
  "node_modules/asciichart/asciichart.js"(exports) {
    "use strict";
    init_define_REPRO_CHART_LIBRARY();
    (function(exports2) {
      exports2.black = "\x1B[30m";
      exports2.red = "\x1B[31m";
      exports2.green = "\x1B[32m";
      exports2.yellow = "\x1B[33m";
      exports2.blue = "\x1B[34m";
      exports2.magenta = "\x1B[35m";
      exports2.cyan = "\x1B[36m";
      exports2.lightgray = "\x1B[37m";
      exports2.default = "\x1B[39m";
      exports2.darkgray = "\x1B[90m";
      exports2.lightred = "\x1B[91m";
      exports2.lightgreen = "\x1B[92m";
      exports2.lightyellow = "\x1B[93m";
      exports2.lightblue = "\x1B[94m";
      exports2.lightmagenta = "\x1B[95m";
      exports2.lightcyan = "\x1B[96m";
      exports2.white = "\x1B[97m";
      exports2.reset = "\x1B[0m";
      function colored(char, color) {
        return color === void 0 ? char : color + char + exports2.reset;
      }
      exports2.colored = colored;
      exports2.plot = function(series, cfg = void 0) {
        if (typeof series[0] == "number") {
          series = [series];
        }
        cfg = typeof cfg !== "undefined" ? cfg : {};
        let min = typeof cfg.min !== "undefined" ? cfg.min : series[0][0];
        let max = typeof cfg.max !== "undefined" ? cfg.max : series[0][0];
        for (let j = 0; j < series.length; j++) {
          for (let i = 0; i < series[j].length; i++) {
            min = Math.min(min, series[j][i]);
            max = Math.max(max, series[j][i]);
          }
        }
        let defaultSymbols = ["\u253C", "\u2524", "\u2576", "\u2574", "\u2500", "\u2570", "\u256D", "\u256E", "\u256F", "\u2502"];
        let range = Math.abs(max - min);
        let offset = typeof cfg.offset !== "undefined" ? cfg.offset : 3;
        let padding = typeof cfg.padding !== "undefined" ? cfg.padding : "           ";
        let height = typeof cfg.height !== "undefined" ? cfg.height : range;
        let colors = typeof cfg.colors !== "undefined" ? cfg.colors : [];
        let ratio = range !== 0 ? height / range : 1;
        let min2 = Math.round(min * ratio);
        let max2 = Math.round(max * ratio);
        let rows = Math.abs(max2 - min2);
        let width = 0;
        for (let i = 0; i < series.length; i++) {
          width = Math.max(width, series[i].length);
        }
        width = width + offset;
        let symbols = typeof cfg.symbols !== "undefined" ? cfg.symbols : defaultSymbols;
        let format = typeof cfg.format !== "undefined" ? cfg.format : function(x) {
          return (padding + x.toFixed(2)).slice(-padding.length);
        };
        let result = new Array(rows + 1);
        for (let i = 0; i <= rows; i++) {
          result[i] = new Array(width);
          for (let j = 0; j < width; j++) {
            result[i][j] = " ";
          }
        }
        for (let y = min2; y <= max2; ++y) {
          let label = format(rows > 0 ? max - (y - min2) * range / rows : y, y - min2);
          result[y - min2][Math.max(offset - label.length, 0)] = label;
          result[y - min2][offset - 1] = y == 0 ? symbols[0] : symbols[1];
        }
        for (let j = 0; j < series.length; j++) {
          let currentColor = colors[j % colors.length];
          let y0 = Math.round(series[j][0] * ratio) - min2;
          result[rows - y0][offset - 1] = colored(symbols[0], currentColor);
          for (let x = 0; x < series[j].length - 1; x++) {
            let y02 = Math.round(series[j][x + 0] * ratio) - min2;
            let y1 = Math.round(series[j][x + 1] * ratio) - min2;
            if (y02 == y1) {
              result[rows - y02][x + offset] = colored(symbols[4], currentColor);
            } else {
              result[rows - y1][x + offset] = colored(y02 > y1 ? symbols[5] : symbols[6], currentColor);
              result[rows - y02][x + offset] = colored(y02 > y1 ? symbols[7] : symbols[8], currentColor);
              let from = Math.min(y02, y1);
              let to = Math.max(y02, y1);
              for (let y = from + 1; y < to; y++) {
                result[rows - y][x + offset] = colored(symbols[9], currentColor);
              }
            }
          }
        }
        return result.map(function(x) {
          return x.join("");
        }).join("\n");
      };
    })(typeof exports === "undefined" ? (
      /* istanbul ignore next */
      exports["asciichart"] = {}
    ) : exports);
  }
});

// src/report/terminal.ts
init_define_REPRO_CHART_LIBRARY();
var import_asciichart = __toESM(require_asciichart(), 1);
var MAX_TERMINAL_CHARTS = 5;
var LABEL_WIDTH = 11;
function renderTerminal(input, options) {
  const paint = options.colour ? (text, colour) => `${colour}${text}${import_asciichart.default.reset}` : (text) => text;
  const columns = Math.max(40, options.columns);
  const lines = [paint(headlineText(input), OUTCOME_COLOUR[input.outcome]), ""];
  lines.push(`Run:      ${input.runLabel}`, `Baseline: ${input.baselineLabel}`);
  if (input.runUrl) lines.push(`Logs:     ${input.runUrl}`);
  if (input.acceptedBy) lines.push(`Drift accepted by @${input.acceptedBy.login} at ${input.acceptedBy.at}.`);
  if (input.message) lines.push("", input.message);
  if (input.uncleanTree) lines.push("", paint(uncleanTreeLine(input.uncleanTree), OUTCOME_COLOUR.accepted));
  const verdict = input.verdict;
  if (verdict) {
    lines.push("", ...metricTable(verdict.metrics, columns, paint), ...stepGapLines(verdict.metrics, paint));
    const toChart = drifted(verdict);
    for (const metric of toChart.slice(0, MAX_TERMINAL_CHARTS))
      lines.push(...metricCharts(metric, input, columns, options.colour, axisNoun(verdict)));
    if (toChart.length > MAX_TERMINAL_CHARTS)
      lines.push(
        "",
        `\u2026 ${toChart.length - MAX_TERMINAL_CHARTS} more drifted metrics: their curves are in report.md and report.html.`
      );
  }
  if (input.environmentDifferences.length > 0) {
    lines.push(
      "",
      paint("Environment differences", BOLD),
      ...alignedRows(
        [["", "baseline", "this run"], ...input.environmentDifferences.map((d) => [d.key, d.baseline, d.current])],
        columns
      )
    );
  }
  if (input.checkpointLines.length > 0)
    lines.push("", paint("Weights", BOLD), ...input.checkpointLines.map((l) => `  ${l}`));
  if (input.toleranceLines.length > 0)
    lines.push("", paint("Tolerance", BOLD), ...input.toleranceLines.map((l) => `  ${l}`));
  const notes = [...input.notes, ...verdict?.notes ?? []];
  if (notes.length > 0) lines.push("", paint("Notes", BOLD), ...notes.map((n) => `  - ${n}`));
  const steps = nextSteps(input);
  if (steps.length > 0) lines.push("", paint("What now", BOLD), ...steps.map((s) => `  - ${s.replace(/\*\*|`/g, "")}`));
  return lines.join("\n") + "\n";
}
var BOLD = "\x1B[1m";
var OUTCOME_COLOUR = {
  pass: "\x1B[1;32m",
  drift: "\x1B[1;31m",
  accepted: "\x1B[1;33m",
  "no-baseline": "\x1B[1;36m",
  error: "\x1B[1;33m"
};
var STATUS_COLOUR = {
  pass: "\x1B[32m",
  drift: "\x1B[31m",
  missing: "\x1B[31m",
  new: "\x1B[36m"
};
var STATUS_ORDER = { drift: 0, missing: 0, new: 1, pass: 2 };
function metricTable(metrics, columns, paint) {
  if (metrics.length === 0) return ["No metrics to compare (all were filtered out or none were logged)."];
  const ordered = [...metrics].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  const rows = ordered.map((m) => [
    m.kind === "final" ? `${m.name} (final)` : m.name,
    formatValue(m.baselineValue),
    formatValue(m.currentValue),
    formatDiff(m.maxAbsDiff),
    formatStep(m.firstDivergentStep),
    formatStep(m.firstOutOfToleranceStep),
    m.status
  ]);
  const narrow = columns < 90;
  const header = [
    "metric",
    "baseline",
    "current",
    "max |diff|",
    narrow ? "diverges" : "first divergent",
    narrow ? "out of tol" : "out of tolerance",
    "status"
  ];
  const right = [false, true, true, true, true, true, false];
  const dropped = narrow ? /* @__PURE__ */ new Set([1, 2]) : /* @__PURE__ */ new Set();
  const keep = (row) => row.filter((_, c) => !dropped.has(c));
  const table = alignedRows([keep(header), ...rows.map(keep)], columns, keep(right));
  return table.map(
    (line, i) => i === 0 ? paint(line, BOLD) : i === 1 ? line : colourStatus(line, ordered[i - 2].status, paint)
  );
}
function stepGapLines(metrics, paint) {
  const gaps = metrics.flatMap((m) => {
    const text = describeStepGaps(m);
    return text === null ? [] : [`  ${m.name}: ${text}`];
  });
  if (gaps.length === 0) return [];
  const more = gaps.length > MAX_GAP_LINES ? [`  \u2026 and ${gaps.length - MAX_GAP_LINES} more metrics`] : [];
  return ["", paint("Steps logged on one side only", BOLD), ...gaps.slice(0, MAX_GAP_LINES), ...more];
}
var MAX_GAP_LINES = 10;
function colourStatus(line, status, paint) {
  const at = line.lastIndexOf(status);
  return at < 0 ? line : line.slice(0, at) + paint(status, STATUS_COLOUR[status]) + line.slice(at + status.length);
}
function alignedRows(rows, columns, right = []) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const others = widths.slice(1).reduce((a, b) => a + b + 2, 0);
  widths[0] = Math.max(8, Math.min(widths[0], columns - others - 2));
  const fit = (text, width) => [...text].length > width ? [...text].slice(0, width - 1).join("") + "\u2026" : text;
  const lines = rows.map(
    (row) => row.map(
      (text, c) => right[c] ? fit(text, widths[c]).padStart(widths[c]) : fit(text, widths[c]).padEnd(widths[c])
    ).join("  ").trimEnd()
  );
  return [lines[0], widths.map((w) => "\u2500".repeat(w)).join("  "), ...lines.slice(1)];
}
function metricCharts(metric, input, columns, colour, axis) {
  const baseline = input.baselineData?.series.get(metric.name);
  const current = input.currentData?.series.get(metric.name);
  if (!baseline || !current) return [];
  const all = sharedPoints(baseline, current);
  if (all.steps.length < 2) return [];
  const width = Math.max(10, columns - LABEL_WIDTH - 2);
  const points = sampleForChart(all, metric, width);
  const difference = points.current.map((c, i) => c - points.baseline[i]);
  const label = (value) => String(Number(value.toPrecision(4))).padStart(LABEL_WIDTH - 1);
  const curves = import_asciichart.default.plot([points.current, points.baseline], {
    height: 8,
    format: label,
    ...colour ? { colors: [import_asciichart.default.red, import_asciichart.default.darkgray] } : {}
  });
  const diff = import_asciichart.default.plot(difference, {
    height: 4,
    format: label,
    ...colour ? { colors: [import_asciichart.default.blue] } : {}
  });
  const legend = colour ? `${import_asciichart.default.red}\u2501 this run${import_asciichart.default.reset}  ${import_asciichart.default.darkgray}\u2501 baseline${import_asciichart.default.reset}` : "this run and baseline (without colour, the difference below tells them apart)";
  return [
    "",
    `${metric.name}: ${legend}`,
    curves,
    stepAxis(points.steps, metric.firstDivergentStep, axis),
    `${metric.name}: this run \u2212 baseline`,
    diff,
    stepAxis(points.steps, metric.firstDivergentStep, axis)
  ];
}
function stepAxis(steps, firstDivergentStep, axis) {
  const line = Array.from({ length: LABEL_WIDTH + steps.length }, () => " ");
  const put = (column, text) => [...text].forEach((ch, k) => column + k < line.length && (line[column + k] = ch));
  const last = String(steps.at(-1));
  put(LABEL_WIDTH - axis.length - 1, `${axis} ${steps[0]}`);
  put(line.length - last.length, last);
  const parting = firstDivergentStep === null ? -1 : steps.findIndex((s) => s >= firstDivergentStep);
  if (parting >= 0) {
    const mark = `\u25B2${steps[parting]}`;
    put(Math.min(LABEL_WIDTH + parting, line.length - last.length - mark.length - 1), mark);
  }
  return line.join("").trimEnd();
}
export {
  renderTerminal
};
