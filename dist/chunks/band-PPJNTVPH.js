import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  aggregateCommand,
  command
} from "./chunk-OYJR6FN7.js";
import "./chunk-HUU5U23F.js";
import "./chunk-OR34RBAR.js";
import "./chunk-ZKBYXW7T.js";
import "./chunk-FHDZ3J2V.js";
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
