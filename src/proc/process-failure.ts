/**
 * The one wording for a child process that did not succeed (pure): the training command, the
 * eval command, the built-in trainer's worker, npm and git all say it the same way.
 */

/** What the wording reads of a finished process (a runProcess result has all of it). */
export interface EndedProcess {
  exitCode: number | null;
  signal?: string | null;
  timedOut: boolean;
  cancelled: boolean;
  startError?: string | null;
  outputTail: string[];
}

/** True when the process did not run to a clean exit 0: it failed to start, exited non-zero, was killed, timed out or was cancelled. */
export function processFailed(result: EndedProcess): boolean {
  return Boolean(result.startError) || result.exitCode !== 0 || result.timedOut || result.cancelled;
}

/**
 * How the process ended, as the predicate of a sentence whose subject names it ("The training
 * command" + " failed with exit code 3"). TIMEOUT says what the limit was and where it is set
 * (`0.5 minutes (timeout-minutes)`). A clean exit reads "exited with code 0".
 */
export function processEndPhrase(result: EndedProcess, timeout: string): string {
  if (result.timedOut) return `timed out after ${timeout} and was stopped`;
  if (result.cancelled) return 'was cancelled';
  if (result.startError) return `could not be started: ${result.startError}`;
  if (result.exitCode === 127) return 'was not found (exit code 127)';
  if (result.signal) return `was killed by ${result.signal}`;
  return result.exitCode === 0 ? 'exited with code 0' : `failed with exit code ${result.exitCode}`;
}

/**
 * The last lines of the process's output, indented, under "Last lines of its output:"; or, when
 * it printed nothing, a sentence saying so ("It printed nothing before it was stopped.").
 */
export function outputTailText(result: EndedProcess): string {
  if (result.outputTail.length > 0)
    return `Last lines of its output:\n${result.outputTail.map((line) => `  ${line}`).join('\n')}`;
  return `It printed nothing before it ${result.timedOut || result.cancelled ? 'was stopped' : 'ended'}.`;
}
