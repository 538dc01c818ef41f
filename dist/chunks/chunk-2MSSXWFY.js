import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  summary,
  warning
} from "./chunk-BZCHYY7N.js";
import {
  describeError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/action/job-summary.ts
init_define_REPRO_CHART_LIBRARY();
async function writeJobSummary(build, env) {
  if (!env.GITHUB_STEP_SUMMARY) {
    warning(
      "GITHUB_STEP_SUMMARY is not set, so there is no job summary; the report is in the run folder (report.md, report.html)."
    );
    return;
  }
  try {
    await build(summary).write();
  } catch (error) {
    warning(`Could not write the job summary: ${describeError(error)}`);
  } finally {
    summary.emptyBuffer();
  }
}

export {
  writeJobSummary
};
