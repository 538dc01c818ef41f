import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  auditToJson,
  renderAuditMarkdown
} from "./chunk-I63UEMJ6.js";
import "./chunk-OR34RBAR.js";
import "./chunk-CXS5COCN.js";
import "./chunk-FCTVIH2T.js";
export {
  auditToJson,
  renderAuditMarkdown
};
