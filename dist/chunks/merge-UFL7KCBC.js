import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  AVERAGING_METHODS,
  DEFAULT_EMA_DECAY,
  lastCheckpoints,
  mergeCheckpoints
} from "./chunk-QDFS55M4.js";
import "./chunk-MPNB6IT3.js";
import "./chunk-O7PLZ7CT.js";
import "./chunk-MJO2A4YZ.js";
import "./chunk-LHXOGF6I.js";
import "./chunk-KMS2X7K7.js";
import "./chunk-54B7A6WN.js";
import {
  EXIT_PASS,
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/merge.ts
init_define_REPRO_CHART_LIBRARY();
import { realpath } from "node:fs/promises";
import path from "node:path";
async function run(options, io, log) {
  const problems = [];
  const method = options.method;
  if (method === void 0) problems.push(`--method is required: ${AVERAGING_METHODS.join(", ")}`);
  else if (!AVERAGING_METHODS.includes(method))
    problems.push(`--method ${options.method}: accepted: ${AVERAGING_METHODS.join(", ")}`);
  const last = options.last === void 0 ? void 0 : Number(options.last);
  if (last !== void 0 && !(Number.isSafeInteger(last) && last >= 1))
    problems.push(`--last ${options.last}: expected a whole number of checkpoints, 1 or more`);
  const decay = options.decay === void 0 ? void 0 : Number(options.decay);
  if (options.decay !== void 0 && method !== "ema") problems.push("--decay is for --method ema only");
  else if (decay !== void 0 && !(decay > 0 && decay < 1))
    problems.push(
      `--decay ${options.decay}: expected a number between 0 and 1 (exclusive), such as ${DEFAULT_EMA_DECAY}`
    );
  if (!options.out) problems.push("-o OUT is required: the merged safetensors file to write");
  if (options.files.length === 0) problems.push("name the checkpoints to average");
  if (problems.length > 0) throw new ReproError(problems.join("\n"), { hint: "Run `repro-check --help` for usage." });
  const out = path.resolve(io.cwd, options.out);
  const inputs = options.files.map((file) => path.resolve(io.cwd, file));
  const outReal = await realpath(out).catch(() => out);
  for (const input of inputs) {
    if (await realpath(input).catch(() => input) === outReal)
      throw new ReproError(`-o ${options.out} is one of the checkpoints to average; write the merged file elsewhere`);
  }
  if (last !== void 0 && last > inputs.length)
    log.warning(`--last ${last}: only ${inputs.length} checkpoints given; averaging all of them`);
  const chosen = await lastCheckpoints(inputs, last);
  const result = await mergeCheckpoints({
    inputs: chosen.map((c) => c.path),
    method,
    ...decay !== void 0 ? { decay } : {},
    out
  });
  io.stdout(describeMerge(result, io.cwd));
  return EXIT_PASS;
}
function describeMerge(result, cwd) {
  const name = (file) => path.relative(cwd, file) || file;
  const cosines = (values) => values.length === 0 ? "n/a (too few checkpoints)" : values.map((v) => v.toFixed(4)).join(", ");
  return [
    `Merged ${result.inputs.length} checkpoints into ${name(result.out)} (${result.averaged} tensors averaged, ${result.copied} integer/bool tensors copied from the newest):`,
    ...result.inputs.map(
      (input) => `  ${name(input.path)}${input.step === null ? "" : ` (step ${input.step})`}  weight ${input.weight.toPrecision(6)}`
    ),
    `Cosine between successive deltas: ${cosines(result.deltaCosines)}`,
    "(Negative: the weights oscillate about a minimum, which averaging cancels, so simple averaging is safe; near 1: they still move in one direction and the average lags behind.)",
    ""
  ].join("\n");
}
var command = {
  name: "merge",
  usage: `repro-check merge --method sma|ema|wma [--last K] [--decay D] -o OUT CKPT...
    Average checkpoints into OUT (safetensors), streaming; reports the deltas' correlation.`,
  options: ["method", "last", "decay", "out", "verbose"],
  run: ({ args, values }, io, log) => run({ files: args, method: values.method, last: values.last, decay: values.decay, out: values.out }, io, log)
};
export {
  command,
  describeMerge
};
