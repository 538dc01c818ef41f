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
    const { recordOnly } = await import("./record-only-XKYODRKS.js");
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
