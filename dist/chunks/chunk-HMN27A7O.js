import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  globToRegExp
} from "./chunk-WSLLZDSC.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/compare/tolerance.ts
init_define_REPRO_CHART_LIBRARY();
var DEFAULT_TOLERANCE = { rtol: 1e-5, atol: 1e-8, exact: false };
var TolerancePicker = class {
  constructor(global, globalSource, metricTolerances) {
    this.global = global;
    this.globalSource = globalSource;
    this.overrides = Object.entries(metricTolerances).map(([glob, override]) => ({
      glob,
      pattern: globToRegExp(glob),
      override
    }));
  }
  global;
  globalSource;
  overrides;
  used = /* @__PURE__ */ new Set();
  pick(metricName) {
    for (const { glob, pattern, override } of this.overrides) {
      if (!pattern.test(metricName)) continue;
      this.used.add(glob);
      return {
        rtol: override.rtol ?? this.global.rtol,
        atol: override.atol ?? this.global.atol,
        exact: override.exact ?? this.global.exact,
        source: `metric-tolerances["${glob}"]`
      };
    }
    return { ...this.global, source: this.globalSource };
  }
  unusedGlobs() {
    return this.overrides.map((o) => o.glob).filter((glob) => !this.used.has(glob));
  }
};
function bitEqual(a, b) {
  return Object.is(a, b);
}
function withinTolerance(baseline, current, tolerance) {
  if (tolerance.exact) return bitEqual(baseline, current);
  if (Number.isNaN(baseline) || Number.isNaN(current)) return Number.isNaN(baseline) && Number.isNaN(current);
  if (!Number.isFinite(baseline) || !Number.isFinite(current)) return baseline === current;
  return Math.abs(current - baseline) <= tolerance.atol + tolerance.rtol * Math.abs(baseline);
}
function resolveTolerance(setting) {
  return {
    rtol: setting.rtol ?? DEFAULT_TOLERANCE.rtol,
    atol: setting.atol ?? DEFAULT_TOLERANCE.atol,
    exact: setting.exact ?? false
  };
}

export {
  DEFAULT_TOLERANCE,
  TolerancePicker,
  bitEqual,
  withinTolerance,
  resolveTolerance
};
