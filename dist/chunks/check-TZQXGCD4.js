import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  expectNoArguments,
  trainingInvocation
} from "./chunk-WG6JUTQF.js";
import "./chunk-TEQQK63O.js";
import "./chunk-ZXWW6GSZ.js";
import "./chunk-63XBXJAC.js";
import "./chunk-3WPOUDFC.js";
import "./chunk-H4BX2QWY.js";
import {
  EXIT_DRIFT
} from "./chunk-G7ZQVM5D.js";
import "./chunk-EDCSKNQF.js";

// src/cli/commands/check.ts
import path from "node:path";
import { copyFile } from "node:fs/promises";
var command = {
  name: "check",
  usage: `repro-check check [--config F] [--set KEY=VALUE]... [--seed N] [--format markdown|json] [-o RECORD.json]
    Refuse an unclean tree, run the seeded training, compare with the baseline, report.`,
  options: ["config", "set", "seed", "format", "out", "verbose"],
  formats: ["markdown", "json"],
  async run(input, io, log) {
    expectNoArguments("check", input.args);
    const { settings, configPath, context } = await trainingInvocation(input, io, log);
    const { runCheck } = await import("./check-WH4VZSI7.js");
    const result = await runCheck({ settings, configPath, onMissingBaseline: "fail" }, context);
    if (input.values.out) await copyFile(result.recordPath, path.resolve(io.cwd, input.values.out));
    if (input.format === "json" && result.verdict) {
      const { checkReportToJson } = await import("./json-6EEMTJRD.js");
      io.stdout(JSON.stringify(checkReportToJson({ ...result.report, verdict: result.verdict }), null, 2) + "\n");
    } else io.stdout(result.markdown);
    log.info(`Run record: ${result.recordPath}
Report: ${result.reportPath}`);
    return result.exitCode === EXIT_DRIFT ? EXIT_DRIFT : result.exitCode;
  }
};
export {
  command
};
