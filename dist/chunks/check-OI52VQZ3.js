import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  allowDirtyFlag,
  expectNoArguments,
  trainingInvocation
} from "./chunk-USZPZENG.js";
import "./chunk-47OEPHDA.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-MJO2A4YZ.js";
import {
  REPORT_FORMATS,
  defaultReportFormat,
  renderReport
} from "./chunk-DQGZ6OYI.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import {
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
import {
  EXIT_DRIFT
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/check.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
import { copyFile, readFile } from "node:fs/promises";
var command = {
  name: "check",
  usage: `repro-check check [--config F] [--set KEY=VALUE]... [--seed N] [--format text|markdown|json] [-o RECORD.json] [--html REPORT.html] [--allow-dirty]
    Refuse an unclean tree, run the seeded training, compare with the baseline, report.`,
  options: ["config", "set", "seed", "format", "out", "html", "allow-dirty", "verbose"],
  formats: REPORT_FORMATS,
  defaultFormat: defaultReportFormat,
  async run(input, io, log) {
    expectNoArguments("check", input.args);
    const { settings, configPath, context } = await trainingInvocation(input, io, log);
    const allowDirty = allowDirtyFlag(input.values["allow-dirty"], io.env);
    const { runCheck } = await import("./check-XSML4K4C.js");
    const result = await runCheck({ settings, configPath, onMissingBaseline: "fail", allowDirty }, context);
    const { out, html } = input.values;
    if (out) await copyFile(result.recordPath, path.resolve(io.cwd, out));
    if (html) await writeFileAtomic(path.resolve(io.cwd, html), await readFile(result.htmlPath));
    if (input.format === "json" && result.verdict) {
      const { checkReportToJson } = await import("./json-FHTSU5LW.js");
      io.stdout(JSON.stringify(checkReportToJson({ ...result.report, verdict: result.verdict }), null, 2) + "\n");
    } else io.stdout(input.format === "text" ? await renderReport(result.report, "text", io) : result.markdown);
    log.info(`Run record: ${result.recordPath}
Report: ${result.reportPath}`);
    return result.exitCode === EXIT_DRIFT ? EXIT_DRIFT : result.exitCode;
  }
};
export {
  command
};
