import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/report/format.ts
init_define_REPRO_CHART_LIBRARY();
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
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return "Inf";
  return value.toExponential(2);
}
function formatStep(step) {
  return step === null ? "\u2014" : String(step);
}
function cell(text) {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export {
  formatValue,
  formatDiff,
  formatStep,
  cell
};
