import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/proc/child-env.ts
init_define_REPRO_CHART_LIBRARY();
var RUNNER_COMMAND_FILES = ["GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"];
function isDroppedFromChild(name) {
  if (name === "GITHUB_TOKEN" || name.startsWith("INPUT_")) return true;
  if (name.startsWith("ACTIONS_") && (name.includes("TOKEN") || name.endsWith("_URL"))) return true;
  return RUNNER_COMMAND_FILES.includes(name);
}
function childEnvironment(parent, options) {
  const env = {};
  for (const [name, value] of Object.entries(parent))
    if (value !== void 0 && !isDroppedFromChild(name)) env[name] = value;
  env.REPRO_SEED = String(options.seed);
  env.PYTHONHASHSEED = String(options.seed);
  env.REPRO_OUT_DIR = options.outDir;
  if (options.determinism) Object.assign(env, DETERMINISM_ENV);
  return env;
}
var DETERMINISM_ENV = {
  // cuBLAS needs a fixed workspace for deterministic GEMMs (CUDA >= 10.2).
  CUBLAS_WORKSPACE_CONFIG: ":4096:8",
  TF_DETERMINISTIC_OPS: "1",
  TF_CUDNN_DETERMINISTIC: "1"
};

export {
  childEnvironment,
  DETERMINISM_ENV
};
