import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  serializeDocument
} from "./chunk-F2T6RF3N.js";
import {
  loadSettings,
  readConfigFile
} from "./chunk-47OEPHDA.js";
import {
  DEFAULT_IGNORED_METRICS,
  configSchema
} from "./chunk-7WBBLXUB.js";
import {
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
import {
  EXIT_DRIFT,
  EXIT_PASS,
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/band.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
async function runBandCommand(options, io) {
  const problems = [...options.flagProblems];
  if (options.files.length < 2)
    problems.push(
      `${options.command} takes two or more ${options.command === "band" ? "runs (metric files or run records)" : "run records"}; got ${options.files.length}`
    );
  if (!options.out)
    problems.push(`${options.command}: -o BASELINE.json is required (where the baseline with the band is written)`);
  const margin = options.margin === void 0 ? 2 : Number(options.margin);
  if (!(margin >= 1) || !Number.isFinite(margin))
    problems.push(`--margin ${options.margin}: expected a number >= 1, e.g. --margin 2`);
  if (options.command === "aggregate" && (options.recommend || options.crossSeed || options.margin !== void 0))
    problems.push("--recommend, --cross-seed and --margin belong to `band`");
  if (problems.length > 0)
    throw new ReproError(
      problems.length === 1 ? problems[0] : `${problems.length} problems with the arguments:
${problems.map((p) => `  - ${p}`).join("\n")}`
    );
  const settings = await settingsOf(options.config, io.cwd);
  const ignore = settings?.config["ignore-metrics"] ?? DEFAULT_IGNORED_METRICS;
  const { readAggregateInputs, bandBaseline, splitRuns } = await import("./aggregate-Q3LYSD2Y.js");
  const inputs = await readAggregateInputs(options.files.map((f) => path.resolve(io.cwd, f)));
  const createdAt = (/* @__PURE__ */ new Date()).toISOString();
  if (options.command === "band") {
    const outFile = path.resolve(io.cwd, options.out);
    const { same, seeds } = splitRuns(inputs);
    await writeFileAtomic(outFile, serializeDocument(bandBaseline(inputs, ignore, createdAt)));
    io.stderr(
      `Wrote ${options.out}: seed band of ${seeds.length + 1} runs${same.length >= 2 ? `, same-seed band of ${same.length}` : ""}.
`
    );
    if (options.recommend) {
      const { recommendTolerances } = await import("./recommend-EZMGZJPT.js");
      const crossSeed = options.crossSeed || same.length < 2;
      const compared = [...same.slice(1), ...crossSeed ? seeds : []].map((i) => i.member.data);
      const what = crossSeed ? same.length < 2 ? "runs (cross-seed: no same-seed repeats were given)" : "same-seed and cross-seed runs" : "same-seed runs";
      io.stdout(recommendTolerances(same[0].member.data, compared, { margin, ignore, what }));
    }
    return EXIT_PASS;
  }
  const { runAggregate } = await import("./aggregate-Q3LYSD2Y.js");
  const result = runAggregate(inputs, settings?.config ?? configSchema.parse({}), io.env, createdAt);
  const { resolveRecordsBaselinePath } = await import("./baseline-location-2QORPHA5.js");
  const aggregateOut = path.resolve(
    io.cwd,
    resolveRecordsBaselinePath(
      options.out,
      inputs.map((i) => i.record),
      "-o"
    )
  );
  await writeFileAtomic(aggregateOut, serializeDocument(result.baseline));
  io.stderr(`Wrote ${path.relative(io.cwd, aggregateOut) || aggregateOut}.
`);
  const { auditToJson, renderAuditMarkdown } = await import("./audit-TZFDOGG4.js");
  io.stdout(
    options.format === "json" ? JSON.stringify(auditToJson(result.report), null, 2) + "\n" : renderAuditMarkdown(result.report)
  );
  return result.report.findings.reached ? EXIT_PASS : EXIT_DRIFT;
}
async function settingsOf(config, cwd) {
  if (config === void 0) return null;
  const file = await readConfigFile({
    dir: cwd,
    name: config,
    given: true,
    label: `--config ${config}`,
    showAbsolute: true
  });
  return loadSettings({ file, overrides: [] });
}
function bandOptions(name, { args, values, format, flagProblems }) {
  return {
    command: name,
    files: args,
    out: values.out,
    config: values.config,
    recommend: values.recommend,
    crossSeed: values["cross-seed"],
    margin: values.margin,
    format,
    flagProblems
  };
}
var command = {
  name: "band",
  usage: `repro-check band RUN... -o BASELINE.json [--config F] [--recommend [--cross-seed] [--margin X]]
    A statistical baseline (seed and same-seed bands) from metric files or run records made
    elsewhere; --recommend prints a metric-tolerances: block that passes every same-seed run.`,
  options: ["out", "config", "recommend", "cross-seed", "margin", "verbose"],
  run: (input, io) => runBandCommand(bandOptions("band", input), io)
};
var aggregateCommand = {
  name: "aggregate",
  usage: `repro-check aggregate RECORD... -o BASELINE.json [--config F] [--format markdown|json]
    The band and the audit's verdict from run records of a job matrix (exit 1 below audit.expect).`,
  options: ["out", "config", "format", "verbose"],
  formats: ["markdown", "json"],
  run: (input, io) => runBandCommand(bandOptions("aggregate", input), io)
};

export {
  command,
  aggregateCommand
};
