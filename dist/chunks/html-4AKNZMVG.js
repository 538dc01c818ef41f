import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  MAX_HTML_POINTS,
  renderHtml
} from "./chunk-7QGOBFFN.js";
import "./chunk-XYJAXKPT.js";
import "./chunk-IG6OWEZG.js";
import "./chunk-DBEUN44C.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  MAX_HTML_POINTS,
  renderHtml
};
