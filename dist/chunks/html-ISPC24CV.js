import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  MAX_HTML_POINTS,
  renderHtml
} from "./chunk-DNJPAI4D.js";
import "./chunk-3YJUOLUT.js";
import "./chunk-557MTL2E.js";
import "./chunk-DBEUN44C.js";
import "./chunk-NV534FCQ.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  MAX_HTML_POINTS,
  renderHtml
};
