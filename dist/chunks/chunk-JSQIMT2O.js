import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  runProcess
} from "./chunk-KUD2POCN.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/proc/run-captured.ts
init_define_REPRO_CHART_LIBRARY();
async function runCapturedProcess(argv, options) {
  const output = { stdout: [], stderr: [] };
  const result = await runProcess({
    ...options,
    argv,
    killGraceMs: 1e3,
    maxCapturedBytes: 16 * 1024,
    onOutput: (text, stream) => output[stream].push(text)
  });
  return { ...result, stdout: output.stdout.join(""), stderr: output.stderr.join("") };
}

export {
  runCapturedProcess
};
