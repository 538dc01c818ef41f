import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  judgeAgainstBand
} from "./chunk-7ES5ZDZY.js";
import {
  readComparableDocument
} from "./chunk-GLHUCNKJ.js";
import {
  sigmaGateOptionsOf
} from "./chunk-J2K7L4Y2.js";
import {
  compareMetrics
} from "./chunk-RTR2AN4Y.js";
import "./chunk-RY7XRNUJ.js";
import {
  DEFAULT_TOLERANCE,
  TolerancePicker,
  resolveTolerance
} from "./chunk-HMN27A7O.js";
import {
  verdictToJson
} from "./chunk-GMD56C7G.js";
import "./chunk-RXS57EFW.js";
import "./chunk-F2T6RF3N.js";
import "./chunk-AEMQQA4S.js";
import "./chunk-CL6ON2TL.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-N6LDEXVG.js";
import {
  loadSettings,
  readConfigFile
} from "./chunk-47OEPHDA.js";
import {
  tolerancePlanOf
} from "./chunk-VRURZYB3.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-MJO2A4YZ.js";
import {
  REPORT_FORMATS,
  defaultReportFormat,
  renderReport
} from "./chunk-DQGZ6OYI.js";
import "./chunk-NV534FCQ.js";
import {
  DEFAULT_IGNORED_METRICS
} from "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import {
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
import {
  EXIT_DRIFT,
  EXIT_PASS,
  InputFileError,
  ReproError,
  describeError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/compare.ts
init_define_REPRO_CHART_LIBRARY();
import { existsSync } from "node:fs";
import path from "node:path";

// src/cli/compare-flags.ts
init_define_REPRO_CHART_LIBRARY();
function flagProblems(options) {
  const problems = [];
  if (options.files.length !== 2)
    problems.push(
      `compare takes two files, BASELINE and CURRENT; got ${options.files.length}${options.files.length > 0 ? ` (${options.files.join(" ")})` : ""}`
    );
  for (const [flag, text] of [
    ["--rtol", options.rtol],
    ["--atol", options.atol]
  ]) {
    if (text !== void 0 && toleranceNumber(text) === null)
      problems.push(`${flag} ${text}: expected a number >= 0, e.g. ${flag} 1e-5`);
  }
  const toleranceFlags = [options.rtol !== void 0 && "--rtol", options.atol !== void 0 && "--atol"].filter(
    (f) => f !== false
  );
  if (options.sigma !== void 0 && !(Number(options.sigma) > 0 && Number.isFinite(Number(options.sigma))))
    problems.push(`--sigma ${options.sigma}: expected a number > 0, e.g. --sigma 4`);
  if (options.config !== void 0 && (options.exact || toleranceFlags.length > 0))
    problems.push(
      `--config takes the tolerance from the file; leave out ${[...toleranceFlags, ...options.exact ? ["--exact"] : []].join(", ")} with it`
    );
  else if (options.exact && toleranceFlags.length > 0)
    problems.push(`--exact compares bit for bit; leave out ${toleranceFlags.join(" and ")} with it`);
  return problems;
}
function toleranceNumber(text) {
  const value = Number(text);
  return text.trim() === "" || !Number.isFinite(value) || value < 0 ? null : value;
}
async function tolerancesFor(options) {
  if (options.config !== void 0) {
    const file = await readConfigFile({
      dir: options.cwd,
      name: options.config,
      given: true,
      label: `--config ${options.config}`,
      showAbsolute: true
    });
    const { config } = loadSettings({ file, overrides: [], toleranceKeysOnly: true });
    const plan = tolerancePlanOf(config);
    const tolerance = resolveTolerance(plan.tolerance);
    const source2 = `tolerance in ${options.config}`;
    return {
      plan,
      tolerances: new TolerancePicker(tolerance, source2, plan["metric-tolerances"]),
      ignore: plan["ignore-metrics"],
      stepKey: typeof config["step-key"] === "string" ? config["step-key"] : void 0,
      lines: [
        tolerance.exact ? `exact (bit-for-bit) \u2014 from ${source2}` : `rtol ${tolerance.rtol}, atol ${tolerance.atol} \u2014 from ${source2}`,
        ...Object.entries(plan["metric-tolerances"]).map(([glob, o]) => `\`${glob}\`: ${JSON.stringify(o)}`)
      ]
    };
  }
  const rtol = options.rtol === void 0 ? DEFAULT_TOLERANCE.rtol : toleranceNumber(options.rtol);
  const atol = options.atol === void 0 ? DEFAULT_TOLERANCE.atol : toleranceNumber(options.atol);
  const source = options.exact ? "--exact" : options.rtol !== void 0 || options.atol !== void 0 ? "command-line flags" : "default (numpy.allclose)";
  return {
    plan: {
      tolerance: { rtol, atol, exact: options.exact },
      "metric-tolerances": {},
      "ignore-metrics": [...DEFAULT_IGNORED_METRICS]
    },
    tolerances: new TolerancePicker({ rtol, atol, exact: options.exact }, source, {}),
    ignore: [...DEFAULT_IGNORED_METRICS],
    lines: [options.exact ? "exact (bit-for-bit)" : `rtol ${rtol}, atol ${atol} \u2014 from ${source}`]
  };
}

// src/cli/commands/compare.ts
async function runCompareCommand(options, io) {
  const problems = [...options.flagProblems ?? [], ...flagProblems(options)];
  if (problems.length === 1) throw new ReproError(problems[0]);
  if (problems.length > 1)
    throw new ReproError(
      `${problems.length} problems with the arguments:
${problems.map((p) => `  - ${p}`).join("\n")}`
    );
  const [baselineFile, currentFile] = options.files;
  const picker = await tolerancesFor(options);
  const [baselineRead, currentRead] = readBothInputs(
    [baselineFile, currentFile].map(
      (file) => () => readComparableDocument(existingInput(options.cwd, file), { stepKey: options.stepKey ?? picker.stepKey })
    )
  );
  const [baseline, current] = [baselineRead.data, currentRead.data];
  const ignore = [...picker.ignore, ...options.ignore];
  const plain = compareMetrics(baseline, current, { tolerances: picker.tolerances, include: options.include, ignore });
  const banded = bandedBaseline(baselineRead.document, currentRead.document);
  const sigmaOptions = sigmaGateOptionsOf(
    {
      tolerance: {
        ...picker.plan.tolerance,
        ...options.sigma === void 0 ? {} : { sigma: Number(options.sigma), "false-alarm-rate": void 0 }
      },
      "metric-tolerances": picker.plan["metric-tolerances"],
      "ignore-metrics": ignore
    },
    picker.tolerances
  );
  const judged = banded ? judgeAgainstBand(plain, banded.baseline, baselineFile, current, banded.currentSeed, {
    ...sigmaOptions,
    include: options.include
  }) : { verdict: plain, lines: [] };
  const verdict = judged.verdict;
  picker.lines.push(...judged.lines);
  const report = {
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
  };
  if (options.out)
    await writeFileAtomic(
      path.resolve(options.cwd, options.out),
      JSON.stringify(verdictToJson(verdict), null, 2) + "\n"
    );
  if (options.html) {
    const [{ renderHtml }, { loadChartLibrary }] = await Promise.all([
      import("./html-ISPC24CV.js"),
      import("./chart-library-6L3LUU75.js")
    ]);
    await writeFileAtomic(path.resolve(options.cwd, options.html), renderHtml(report, await loadChartLibrary()));
  }
  if (options.format === "json") io.stdout(JSON.stringify(verdictToJson(verdict)) + "\n");
  else io.stdout(await renderReport(report, options.format, io, Infinity));
  return verdict.status === "pass" ? EXIT_PASS : EXIT_DRIFT;
}
function existingInput(cwd, file) {
  const resolved = path.resolve(cwd, file);
  if (existsSync(resolved)) return resolved;
  const hint = /[*?[\]{}]/.test(file) ? `compare reads one file or folder for each side, and "${file}" is a glob: name one file, or the folder holding the logs (a TensorBoard, MLflow or DVCLive folder is read whole). Globs are expanded by \`metrics:\` in repro.yml (repro-check check), or by the shell when unquoted, which gives compare several paths instead of one.` : `Check the path; it is taken relative to ${cwd}.`;
  throw new InputFileError(resolved, void 0, "does not exist", { hint });
}
function readBothInputs(readers) {
  const results = readers.map((read) => {
    try {
      return { data: read() };
    } catch (error) {
      if (!(error instanceof ReproError)) throw error;
      return { error };
    }
  });
  const errors = results.flatMap(
    (result, index) => "error" in result ? [{ error: result.error, which: index === 0 ? "BASELINE" : "CURRENT" }] : []
  );
  if (errors.length === 1 || errors.length === 2 && describeError(errors[0].error) === describeError(errors[1].error))
    throw errors[0].error;
  if (errors.length === 2) {
    throw new ReproError(
      `both inputs are bad:
${errors.map(({ error, which }) => `  - ${which}: ${describeError(error).replace(/\n/g, "\n    ")}`).join("\n")}`
    );
  }
  return [results[0].data, results[1].data];
}
function bandedBaseline(baseline, current) {
  if (baseline?.kind !== "baseline" || !baseline.baseline.band) return null;
  return {
    baseline: baseline.baseline,
    currentSeed: current?.kind === "run-record" ? current.record.provenance.seed : null
  };
}
var command = {
  name: "compare",
  usage: `repro-check compare BASELINE CURRENT [--rtol R] [--atol A] [--exact] [--sigma K] [--config F] [--metric GLOB]... [--ignore GLOB]... [--step-key KEY] [--format text|markdown|json] [-o VERDICT.json] [--html REPORT.html]
    Compare two metric files or log folders (TensorBoard, MLflow), run records or baselines (told apart by content);
    --step-key names the key (CSV column) that numbers the records of both files; against a baseline with a band
    the \u03C3 gate decides (--sigma K; rtol/atol stay the floor).`,
  options: [
    "rtol",
    "atol",
    "exact",
    "sigma",
    "config",
    "metric",
    "ignore",
    "step-key",
    "format",
    "out",
    "html",
    "verbose"
  ],
  formats: REPORT_FORMATS,
  defaultFormat: defaultReportFormat,
  run: ({ args, values, format, flagProblems: flagProblems2 }, io) => runCompareCommand(
    {
      files: args,
      cwd: io.cwd,
      rtol: values.rtol,
      atol: values.atol,
      exact: values.exact,
      include: values.metric,
      ignore: values.ignore,
      stepKey: values["step-key"],
      format,
      html: values.html,
      sigma: values.sigma,
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
