import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  globToRegExp,
  matchesAnyGlob
} from "./chunk-XPHPDOI2.js";
import {
  GATE_KEYS,
  configSchema
} from "./chunk-DGPSAFHU.js";
import {
  require_dist
} from "./chunk-63XBXJAC.js";
import {
  __toESM
} from "./chunk-EDCSKNQF.js";

// src/settings/gate.ts
var import_yaml = __toESM(require_dist(), 1);
function gateSettingsOf(config) {
  return { tolerance: config.tolerance, "metric-tolerances": config["metric-tolerances"], "ignore-metrics": config["ignore-metrics"] };
}
function gateSettingsFromText(text) {
  let parsed;
  try {
    parsed = import_yaml.default.parse(text);
  } catch {
    return null;
  }
  const source = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  const result = {};
  for (const key of GATE_KEYS) {
    const field = configSchema.shape[key];
    const value = field.safeParse(source[key]);
    if (!value.success) return null;
    result[key] = value.data;
  }
  return result;
}
function changedGateKeys(a, b) {
  return GATE_KEYS.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

// src/compare/tolerance.ts
var DEFAULT_TOLERANCE = { rtol: 1e-5, atol: 1e-8, exact: false };
var TolerancePicker = class {
  constructor(global, globalSource, metricTolerances) {
    this.global = global;
    this.globalSource = globalSource;
    this.overrides = Object.entries(metricTolerances).map(([glob, override]) => ({ glob, pattern: globToRegExp(glob), override }));
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
  return { rtol: setting.rtol ?? DEFAULT_TOLERANCE.rtol, atol: setting.atol ?? DEFAULT_TOLERANCE.atol, exact: setting.exact ?? false };
}

// src/compare/compare.ts
function compareMetrics(baseline, current, options) {
  const include = options.include.map(globToRegExp);
  const ignore = options.ignore.map(globToRegExp);
  const keep = (name) => (include.length === 0 || matchesAnyGlob(name, include)) && !matchesAnyGlob(name, ignore);
  const metrics = [];
  for (const name of unionOfKeys(baseline.series, current.series)) {
    if (!keep(name)) continue;
    metrics.push(compareSeries(name, baseline.series.get(name), current.series.get(name), options.tolerances.pick(name)));
  }
  for (const name of unionOfKeys(baseline.finals, current.finals)) {
    if (!keep(name)) continue;
    metrics.push(compareFinal(name, baseline.finals.get(name), current.finals.get(name), options.tolerances.pick(name)));
  }
  const drifted = metrics.some((m) => m.status === "drift" || m.status === "missing");
  return {
    status: drifted ? "drift" : "pass",
    metrics: sortDriftFirst(metrics),
    unusedToleranceGlobs: options.tolerances.unusedGlobs(),
    notes: [...baseline.notes.map((n) => `baseline: ${n}`), ...current.notes.map((n) => `run: ${n}`)]
  };
}
var STATUS_ORDER = { missing: 0, drift: 1, new: 2, pass: 3 };
function sortDriftFirst(metrics) {
  return metrics.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compareStepsOrNull(a.firstOutOfToleranceStep, b.firstOutOfToleranceStep) || a.name.localeCompare(b.name));
}
function compareStepsOrNull(a, b) {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}
function unionOfKeys(a, b) {
  return [.../* @__PURE__ */ new Set([...a.keys(), ...b.keys()])].sort();
}
function blankComparison(name, kind, tolerance) {
  return {
    name,
    kind,
    status: "pass",
    firstDivergentStep: null,
    firstOutOfToleranceStep: null,
    maxAbsDiff: null,
    maxRelDiff: null,
    finalStep: null,
    baselineValue: null,
    currentValue: null,
    missingSteps: [],
    extraSteps: [],
    tolerance
  };
}
var DiffMaxima = class {
  abs = null;
  rel = null;
  add(baseline, current) {
    if (!Number.isFinite(baseline) || !Number.isFinite(current)) return;
    const abs = Math.abs(current - baseline);
    const rel = abs === 0 ? 0 : baseline === 0 ? Infinity : abs / Math.abs(baseline);
    if (this.abs === null || abs > this.abs) this.abs = abs;
    if (this.rel === null || rel > this.rel) this.rel = rel;
  }
};
function compareSeries(name, baseline, current, tolerance) {
  const result = blankComparison(name, "series", tolerance);
  if (!baseline || !current) {
    const only = baseline ?? current;
    result.status = baseline ? "missing" : "new";
    const last = only.steps.length - 1;
    result.finalStep = only.steps[last] ?? null;
    if (baseline) result.baselineValue = baseline.values[last] ?? null;
    else result.currentValue = only.values[last] ?? null;
    return result;
  }
  const maxima = new DiffMaxima();
  let outOfTolerance = false;
  let i = 0;
  let j = 0;
  while (i < baseline.steps.length || j < current.steps.length) {
    const baselineStep = baseline.steps[i];
    const currentStep = current.steps[j];
    if (currentStep === void 0 || baselineStep !== void 0 && baselineStep < currentStep) {
      result.missingSteps.push(baselineStep);
      result.firstDivergentStep ??= baselineStep;
      result.firstOutOfToleranceStep ??= baselineStep;
      outOfTolerance = true;
      i++;
      continue;
    }
    if (baselineStep === void 0 || currentStep < baselineStep) {
      result.extraSteps.push(currentStep);
      j++;
      continue;
    }
    const b = baseline.values[i];
    const c = current.values[j];
    if (result.firstDivergentStep === null && !bitEqual(b, c)) result.firstDivergentStep = baselineStep;
    if (!withinTolerance(b, c, tolerance)) {
      outOfTolerance = true;
      if (result.firstOutOfToleranceStep === null) result.firstOutOfToleranceStep = baselineStep;
    }
    maxima.add(b, c);
    result.finalStep = baselineStep;
    result.baselineValue = b;
    result.currentValue = c;
    i++;
    j++;
  }
  result.maxAbsDiff = maxima.abs;
  result.maxRelDiff = maxima.rel;
  result.status = outOfTolerance ? "drift" : "pass";
  return result;
}
function compareFinal(name, baseline, current, tolerance) {
  const result = blankComparison(name, "final", tolerance);
  result.baselineValue = baseline ?? null;
  result.currentValue = current ?? null;
  if (baseline === void 0) result.status = "new";
  else if (current === void 0) result.status = "missing";
  else {
    const maxima = new DiffMaxima();
    maxima.add(baseline, current);
    result.maxAbsDiff = maxima.abs;
    result.maxRelDiff = maxima.rel;
    result.status = withinTolerance(baseline, current, tolerance) ? "pass" : "drift";
  }
  return result;
}

export {
  gateSettingsOf,
  gateSettingsFromText,
  changedGateKeys,
  DEFAULT_TOLERANCE,
  TolerancePicker,
  resolveTolerance,
  compareMetrics
};
