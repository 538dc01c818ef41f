import { ReproError } from '../errors.ts';
import { outputTailText, processEndPhrase, type EndedProcess } from '../proc/process-failure.ts';

/**
 * The error for a training that did not finish: why it stopped, its last output lines (or that
 * it printed none: an empty "last lines" block reads as if the output was lost), and what to do,
 * naming the setting (`timeout-minutes`) when the limit stopped it. WHAT names the process ("The
 * training command"), SUBJECT is its command line, RESULT how it ended (its last output lines
 * included); TIMEOUTMINUTES is the limit it ran under. Returns the ReproError to throw.
 */
export function trainingFailure(
  what: string,
  subject: string,
  result: EndedProcess,
  timeoutMinutes: number,
): ReproError {
  const why = processEndPhrase(result, `${timeoutMinutes} minutes (timeout-minutes)`);
  return new ReproError(`${what} ${why}: ${subject}\n${outputTailText(result)}`, {
    hint: result.timedOut
      ? `A smoke training should finish well within the limit: shorten it (fewer steps, a smaller model) or raise \`timeout-minutes\` (now ${timeoutMinutes}).`
      : result.cancelled
        ? 'The job was cancelled (or the runner stopped it); its training process group was stopped with it.'
        : 'Run the command by hand in the same directory to see the whole error; repro-check compares nothing for a failed training.',
  });
}
