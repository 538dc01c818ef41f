import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  PUBLISH_OUTCOMES,
  presentOutcome,
  publishResults
} from "./chunk-TWRLUOLI.js";
import "./chunk-HVC52ATB.js";
import "./chunk-4NT54M3U.js";
import "./chunk-NV534FCQ.js";
import "./chunk-7WBBLXUB.js";
import "./chunk-OFCAAITS.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-NLYP5N4V.js";
import "./chunk-FCTVIH2T.js";
export {
  PUBLISH_OUTCOMES,
  presentOutcome,
  publishResults
};
