import { ReproError } from '../errors.ts';

/**
 * The exact-resume protocol's environment variables (src/modes/resume-audit.ts runs the legs;
 * docs/checkpoints.md describes the protocol). A training command reads them itself; the
 * built-in trainer's parent reads them here and hands the worker a ResumeRequest in its job.
 */
export const STOP_AT_STEP_VARIABLE = 'REPRO_STOP_AT_STEP';
export const STATE_DIR_VARIABLE = 'REPRO_STATE_DIR';
export const RESUME_FROM_VARIABLE = 'REPRO_RESUME_FROM';

/**
 * What one leg of a resume audit asks of the training: stop after `step` (1-based) and save the
 * full state into the folder `stateDir`, or load the state saved in `stateDir` and go on.
 */
export type ResumeRequest = { kind: 'stop'; step: number; stateDir: string } | { kind: 'resume'; stateDir: string };

/**
 * Reads the protocol's variables (pure). Empty values count as unset.
 * @returns null when the run is an ordinary one (no variable set).
 * @throws ReproError when the step is not a positive integer, the state folder is missing,
 * or a run is asked both to stop and to resume.
 */
export function readResumeRequest(env: NodeJS.ProcessEnv): ResumeRequest | null {
  const stopAt = env[STOP_AT_STEP_VARIABLE] || null;
  const stateDir = env[STATE_DIR_VARIABLE] || null;
  const resumeFrom = env[RESUME_FROM_VARIABLE] || null;
  if (stopAt !== null && resumeFrom !== null) {
    throw new ReproError(
      `${STOP_AT_STEP_VARIABLE} and ${RESUME_FROM_VARIABLE} are both set: a leg of a resume audit either stops or resumes`,
    );
  }
  if (resumeFrom !== null) return { kind: 'resume', stateDir: resumeFrom };
  if (stopAt === null) return null;
  const step = Number(stopAt);
  if (!/^\d+$/.test(stopAt.trim()) || !Number.isSafeInteger(step) || step < 1)
    throw new ReproError(`${STOP_AT_STEP_VARIABLE}=${stopAt}: expected a step number, 1 or more`);
  if (stateDir === null)
    throw new ReproError(
      `${STOP_AT_STEP_VARIABLE} is set but ${STATE_DIR_VARIABLE} is not: the training has nowhere to save its state`,
    );
  return { kind: 'stop', step, stateDir };
}
