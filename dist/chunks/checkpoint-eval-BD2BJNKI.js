import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  lastCheckpoints,
  mergeCheckpoints
} from "./chunk-QDFS55M4.js";
import "./chunk-MPNB6IT3.js";
import {
  trainingFailure
} from "./chunk-IMLL2YKW.js";
import {
  encodeNumber
} from "./chunk-N6LDEXVG.js";
import {
  fingerprintCheckpoint
} from "./chunk-BLJRTHI4.js";
import "./chunk-O7PLZ7CT.js";
import {
  processFailed
} from "./chunk-U24SNM4K.js";
import {
  runProcess
} from "./chunk-KUD2POCN.js";
import "./chunk-MJO2A4YZ.js";
import "./chunk-LHXOGF6I.js";
import "./chunk-KMS2X7K7.js";
import "./chunk-54B7A6WN.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/modes/checkpoint-eval.ts
init_define_REPRO_CHART_LIBRARY();
import path from "node:path";
var MERGED_PREFIX = "checkpoints.merged.";
var FINAL_PREFIX = "checkpoints.final.";
async function averageAndEvaluate(plan, files, run) {
  const finals = /* @__PURE__ */ new Map();
  const average = plan.averageLast;
  const evalCommand = plan.evalCommand;
  if (average === void 0 && evalCommand === void 0) return { merged: null, finals };
  const ordered = await lastCheckpoints(files, void 0);
  const final = ordered.at(-1);
  if (!final)
    throw new ReproError(
      `checkpoints: the training wrote no file matching ${plan.glob}, so there is nothing to ${average === void 0 ? "evaluate" : "average"}`,
      {
        hint: "Check the glob (relative to working-directory; {out} is the run output folder) and that the training saves checkpoints."
      }
    );
  let merged = null;
  if (average !== void 0) {
    if (ordered.length < average) {
      throw new ReproError(
        `checkpoints.average-last is ${average}, but the training wrote ${ordered.length} checkpoint${ordered.length === 1 ? "" : "s"} matching ${plan.glob}`,
        { hint: "Save checkpoints more often, or lower average-last." }
      );
    }
    const inputs = ordered.slice(-average).map((c) => c.path);
    const out = path.join(run.outDir, "merged.safetensors");
    const result = await run.context.log.group(
      `Averaging the last ${average} checkpoints`,
      () => mergeCheckpoints({ inputs, method: "sma", out })
    );
    run.context.log.info(
      `Cosine between successive deltas: ${result.deltaCosines.map((c) => c.toFixed(3)).join(", ") || "n/a"}`
    );
    merged = {
      path: out,
      from: inputs,
      method: "sma",
      tensors: (await fingerprintCheckpoint(out)).tensors,
      metrics: {},
      finalMetrics: {}
    };
  }
  if (evalCommand !== void 0) {
    const evaluate = (checkpoint) => runEval(evalCommand, checkpoint, run);
    const finalMetrics = await evaluate(final.path);
    for (const [name, value] of finalMetrics) finals.set(FINAL_PREFIX + name, value);
    if (merged) {
      const mergedMetrics = await evaluate(merged.path);
      for (const [name, value] of mergedMetrics) finals.set(MERGED_PREFIX + name, value);
      merged.metrics = Object.fromEntries([...mergedMetrics].map(([name, value]) => [name, encodeNumber(value)]));
      merged.finalMetrics = Object.fromEntries([...finalMetrics].map(([name, value]) => [name, encodeNumber(value)]));
    }
  }
  return { merged, finals };
}
async function runEval(command, checkpoint, run) {
  const shell = command.replaceAll("{checkpoint}", shellQuote(checkpoint));
  let lastStdout = "";
  const result = await run.guard(
    `Evaluating ${path.basename(checkpoint)}: ${shell}`,
    (launch) => runProcess({
      shell,
      cwd: run.cwd,
      env: { ...run.env, ...launch.markerEnv },
      wrapper: launch.wrapper,
      timeoutMs: run.timeoutMinutes * 6e4,
      onOutputLine: (line, stream) => {
        run.context.trainingOutput.line(line);
        if (stream === "stdout" && line.trim() !== "") lastStdout = line;
      },
      ...run.context.signal ? { signal: run.context.signal } : {}
    })
  );
  if (processFailed(result)) throw trainingFailure("The eval command", shell, result, run.timeoutMinutes);
  return parseEvalOutput(lastStdout, shell);
}
function parseEvalOutput(line, command) {
  const fail = (why) => {
    throw new ReproError(
      `the eval command's last line of output ${why}: ${command}
  last line: ${line.slice(0, 300) || "(none)"}`,
      { hint: 'Print the metrics as one JSON object on the last line, e.g. print(json.dumps({"loss": loss})).' }
    );
  };
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    fail("is not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail("is not a JSON object");
  const metrics = /* @__PURE__ */ new Map();
  const walk = (node, prefix) => {
    for (const [key, entry] of Object.entries(node)) {
      if (typeof entry === "number") metrics.set(prefix + key, entry);
      else if (typeof entry === "object" && entry !== null && !Array.isArray(entry))
        walk(entry, `${prefix}${key}.`);
    }
  };
  walk(value, "");
  if (metrics.size === 0) fail("holds no numbers");
  return metrics;
}
function shellQuote(text) {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
export {
  FINAL_PREFIX,
  MERGED_PREFIX,
  averageAndEvaluate,
  parseEvalOutput
};
