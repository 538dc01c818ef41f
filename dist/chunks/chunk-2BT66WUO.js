import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  DETERMINISM_ENV
} from "./chunk-XU3WJNQF.js";
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/trainer/backend.ts
init_define_REPRO_CHART_LIBRARY();
import { createRequire } from "node:module";
import path from "node:path";
var BACKEND_NAMES = ["auto", "tensorflow-gpu", "tensorflow", "wasm", "cpu"];
var NATIVE_PACKAGES = {
  "tensorflow-gpu": "@tensorflow/tfjs-node-gpu",
  tensorflow: "@tensorflow/tfjs-node"
};
var TFJS_VERSION = "4.22.0";
function checkBackendName(name) {
  if (BACKEND_NAMES.includes(name)) return name;
  throw new ReproError(`Unknown trainer backend "${name}" (trainer.backend); accepted: ${BACKEND_NAMES.join(", ")}`);
}
function resolveNativePackage(backend, searchDirs) {
  for (const dir of searchDirs) {
    try {
      return createRequire(path.join(dir, "package.json")).resolve(NATIVE_PACKAGES[backend]);
    } catch (error) {
      if (error.code !== "MODULE_NOT_FOUND") throw error;
    }
  }
  return null;
}

// src/trainer/job.ts
init_define_REPRO_CHART_LIBRARY();
var BUILTIN_TRAINERS = ["builtin:smoke"];
var TRAINER_RESULT_FILE = "trainer-result.json";
var METRICS_FILE = "metrics.jsonl";
var STRICT_DETERMINISM_ENV = {
  ...DETERMINISM_ENV,
  // oneDNN's CPU kernels reorder float sums with the thread count.
  TF_ENABLE_ONEDNN_OPTS: "0",
  TF_NUM_INTRAOP_THREADS: "1",
  TF_NUM_INTEROP_THREADS: "1",
  OMP_NUM_THREADS: "1"
};

// src/trainer/worker-location.ts
init_define_REPRO_CHART_LIBRARY();
import path2 from "node:path";
import { fileURLToPath } from "node:url";
function trainerWorkerArgs(callerUrl, exists, resolveTsx) {
  if (new URL(callerUrl).pathname.endsWith(".ts"))
    return ["--import", resolveTsx(), fileURLToPath(new URL("./worker.ts", callerUrl))];
  const candidates = ["./trainer-worker.js", "../trainer-worker.js"].map(
    (relative) => fileURLToPath(new URL(relative, callerUrl))
  );
  const found = candidates.find(exists);
  if (!found)
    throw new Error(
      `The trainer worker is missing from the build: looked for ${candidates.join(" and ")} (rebuild with node scripts/build.mjs)`
    );
  return [found];
}
function wasmBinaryDir(workerUrl, resolveWasmPackage) {
  if (new URL(workerUrl).pathname.endsWith(".ts")) return path2.dirname(resolveWasmPackage());
  return fileURLToPath(new URL("./wasm", workerUrl));
}

export {
  NATIVE_PACKAGES,
  TFJS_VERSION,
  checkBackendName,
  resolveNativePackage,
  BUILTIN_TRAINERS,
  TRAINER_RESULT_FILE,
  METRICS_FILE,
  STRICT_DETERMINISM_ENV,
  trainerWorkerArgs,
  wasmBinaryDir
};
