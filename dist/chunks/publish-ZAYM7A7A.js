import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = new URL('.', import.meta.url).pathname;
import {
  DEFAULT_CHECK_NAME,
  PUBLISH_OUTCOMES,
  presentOutcome,
  publishResults
} from "./chunk-4L5BNI75.js";
import "./chunk-TCURXLSW.js";
import "./chunk-4H3Y5NYT.js";
import "./chunk-EDCSKNQF.js";
export {
  DEFAULT_CHECK_NAME,
  PUBLISH_OUTCOMES,
  presentOutcome,
  publishResults
};
