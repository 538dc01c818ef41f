import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  expectNoArguments,
  trainingInvocation
} from "./chunk-R7UQBOAT.js";
import "./chunk-CGCL2TPQ.js";
import "./chunk-75HG23HQ.js";
import "./chunk-WUFREVH5.js";
import "./chunk-Z3Z5WYT2.js";
import {
  EXIT_PASS
} from "./chunk-BKTBR2MQ.js";
import "./chunk-GFWGNPAP.js";

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
    const { runBaselineUpdate } = await import("./baseline-SEPG4N67.js");
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
