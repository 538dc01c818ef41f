import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  bitEqual,
  withinTolerance
} from "./chunk-HMN27A7O.js";
import {
  globToRegExp,
  matchesAnyGlob
} from "./chunk-WSLLZDSC.js";
import {
  isDriftedMetric
} from "./chunk-NV534FCQ.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/compare/compare.ts
init_define_REPRO_CHART_LIBRARY();

// src/compare/types.ts
init_define_REPRO_CHART_LIBRARY();
var MAX_LISTED_STEPS = 20;

// src/compare/nothing-compared.ts
init_define_REPRO_CHART_LIBRARY();
function nothingCompared(baseline, current, options, uncompared) {
  const names = (data) => [...data.series.keys(), ...data.finals.keys()];
  const listed = (list) => list.length === 0 ? "none" : list.slice(0, 8).join(", ") + (list.length > 8 ? `, \u2026 (${list.length})` : "");
  const facts = [
    `the baseline has ${listed(names(baseline))}`,
    `this run has ${listed(names(current))}`,
    ...options.include.length > 0 ? [`only metrics matching ${options.include.join(", ")} were kept`] : [],
    ...uncompared.length > 0 ? [`values of ${listed(uncompared)} could not be compared (text, or arrays too long)`] : []
  ];
  return new ReproError(`No metric was compared, so there is no result: ${facts.join("; ")}.`, {
    hint: `A metric is compared when both sides log it with numbers and no filter drops it: check the names against the include globs (compare --metric) and the ignored ones (compare --ignore, ignore-metrics: ${options.ignore.join(", ") || "none"}).`
  });
}

// src/compare/renames.ts
init_define_REPRO_CHART_LIBRARY();
function findRenames(metrics, baseline, current) {
  const added = metrics.filter((m) => m.status === "new" && m.kind === "series");
  const notes = [];
  for (const missing of metrics.filter((m) => m.status === "missing" && m.kind === "series")) {
    const old = baseline.series.get(missing.name);
    const match = added.find((m) => sameSeries(old, current.series.get(m.name)));
    if (!match) continue;
    missing.renamedTo = match.name;
    notes.push(
      `renamed? \`${missing.name}\` \u2192 \`${match.name}\`: the run has no \`${missing.name}\`, and its new \`${match.name}\` holds the same ${plural(old.steps.length, "value")}`
    );
  }
  return notes;
}
function sameSeries(a, b) {
  if (a.steps.length !== b.steps.length) return false;
  for (let i = 0; i < a.steps.length; i++)
    if (a.steps[i] !== b.steps[i] || !bitEqual(a.values[i], b.values[i])) return false;
  return true;
}
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// src/compare/compare.ts
function compareMetrics(baseline, current, options) {
  const include = options.include.map(globToRegExp);
  const ignore = options.ignore.map(globToRegExp);
  const keep = (name) => (include.length === 0 || matchesAnyGlob(name, include)) && !matchesAnyGlob(name, ignore);
  const metrics = [];
  for (const name of unionOfKeys(baseline.series, current.series)) {
    if (!keep(name)) continue;
    metrics.push(
      compareSeries(name, baseline.series.get(name), current.series.get(name), options.tolerances.pick(name))
    );
  }
  for (const name of unionOfKeys(baseline.finals, current.finals)) {
    if (!keep(name)) continue;
    metrics.push(
      compareFinal(name, baseline.finals.get(name), current.finals.get(name), options.tolerances.pick(name))
    );
  }
  const uncompared = [.../* @__PURE__ */ new Set([...baseline.uncompared ?? [], ...current.uncompared ?? []])].filter(keep).sort();
  if (!metrics.some((m) => m.status !== "new")) throw nothingCompared(baseline, current, options, uncompared);
  const drifted = metrics.some(isDriftedMetric);
  const renames = findRenames(metrics, baseline, current);
  return {
    status: drifted ? "drift" : "pass",
    metrics: sortDriftFirst(metrics),
    unusedToleranceGlobs: options.tolerances.unusedGlobs(),
    notes: [...renames, ...baseline.notes.map((n) => `baseline: ${n}`), ...current.notes.map((n) => `run: ${n}`)],
    stepKeys: { baseline: baseline.stepAxes ?? [], current: current.stepAxes ?? [] },
    uncompared
  };
}
var STATUS_ORDER = { missing: 0, drift: 1, new: 2, pass: 3 };
function sortDriftFirst(metrics) {
  return metrics.sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compareStepsOrNull(a.firstOutOfToleranceStep, b.firstOutOfToleranceStep) || a.name.localeCompare(b.name)
  );
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
    missingStepCount: 0,
    extraSteps: [],
    extraStepCount: 0,
    becameNonFinite: null,
    renamedTo: null,
    tolerance
  };
}
var DiffMaxima = class {
  abs = null;
  rel = null;
  add(baseline, current) {
    let abs;
    let rel;
    if (bitEqual(baseline, current) || baseline === current && !Number.isFinite(baseline)) abs = rel = 0;
    else if (Number.isNaN(baseline) || Number.isNaN(current)) abs = rel = NaN;
    else if (!Number.isFinite(baseline) || !Number.isFinite(current)) abs = rel = Infinity;
    else {
      abs = Math.abs(current - baseline);
      rel = abs === 0 ? 0 : baseline === 0 ? Infinity : abs / Math.abs(baseline);
    }
    this.abs = larger(this.abs, abs);
    this.rel = larger(this.rel, rel);
  }
};
function larger(kept, next) {
  if (kept === null || Number.isNaN(next)) return next;
  return Number.isNaN(kept) || kept >= next ? kept : next;
}
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
      if (result.missingStepCount++ < MAX_LISTED_STEPS) result.missingSteps.push(baselineStep);
      result.firstDivergentStep ??= baselineStep;
      result.firstOutOfToleranceStep ??= baselineStep;
      outOfTolerance = true;
      i++;
      continue;
    }
    if (baselineStep === void 0 || currentStep < baselineStep) {
      if (result.extraStepCount++ < MAX_LISTED_STEPS) result.extraSteps.push(currentStep);
      result.firstDivergentStep ??= currentStep;
      result.firstOutOfToleranceStep ??= currentStep;
      const value = current.values[j];
      if (result.becameNonFinite === null && !Number.isFinite(value))
        result.becameNonFinite = { step: currentStep, value };
      outOfTolerance = true;
      j++;
      continue;
    }
    const b = baseline.values[i];
    const c = current.values[j];
    if (result.firstDivergentStep === null && !bitEqual(b, c)) result.firstDivergentStep = baselineStep;
    if (result.becameNonFinite === null && !Number.isFinite(c) && Number.isFinite(b))
      result.becameNonFinite = { step: baselineStep, value: c };
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
    if (!Number.isFinite(current) && Number.isFinite(baseline)) result.becameNonFinite = { step: null, value: current };
  }
  return result;
}

export {
  compareMetrics,
  sortDriftFirst
};
