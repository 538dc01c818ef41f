import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  trainingInvocation
} from "./chunk-WG6JUTQF.js";
import "./chunk-TEQQK63O.js";
import "./chunk-ZXWW6GSZ.js";
import "./chunk-63XBXJAC.js";
import "./chunk-3WPOUDFC.js";
import "./chunk-H4BX2QWY.js";
import {
  writeFileAtomic
} from "./chunk-UTVMXS7R.js";
import {
  ReproError
} from "./chunk-G7ZQVM5D.js";
import "./chunk-EDCSKNQF.js";

// src/cli/commands/audit.ts
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
  const { runResumeAudit } = await import("./resume-audit-A6SUBLMV.js");
  const { resumeAuditToJson, renderResumeAudit } = await import("./resume-audit-VN4USAZR.js");
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
