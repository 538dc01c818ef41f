import { ReproError } from '../errors.ts';

/**
 * The error for a training that did not finish: why it stopped, its last output lines (or that
 * it printed none: an empty "last lines" block reads as if the output was lost), and what to do,
 * naming the setting (`timeout-minutes`) when the limit stopped it.
 */
export function trainingFailure(
  what: string,
  subject: string,
  result: {
    exitCode: number | null;
    signal?: string | null;
    timedOut: boolean;
    cancelled: boolean;
    outputTail: string[];
  },
  timeoutMinutes: number,
): ReproError {
  const stopped = result.timedOut || result.cancelled;
  const why = result.timedOut
    ? `timed out after ${timeoutMinutes} minutes (timeout-minutes) and was stopped`
    : result.cancelled
      ? 'was cancelled'
      : result.exitCode === 127
        ? 'was not found (exit code 127)'
        : result.signal
          ? `was killed by ${result.signal}`
          : `failed with exit code ${result.exitCode}`;
  const output =
    result.outputTail.length > 0
      ? `Last lines of its output:\n${result.outputTail.map((l) => `  ${l}`).join('\n')}`
      : `It printed nothing before it ${stopped ? 'was stopped' : 'ended'}.`;
  return new ReproError(`${what} ${why}: ${subject}\n${output}`, {
    hint: result.timedOut
      ? `A smoke training should finish well within the limit: shorten it (fewer steps, a smaller model) or raise \`timeout-minutes\` (now ${timeoutMinutes}).`
      : result.cancelled
        ? 'The job was cancelled (or the runner stopped it); its training process group was stopped with it.'
        : 'Run the command by hand in the same directory to see the whole error; repro-check compares nothing for a failed training.',
  });
}
