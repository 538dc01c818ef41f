import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  ReproError
} from "./chunk-IVX2EMGP.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/proc/resume-protocol.ts
init_define_REPRO_CHART_LIBRARY();
var STOP_AT_STEP_VARIABLE = "REPRO_STOP_AT_STEP";
var STATE_DIR_VARIABLE = "REPRO_STATE_DIR";
var RESUME_FROM_VARIABLE = "REPRO_RESUME_FROM";
function readResumeRequest(env) {
  const stopAt = env[STOP_AT_STEP_VARIABLE] || null;
  const stateDir = env[STATE_DIR_VARIABLE] || null;
  const resumeFrom = env[RESUME_FROM_VARIABLE] || null;
  if (stopAt !== null && resumeFrom !== null) {
    throw new ReproError(
      `${STOP_AT_STEP_VARIABLE} and ${RESUME_FROM_VARIABLE} are both set: a leg of a resume audit either stops or resumes`
    );
  }
  if (resumeFrom !== null) return { kind: "resume", stateDir: resumeFrom };
  if (stopAt === null) return null;
  const step = Number(stopAt);
  if (!/^\d+$/.test(stopAt.trim()) || !Number.isSafeInteger(step) || step < 1)
    throw new ReproError(`${STOP_AT_STEP_VARIABLE}=${stopAt}: expected a step number, 1 or more`);
  if (stateDir === null)
    throw new ReproError(
      `${STOP_AT_STEP_VARIABLE} is set but ${STATE_DIR_VARIABLE} is not: the training has nowhere to save its state`
    );
  return { kind: "stop", step, stateDir };
}

export {
  STOP_AT_STEP_VARIABLE,
  STATE_DIR_VARIABLE,
  RESUME_FROM_VARIABLE,
  readResumeRequest
};
