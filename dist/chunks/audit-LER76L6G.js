import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  trainingInvocation
} from "./chunk-ZXFSFZC4.js";
import "./chunk-TIW2VSM6.js";
import "./chunk-NHMCGWYI.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-OFCAAITS.js";
import "./chunk-KGAZ7FAN.js";
import {
  writeFileAtomic
} from "./chunk-HX7VJSHX.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/audit.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
async function run(input, io, log) {
  const options = input.values;
  const problems = [...input.flagProblems];
  if (input.args.length > 0) problems.push(`audit takes no arguments; got ${input.args.join(" ")}`);
  const resumeAtText = options["resume-at"];
  const resumeAt = Number(resumeAtText);
  if (resumeAtText === void 0) problems.push("audit needs --resume-at N (the step after which the first leg stops)");
  else if (!Number.isSafeInteger(resumeAt) || resumeAt < 1) problems.push(`--resume-at ${resumeAtText}: expected a step number, 1 or more`);
  const { settings, context } = await trainingInvocation({ ...input, flagProblems: problems }, io, log);
  if (problems.length > 0) throw new ReproError(problems.join("\n"));
  const { runResumeAudit } = await import("./resume-audit-PNTCUHBG.js");
  const { resumeAuditToJson, renderResumeAudit } = await import("./resume-audit-4EELERIV.js");
  const { analysis, exitCode } = await runResumeAudit({ settings, resumeAt }, context);
  const json = JSON.stringify(resumeAuditToJson(analysis), null, 2) + "\n";
  if (options.out) await writeFileAtomic(path.resolve(io.cwd, options.out), json);
  io.stdout(input.format === "json" ? json : renderResumeAudit(analysis));
  return exitCode;
}
var command = {
  name: "audit",
  usage: `repro-check audit --resume-at N [--config F] [--set KEY=VALUE]... [--format markdown|json] [-o FILE]
    Train once whole and once stopped after step N and resumed; the curves must be bit-identical.`,
  options: ["resume-at", "config", "set", "seed", "format", "out", "verbose"],
  formats: ["markdown", "json"],
  run: (input, io, log) => run(input, io, log)
};
export {
  command
};
