import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  InputFileError,
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/cli/report-output.ts
init_define_REPRO_CHART_LIBRARY();
var REPORT_FORMATS = ["text", "markdown", "json"];
function defaultReportFormat(io) {
  return io.terminal ? "text" : "markdown";
}
function terminalOptions(io) {
  const noColour = io.env.NO_COLOR !== void 0 && io.env.NO_COLOR !== "";
  return { colour: !!io.terminal && !noColour, columns: io.terminal?.columns ?? 100 };
}
async function renderReport(input, format, io, maxChars) {
  if (format === "text") return (await import("./terminal-MRCVVUNJ.js")).renderTerminal(input, terminalOptions(io));
  return (await import("./markdown-FNGSQINC.js")).renderMarkdown(input, maxChars);
}
function errorToJson(error) {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: "error",
    error: {
      message,
      hint: error instanceof ReproError ? error.hint ?? null : null,
      file: error instanceof InputFileError ? error.file : null,
      line: error instanceof InputFileError ? error.line ?? null : null
    }
  };
}
function wantsJson(argv) {
  return argv.some((arg, i) => arg === "--format=json" || arg === "--format" && argv[i + 1] === "json");
}

export {
  REPORT_FORMATS,
  defaultReportFormat,
  renderReport,
  errorToJson,
  wantsJson
};
