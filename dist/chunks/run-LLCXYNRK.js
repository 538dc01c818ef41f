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

// src/cli/commands/run.ts
import path from "node:path";
import { copyFile } from "node:fs/promises";
var command = {
  name: "run",
  usage: `repro-check run [--config F] [--set KEY=VALUE]... [--seed N] [-o RECORD.json]
    Run the training and write its run record, without comparing.`,
  options: ["config", "set", "seed", "out", "verbose"],
  async run(input, io, log) {
    expectNoArguments("run", input.args);
    const { settings, context } = await trainingInvocation(input, io, log);
    const { recordOnly } = await import("./record-only-VQ5M364R.js");
    const result = await recordOnly(settings, context);
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
