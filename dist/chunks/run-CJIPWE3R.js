import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  allowDirtyFlag,
  expectNoArguments,
  trainingInvocation
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

// src/cli/commands/run.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
import { copyFile } from "node:fs/promises";
var command = {
  name: "run",
  usage: `repro-check run [--config F] [--set KEY=VALUE]... [--seed N] [-o RECORD.json] [--allow-dirty]
    Run the training and write its run record, without comparing.`,
  options: ["config", "set", "seed", "out", "allow-dirty", "verbose"],
  async run(input, io, log) {
    expectNoArguments("run", input.args);
    const { settings, context } = await trainingInvocation(input, io, log);
    const allowDirty = allowDirtyFlag(input.values["allow-dirty"], io.env);
    const { recordOnly } = await import("./record-only-S2BQ22UZ.js");
    const result = await recordOnly(settings, context, { allowDirty });
    const out = input.values.out ? path.resolve(io.cwd, input.values.out) : null;
    if (out) await copyFile(result.recordPath, out);
    io.stdout(`Run record: ${out ?? result.recordPath}
`);
    return EXIT_PASS;
  }
};
export {
  command
};
