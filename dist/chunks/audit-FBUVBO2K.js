import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  expectNoArguments,
  trainingInvocation,
  withAuditCounts
} from "./chunk-USZPZENG.js";
import "./chunk-47OEPHDA.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-MJO2A4YZ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import {
  writeFileAtomic
} from "./chunk-54B7A6WN.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/audit.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
var command = {
  name: "audit",
  usage: `repro-check audit [--runs N] [--seeds M] [--config F] [--set KEY=VALUE]... [--seed N] [--format markdown|json] [-o FILE]
    Train the commit N times with one seed (bitwise identical?) and M times with other seeds
    (the noise band); report the level of reproducibility reached. Exit 1 below audit.expect.
  repro-check audit --resume-at N [--config F] [--set KEY=VALUE]... [--format markdown|json] [-o FILE]
    Train once whole and once stopped after step N and resumed; the curves must be bit-identical.`,
  options: ["runs", "seeds", "resume-at", "config", "set", "seed", "format", "out", "verbose"],
  formats: ["markdown", "json"],
  run: (input, io, log) => input.values["resume-at"] === void 0 ? determinismAudit(input, io, log) : resumeAudit(input, io, log)
};
async function determinismAudit(input, io, log) {
  expectNoArguments("audit", input.args);
  const { values } = input;
  const { settings, context } = await trainingInvocation(withAuditCounts(input), io, log);
  const { runAudit } = await import("./audit-I6MZ5VIA.js");
  const result = await runAudit(settings, context);
  const { auditToJson } = await import("./audit-TZFDOGG4.js");
  const json = JSON.stringify(auditToJson(result.report), null, 2) + "\n";
  if (values.out) await writeFileAtomic(path.resolve(io.cwd, values.out), json);
  io.stdout(input.format === "json" ? json : result.markdown);
  log.info(`Audit report and run records: ${result.outDir}`);
  return result.exitCode;
}
async function resumeAudit(input, io, log) {
  const options = input.values;
  const problems = [...input.flagProblems];
  if (input.args.length > 0) problems.push(`audit takes no arguments; got ${input.args.join(" ")}`);
  if (options.runs !== void 0 || options.seeds !== void 0)
    problems.push("--resume-at audits one resume: leave out --runs and --seeds with it");
  const resumeAtText = options["resume-at"];
  const resumeAt = Number(resumeAtText);
  if (!Number.isSafeInteger(resumeAt) || resumeAt < 1)
    problems.push(`--resume-at ${resumeAtText}: expected a step number, 1 or more`);
  const { settings, context } = await trainingInvocation({ ...input, flagProblems: problems }, io, log);
  if (problems.length > 0) throw new ReproError(problems.join("\n"));
  const { runResumeAudit } = await import("./resume-audit-IJCAXFI6.js");
  const { resumeAuditToJson, renderResumeAudit } = await import("./resume-audit-YUZWVLZR.js");
  const { analysis, exitCode } = await runResumeAudit({ settings, resumeAt }, context);
  const json = JSON.stringify(resumeAuditToJson(analysis), null, 2) + "\n";
  if (options.out) await writeFileAtomic(path.resolve(io.cwd, options.out), json);
  io.stdout(input.format === "json" ? json : renderResumeAudit(analysis));
  return exitCode;
}
export {
  command
};
