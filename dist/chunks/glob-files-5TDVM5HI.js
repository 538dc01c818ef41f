import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  describeFilesWrittenSince,
  expandFileGlob,
  listFiles,
  withModificationTimes
} from "./chunk-CL6ON2TL.js";
import "./chunk-WSLLZDSC.js";
import "./chunk-FCTVIH2T.js";
export {
  describeFilesWrittenSince,
  expandFileGlob,
  listFiles,
  withModificationTimes
};
