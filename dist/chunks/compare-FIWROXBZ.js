import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  gateSettingsOf
} from "./chunk-N4L7FKJK.js";
import {
  compareMetrics
} from "./chunk-HPAUVAHG.js";
import {
  DEFAULT_TOLERANCE,
  TolerancePicker,
  resolveTolerance
} from "./chunk-COAPIZFV.js";
import {
  readComparable
} from "./chunk-RGU3UPBW.js";
import "./chunk-EKFKRKUQ.js";
import {
  verdictToJson
} from "./chunk-N3SK4D3K.js";
import "./chunk-22M5EIFX.js";
import {
  loadSettings
} from "./chunk-TEQQK63O.js";
import {
  DEFAULT_IGNORED_METRICS
} from "./chunk-ZXWW6GSZ.js";
import {
  renderMarkdown
} from "./chunk-AROJW2XN.js";
import "./chunk-63XBXJAC.js";
import "./chunk-B3UAENMU.js";
import "./chunk-3WPOUDFC.js";
import "./chunk-H4BX2QWY.js";
import {
  writeFileAtomic
} from "./chunk-UTVMXS7R.js";
import {
  EXIT_DRIFT,
  EXIT_PASS,
  ReproError
} from "./chunk-G7ZQVM5D.js";
import "./chunk-EDCSKNQF.js";

// src/cli/commands/compare.ts
import path from "node:path";
import { readFile } from "node:fs/promises";
async function runCompareCommand(options, io) {
  const problems = [...options.flagProblems ?? [], ...flagProblems(options)];
  if (problems.length === 1) throw new ReproError(problems[0]);
  if (problems.length > 1) throw new ReproError(`${problems.length} problems with the arguments:
${problems.map((p) => `  - ${p}`).join("\n")}`);
  const [baselineFile, currentFile] = options.files;
  const [baseline, current, picker] = await Promise.all([
    readComparable(path.resolve(options.cwd, baselineFile)),
    readComparable(path.resolve(options.cwd, currentFile)),
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
        runLabel: currentFile,
        baselineLabel: baselineFile,
        toleranceLines: picker.lines,
        environmentDifferences: [],
        checkpointLines: [],
        notes: []
      }, Infinity)
    );
  }
  return verdict.status === "pass" ? EXIT_PASS : EXIT_DRIFT;
}
function flagProblems(options) {
  const problems = [];
  if (options.files.length !== 2) problems.push(`compare takes two files, BASELINE and CURRENT; got ${options.files.length}${options.files.length > 0 ? ` (${options.files.join(" ")})` : ""}`);
  for (const [flag, text] of [["--rtol", options.rtol], ["--atol", options.atol]]) {
    if (text !== void 0 && toleranceNumber(text) === null) problems.push(`${flag} ${text}: expected a number >= 0, e.g. ${flag} 1e-5`);
  }
  const toleranceFlags = [options.rtol !== void 0 && "--rtol", options.atol !== void 0 && "--atol"].filter((f) => f !== false);
  if (options.config !== void 0 && (options.exact || toleranceFlags.length > 0)) problems.push(`--config takes the tolerance from the file; leave out ${[...toleranceFlags, ...options.exact ? ["--exact"] : []].join(", ")} with it`);
  else if (options.exact && toleranceFlags.length > 0) problems.push(`--exact compares bit for bit; leave out ${toleranceFlags.join(" and ")} with it`);
  return problems;
}
function toleranceNumber(text) {
  const value = Number(text);
  return text.trim() === "" || !Number.isFinite(value) || value < 0 ? null : value;
}
async function tolerancesFor(options) {
  if (options.config !== void 0) {
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
  const rtol = options.rtol === void 0 ? DEFAULT_TOLERANCE.rtol : toleranceNumber(options.rtol);
  const atol = options.atol === void 0 ? DEFAULT_TOLERANCE.atol : toleranceNumber(options.atol);
  const source = options.exact ? "--exact" : options.rtol !== void 0 || options.atol !== void 0 ? "command-line flags" : "default (numpy.allclose)";
  return {
    tolerances: new TolerancePicker({ rtol, atol, exact: options.exact }, source, {}),
    ignore: [...DEFAULT_IGNORED_METRICS],
    lines: [options.exact ? "exact (bit-for-bit)" : `rtol ${rtol}, atol ${atol} \u2014 from ${source}`]
  };
}
var command = {
  name: "compare",
  usage: `repro-check compare BASELINE CURRENT [--rtol R] [--atol A] [--exact] [--config F] [--metric GLOB]... [--ignore GLOB]... [--format markdown|json] [-o VERDICT.json]
    Compare two metric files or log folders (TensorBoard, MLflow), run records or baselines (told apart by content).`,
  options: ["rtol", "atol", "exact", "config", "metric", "ignore", "format", "out", "verbose"],
  formats: ["markdown", "json"],
  run: ({ args, values, format, flagProblems: flagProblems2 }, io) => runCompareCommand(
    {
      files: args,
      cwd: io.cwd,
      rtol: values.rtol,
      atol: values.atol,
      exact: values.exact,
      include: values.metric,
      ignore: values.ignore,
      format,
      out: values.out,
      config: values.config,
      flagProblems: flagProblems2
    },
    io
  )
};
export {
  command
};
