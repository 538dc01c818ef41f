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
  EXIT_PASS
} from "./chunk-G7ZQVM5D.js";
import "./chunk-EDCSKNQF.js";

// src/cli/commands/baseline.ts
var command = {
  name: "baseline",
  subcommand: "update",
  usage: `repro-check baseline update [--config F] [--set KEY=VALUE]... [--seed N]
    Refuse an unclean tree, run the training, write the baseline file (commit it yourself).`,
  options: ["config", "set", "seed", "verbose"],
  async run(input, io, log) {
    expectNoArguments("baseline update", input.args);
    const { settings, context } = await trainingInvocation(input, io, log);
    const { runBaselineUpdate } = await import("./baseline-PLQREYHI.js");
    const result = await runBaselineUpdate(settings, context);
    io.stdout(
      `Baseline written to ${result.baselineRepoPath}. Commit it:
  git add ${result.baselineRepoPath} && git commit -m "Update repro-check baseline"
`
    );
    return EXIT_PASS;
  }
};
export {
  command
};
