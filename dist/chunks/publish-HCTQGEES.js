import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  DEFAULT_CHECK_NAME,
  PUBLISH_OUTCOMES,
  presentOutcome,
  publishResults
} from "./chunk-3DPOY7YP.js";
import "./chunk-CTBOW42Y.js";
import "./chunk-7U7IYESD.js";
import "./chunk-FCTVIH2T.js";
export {
  DEFAULT_CHECK_NAME,
  PUBLISH_OUTCOMES,
  presentOutcome,
  publishResults
};
