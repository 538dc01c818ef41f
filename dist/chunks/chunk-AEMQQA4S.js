import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/record/types.ts
init_define_REPRO_CHART_LIBRARY();
var RUN_RECORD_KIND = "repro-check/run-record";
var RUN_RECORD_FILE = "run-record.json";
var BASELINE_KIND = "repro-check/baseline";
var RUN_RECORD_SCHEMA_VERSION = 1;
var BASELINE_SCHEMA_VERSION = 1;

export {
  RUN_RECORD_KIND,
  RUN_RECORD_FILE,
  BASELINE_KIND,
  RUN_RECORD_SCHEMA_VERSION,
  BASELINE_SCHEMA_VERSION
};
