import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  MAX_RENDERED_METRICS,
  renderMarkdown
} from "./chunk-CJKNGBP4.js";
import "./chunk-55NN6QMU.js";
import "./chunk-ER3XOZ7H.js";
import "./chunk-DBEUN44C.js";
import "./chunk-4NT54M3U.js";
import "./chunk-NV534FCQ.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  MAX_RENDERED_METRICS,
  renderMarkdown
};
