import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  aggregateCommand
} from "./chunk-MOWHO64M.js";
import "./chunk-F2T6RF3N.js";
import "./chunk-AEMQQA4S.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-47OEPHDA.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-MJO2A4YZ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import "./chunk-54B7A6WN.js";
import "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/commands/aggregate.ts
init_define_REPRO_CHART_LIBRARY();
export {
  aggregateCommand as command
};
