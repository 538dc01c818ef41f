import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  isBaselineFile,
  resolveBaselinePath,
  resolveRecordsBaselinePath
} from "./chunk-U5GOPGMT.js";
import "./chunk-L43LQIL3.js";
import "./chunk-IVX2EMGP.js";
import "./chunk-FCTVIH2T.js";
export {
  isBaselineFile,
  resolveBaselinePath,
  resolveRecordsBaselinePath
};
