import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  compareMetrics
} from "./chunk-RTR2AN4Y.js";
import {
  TolerancePicker
} from "./chunk-HMN27A7O.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-NV534FCQ.js";
import "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/audit/recommend.ts
init_define_REPRO_CHART_LIBRARY();
function recommendTolerances(reference, runs, options) {
  const worst = /* @__PURE__ */ new Map();
  const exact = new TolerancePicker({ rtol: 0, atol: 0, exact: true }, "exact", {});
  for (const run of runs) {
    for (const m of compareMetrics(reference, run, { tolerances: exact, include: [], ignore: options.ignore }).metrics) {
      if (m.status === "new" || m.status === "missing") continue;
      const entry = worst.get(m.name) ?? { rtol: 0, atol: 0 };
      if (m.maxRelDiff !== null && Number.isFinite(m.maxRelDiff)) entry.rtol = Math.max(entry.rtol, m.maxRelDiff);
      else if (m.maxAbsDiff !== null) entry.atol = Math.max(entry.atol, m.maxAbsDiff);
      worst.set(m.name, entry);
    }
  }
  const round = (x) => Number((x * options.margin).toPrecision(2));
  const lines = [
    `# Passes every one of ${runs.length} ${options.what} with a margin of ${options.margin}x (repro-check band --recommend).`,
    "metric-tolerances:"
  ];
  for (const [name, { rtol, atol }] of [...worst].sort(([a], [b]) => a.localeCompare(b))) {
    const keys = rtol === 0 && atol === 0 ? "{ exact: true }" : `{ rtol: ${round(rtol)}${atol > 0 ? `, atol: ${round(atol)}` : ""} }`;
    lines.push(`  ${JSON.stringify(name)}: ${keys}`);
  }
  return lines.join("\n") + "\n";
}
export {
  recommendTolerances
};
