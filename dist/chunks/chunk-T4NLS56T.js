import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  define_REPRO_CHART_LIBRARY_default,
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/report/chart-library.ts
init_define_REPRO_CHART_LIBRARY();
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
var CHART_LIBRARY_FILES = { js: "uplot/dist/uPlot.iife.min.js", css: "uplot/dist/uPlot.min.css" };
async function loadChartLibrary() {
  if (typeof define_REPRO_CHART_LIBRARY_default !== "undefined") return define_REPRO_CHART_LIBRARY_default;
  const require2 = createRequire(import.meta.url);
  const [js, css] = await Promise.all([
    readFile(require2.resolve(CHART_LIBRARY_FILES.js), "utf8"),
    readFile(require2.resolve(CHART_LIBRARY_FILES.css), "utf8")
  ]);
  return { js, css };
}

export {
  CHART_LIBRARY_FILES,
  loadChartLibrary
};
