import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  auditToJson,
  renderAuditMarkdown
} from "./chunk-NELG7IKU.js";
import "./chunk-DBEUN44C.js";
import "./chunk-N6LDEXVG.js";
import "./chunk-FCTVIH2T.js";
export {
  auditToJson,
  renderAuditMarkdown
};
