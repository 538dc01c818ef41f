import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  expectNoArguments
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
  EXIT_PASS,
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/env.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
var command = {
  name: "env",
  usage: `repro-check env [--format text|json] [-o FINGERPRINT.json]
    Print this machine's environment fingerprint.`,
  options: ["format", "out", "verbose"],
  formats: ["text", "json"],
  async run(input, io) {
    expectNoArguments("env", input.args);
    if (input.flagProblems.length > 0) throw new ReproError(input.flagProblems.join("\n"));
    const { collectEnvironment, execText } = await import("./fingerprint-JWAA2ZVV.js");
    const fingerprint = await collectEnvironment({ cwd: io.cwd, fingerprintPaths: [], env: io.env, exec: execText });
    const json = JSON.stringify(fingerprint, null, 2) + "\n";
    io.stdout(input.format === "json" ? json : describeEnvironment(fingerprint));
    if (input.values.out) await writeFileAtomic(path.resolve(io.cwd, input.values.out), json);
    return EXIT_PASS;
  }
};
function describeEnvironment(fingerprint) {
  const lines = [
    `os: ${fingerprint.os.platform} ${fingerprint.os.release} ${fingerprint.os.arch}`,
    `cpu: ${fingerprint.cpu.model} (${fingerprint.cpu.cores} cores)`,
    `node: ${fingerprint.node}`,
    `python: ${fingerprint.python ?? "not found"}`,
    `gpu: ${fingerprint.gpu ? `driver ${fingerprint.gpu.driver}, CUDA ${fingerprint.gpu.cuda}` : "none (nvidia-smi not found)"}`,
    ...(fingerprint.gpu?.devices ?? []).map((d) => `  [${d.index}] ${d.name} ${d.uuid}`),
    ...Object.entries(fingerprint.files).map(([file, hash]) => `file ${file}: sha256 ${hash}`)
  ];
  return lines.join("\n") + "\n";
}
export {
  command
};
