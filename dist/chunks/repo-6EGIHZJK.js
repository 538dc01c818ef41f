import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  firstLine,
  openFailure,
  openRepo
} from "./chunk-EXNMS6RL.js";
import "./chunk-STU55N2L.js";
import "./chunk-4LWL47T5.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  firstLine,
  openFailure,
  openRepo
};
