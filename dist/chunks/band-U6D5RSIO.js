import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  aggregateCommand,
  command
} from "./chunk-YUCQRXWT.js";
import "./chunk-IVQHFOVH.js";
import "./chunk-OR34RBAR.js";
import "./chunk-O5N2POTK.js";
import "./chunk-6IUVFXUV.js";
import "./chunk-ZCBW5UN4.js";
import "./chunk-OFCAAITS.js";
import "./chunk-KGAZ7FAN.js";
import "./chunk-HX7VJSHX.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  aggregateCommand,
  command
};
