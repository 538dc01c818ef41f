import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  DEFAULT_TOLERANCE,
  TolerancePicker,
  compareMetrics,
  gateSettingsOf,
  resolveTolerance
} from "./chunk-6RUNIZN4.js";
import {
  verdictToJson
} from "./chunk-QJRFEJTY.js";
import {
  readComparable
} from "./chunk-YH2Q2MA6.js";
import "./chunk-KZVXPLSD.js";
import {
  loadSettings
} from "./chunk-HJDWPZE6.js";
import {
  DEFAULT_IGNORED_METRICS
} from "./chunk-75HG23HQ.js";
import {
  renderMarkdown
} from "./chunk-EK2PLU66.js";
import "./chunk-WUFREVH5.js";
import "./chunk-Z3Z5WYT2.js";
import "./chunk-I4ZNRY5B.js";
import {
  EXIT_DRIFT,
  EXIT_PASS,
  ReproError
} from "./chunk-BKTBR2MQ.js";
import {
  writeFileAtomic
} from "./chunk-UCXDISJA.js";
import "./chunk-GFWGNPAP.js";

// src/cli/compare-command.ts
import path from "node:path";
import { readFile } from "node:fs/promises";
async function runCompareCommand(options, io) {
  const [baseline, current, picker] = await Promise.all([
    readComparable(path.resolve(options.cwd, options.baseline)),
    readComparable(path.resolve(options.cwd, options.current)),
    tolerancesFor(options)
  ]);
  const verdict = compareMetrics(baseline, current, {
    tolerances: picker.tolerances,
    include: options.include,
    // Wall-clock fields are ignored by default (DESIGN.md), or as the config says; --ignore adds to that list.
    ignore: [...picker.ignore, ...options.ignore]
  });
  if (options.out) await writeFileAtomic(path.resolve(options.cwd, options.out), JSON.stringify(verdictToJson(verdict), null, 2) + "\n");
  if (options.format === "json") io.stdout(JSON.stringify(verdictToJson(verdict)) + "\n");
  else {
    io.stdout(
      renderMarkdown({
        outcome: verdict.status,
        verdict,
        baselineData: baseline,
        currentData: current,
        runLabel: options.current,
        baselineLabel: options.baseline,
        toleranceLines: picker.lines,
        environmentDifferences: [],
        checkpointLines: [],
        notes: []
      }, Infinity)
    );
  }
  return verdict.status === "pass" ? EXIT_PASS : EXIT_DRIFT;
}
async function tolerancesFor(options) {
  if (options.config !== void 0) {
    if (options.exact || options.rtol !== void 0 || options.atol !== void 0) throw new ReproError("--config takes the tolerance from the file; leave out --rtol, --atol and --exact with it");
    const file = path.resolve(options.cwd, options.config);
    const text = await readFile(file, "utf8").catch((error) => {
      throw new ReproError(`--config ${options.config}: cannot read ${file} (${error.code ?? error.message})`);
    });
    const gate = gateSettingsOf(loadSettings({ file: { path: options.config, text }, overrides: [] }).config);
    const tolerance = resolveTolerance(gate.tolerance);
    const source2 = `tolerance in ${options.config}`;
    return {
      tolerances: new TolerancePicker(tolerance, source2, gate["metric-tolerances"]),
      ignore: gate["ignore-metrics"],
      lines: [tolerance.exact ? `exact (bit-for-bit) \u2014 from ${source2}` : `rtol ${tolerance.rtol}, atol ${tolerance.atol} \u2014 from ${source2}`, ...Object.entries(gate["metric-tolerances"]).map(([glob, o]) => `\`${glob}\`: ${JSON.stringify(o)}`)]
    };
  }
  const rtol = parseTolerance("--rtol", options.rtol, DEFAULT_TOLERANCE.rtol);
  const atol = parseTolerance("--atol", options.atol, DEFAULT_TOLERANCE.atol);
  if (options.exact && (options.rtol !== void 0 || options.atol !== void 0)) throw new ReproError("--exact compares bit for bit; leave out --rtol and --atol with it");
  const source = options.exact ? "--exact" : options.rtol !== void 0 || options.atol !== void 0 ? "command-line flags" : "default (numpy.allclose)";
  return {
    tolerances: new TolerancePicker({ rtol, atol, exact: options.exact }, source, {}),
    ignore: [...DEFAULT_IGNORED_METRICS],
    lines: [options.exact ? "exact (bit-for-bit)" : `rtol ${rtol}, atol ${atol} \u2014 from ${source}`]
  };
}
function parseTolerance(flag, text, fallback) {
  if (text === void 0) return fallback;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < 0) throw new ReproError(`${flag} ${text}: expected a number >= 0, e.g. ${flag} 1e-5`);
  return value;
}
export {
  runCompareCommand
};
