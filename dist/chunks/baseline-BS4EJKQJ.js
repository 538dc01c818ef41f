import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  expectNoArguments,
  trainingInvocation
} from "./chunk-ZXFSFZC4.js";
import "./chunk-TIW2VSM6.js";
import "./chunk-NHMCGWYI.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-OFCAAITS.js";
import "./chunk-KGAZ7FAN.js";
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
  usage: `repro-check baseline update [--config F] [--set KEY=VALUE]... [--seed N]
    Refuse an unclean tree, run the training, write the baseline file (commit it yourself).`,
  options: ["config", "set", "seed", "verbose"],
  async run(input, io, log) {
    expectNoArguments("baseline update", input.args);
    const { settings, context } = await trainingInvocation(input, io, log);
    const { runBaselineUpdate } = await import("./baseline-GKTMPWXS.js");
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
