import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/proc/process-failure.ts
init_define_REPRO_CHART_LIBRARY();
function processFailed(result) {
  return Boolean(result.startError) || result.exitCode !== 0 || result.timedOut || result.cancelled;
}
function processEndPhrase(result, timeout) {
  if (result.timedOut) return `timed out after ${timeout} and was stopped`;
  if (result.cancelled) return "was cancelled";
  if (result.startError) return `could not be started: ${result.startError}`;
  if (result.exitCode === 127) return "was not found (exit code 127)";
  if (result.signal) return `was killed by ${result.signal}`;
  return result.exitCode === 0 ? "exited with code 0" : `failed with exit code ${result.exitCode}`;
}
function outputTailText(result) {
  if (result.outputTail.length > 0)
    return `Last lines of its output:
${result.outputTail.map((line) => `  ${line}`).join("\n")}`;
  return `It printed nothing before it ${result.timedOut || result.cancelled ? "was stopped" : "ended"}.`;
}

export {
  processFailed,
  processEndPhrase,
  outputTailText
};
