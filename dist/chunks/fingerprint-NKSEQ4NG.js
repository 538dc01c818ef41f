import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  fingerprintCheckpoint
} from "./chunk-BLJRTHI4.js";
import "./chunk-O7PLZ7CT.js";
import "./chunk-MJO2A4YZ.js";
import "./chunk-KMS2X7K7.js";
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

// src/cli/commands/fingerprint.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
async function run(options, io) {
  if (options.files.length !== 1)
    throw new ReproError(
      `fingerprint takes one checkpoint; got ${options.files.length === 0 ? "none" : options.files.join(" ")}`
    );
  const entry = await fingerprintCheckpoint(path.resolve(io.cwd, options.files[0]));
  const json = JSON.stringify({ ...entry, path: options.files[0] }, null, 2) + "\n";
  if (options.out) await writeFileAtomic(path.resolve(io.cwd, options.out), json);
  io.stdout(options.format === "json" ? json : renderFingerprint({ ...entry, path: options.files[0] }));
  return EXIT_PASS;
}
function renderFingerprint(entry) {
  const rows = entry.tensors.map(
    (tensor) => `| \`${tensor.name}\` | ${tensor.dtype} | [${tensor.shape.join(", ")}] | \`${tensor.sha256}\` |`
  );
  return [
    `### ${entry.path} (step ${entry.step}, ${entry.tensors.length} tensors)`,
    "",
    "| tensor | dtype | shape | SHA-256 |",
    "| --- | --- | --- | --- |",
    ...rows,
    ""
  ].join("\n");
}
var command = {
  name: "fingerprint",
  usage: `repro-check fingerprint CKPT [--format markdown|json] [-o FILE]
    Per-tensor SHA-256 of a checkpoint (safetensors, shard index, tfjs model.json).`,
  options: ["format", "out", "verbose"],
  formats: ["markdown", "json"],
  run: async ({ args, values, format, flagProblems }, io) => {
    if (flagProblems.length > 0) throw new ReproError(flagProblems.join("\n"));
    return run({ files: args, format, out: values.out }, io);
  }
};
export {
  command,
  renderFingerprint
};
