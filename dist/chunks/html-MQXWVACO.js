import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  MAX_HTML_POINTS,
  renderHtml
} from "./chunk-QC4JDF6B.js";
import "./chunk-B2G2PD4H.js";
import "./chunk-CXS5COCN.js";
import "./chunk-FCTVIH2T.js";
export {
  MAX_HTML_POINTS,
  renderHtml
};
