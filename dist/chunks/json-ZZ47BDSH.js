import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  checkReportToJson,
  verdictToJson
} from "./chunk-PEJC74OE.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-IG6OWEZG.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  checkReportToJson,
  verdictToJson
};
