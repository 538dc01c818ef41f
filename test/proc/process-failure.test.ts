import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputTailText, processEndPhrase, processFailed, type EndedProcess } from '../../src/proc/process-failure.ts';

const ended = (fields: Partial<EndedProcess>): EndedProcess => ({
  exitCode: 0,
  signal: null,
  timedOut: false,
  cancelled: false,
  startError: null,
  outputTail: [],
  ...fields,
});

test('how a process ended, in one wording: timeout and cancel first, then start failure, missing program, signal, exit code', () => {
  const limit = '2 minutes (timeout-minutes)';
  const cases: Array<[Partial<EndedProcess>, string, boolean]> = [
    [{}, 'exited with code 0', false],
    [{ exitCode: 3 }, 'failed with exit code 3', true],
    [{ exitCode: 127 }, 'was not found (exit code 127)', true],
    [{ exitCode: null, signal: 'SIGKILL' }, 'was killed by SIGKILL', true],
    [{ exitCode: null, startError: 'permission denied' }, 'could not be started: permission denied', true],
    // A timeout or cancel kills the process too: the reason is the timeout, not the signal.
    [{ exitCode: null, signal: 'SIGTERM', timedOut: true }, `timed out after ${limit} and was stopped`, true],
    [{ exitCode: null, signal: 'SIGTERM', cancelled: true }, 'was cancelled', true],
    [{ exitCode: 0, timedOut: true }, `timed out after ${limit} and was stopped`, true],
  ];
  for (const [fields, phrase, failed] of cases) {
    assert.equal(processEndPhrase(ended(fields), limit), phrase, JSON.stringify(fields));
    assert.equal(processFailed(ended(fields)), failed, JSON.stringify(fields));
  }
});

test('the output tail is indented under one heading; no output says whether it ended or was stopped', () => {
  assert.equal(
    outputTailText(ended({ exitCode: 1, outputTail: ['loading', 'CUDA out of memory'] })),
    'Last lines of its output:\n  loading\n  CUDA out of memory',
  );
  assert.equal(outputTailText(ended({ exitCode: 1 })), 'It printed nothing before it ended.');
  assert.equal(outputTailText(ended({ timedOut: true })), 'It printed nothing before it was stopped.');
  assert.equal(outputTailText(ended({ cancelled: true })), 'It printed nothing before it was stopped.');
});
