import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  CHART_LIBRARY_FILES,
  loadChartLibrary
} from "./chunk-T4NLS56T.js";
import "./chunk-FCTVIH2T.js";
export {
  CHART_LIBRARY_FILES,
  loadChartLibrary
};
