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
  EXIT_PASS
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/baseline.ts
init_define_REPRO_CHART_LIBRARY();
var command = {
  name: "baseline",
  subcommand: "update",
  usage: `repro-check baseline update [--config F] [--set KEY=VALUE]... [--seed N] [--seeds M [--runs N]]
    Refuse an unclean tree, run the training, write the baseline file (commit it yourself).
    --seeds M: a statistical baseline, with the band over M+1 seeds and N same-seed runs.`,
  options: ["config", "set", "seed", "runs", "seeds", "verbose"],
  async run(input, io, log) {
    expectNoArguments("baseline update", input.args);
    const { settings, context } = await trainingInvocation(withAuditCounts(input), io, log);
    const { runBaselineUpdate } = await import("./baseline-IDZ2DSXH.js");
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
