import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  findEscapedProcesses,
  isEscaped,
  killProcesses,
  selfAndAncestors,
  startTimeTicks,
  ticksSinceBoot,
  TRAINING_MARKER_VARIABLE,
  type ProcessFacts,
} from '../../src/proc/escaped-processes.ts';

const STAT = (pid: number, state: string, start: number) =>
  `${pid} (odd ) name) ${state} 1 ${pid} ${pid} 0 -1 4194560 100 0 0 0 0 0 0 0 20 0 1 0 ${start} 1000 100`;
const search = { marker: 'abc', trackingId: 'job-1', startedAtTicks: 5000, excludePids: [1, 2] };
const facts = (over: Partial<ProcessFacts>): ProcessFacts => ({
  pid: 10,
  environ: 'PATH=/bin',
  cmdline: ['sleep', '600', ''].join('\u0000'),
  stat: STAT(10, 'S', 6000),
  ...over,
});

test('startTimeTicks reads field 22 even when the command name holds spaces and parentheses', () => {
  assert.equal(startTimeTicks(STAT(10, 'S', 123456)), 123456);
  assert.equal(startTimeTicks('garbage'), null);
});

test('the marker finds a leftover whatever its start time; RUNNER_TRACKING_ID only one started after the training', () => {
  assert.deepEqual(
    isEscaped(facts({ environ: `A=1\0${TRAINING_MARKER_VARIABLE}=abc\0`, stat: STAT(10, 'S', 1) }), search),
    { pid: 10, command: 'sleep 600', foundBy: TRAINING_MARKER_VARIABLE },
  );
  assert.equal(
    isEscaped(facts({ environ: `${TRAINING_MARKER_VARIABLE}=abcd\0` }), search),
    null,
    "another training's marker",
  );
  assert.equal(
    isEscaped(facts({ environ: 'RUNNER_TRACKING_ID=job-1\0', stat: STAT(10, 'S', 4999) }), search),
    null,
    'a process of the job from before the training',
  );
  assert.equal(
    isEscaped(facts({ environ: 'RUNNER_TRACKING_ID=job-1\0', stat: STAT(10, 'S', 5000) }), search)?.foundBy,
    'RUNNER_TRACKING_ID',
  );
  assert.equal(isEscaped(facts({ environ: 'RUNNER_TRACKING_ID=job-1\0' }), { ...search, trackingId: undefined }), null);
  assert.equal(
    isEscaped(facts({ pid: 2, environ: `${TRAINING_MARKER_VARIABLE}=abc\0` }), search),
    null,
    'ours or an ancestor',
  );
  assert.equal(
    isEscaped(facts({ environ: `${TRAINING_MARKER_VARIABLE}=abc\0`, stat: STAT(10, 'Z', 6000) }), search),
    null,
    'a zombie',
  );
});

test('a real setsid daemon carrying the marker is found in /proc and killed', async () => {
  const marker = `test-${process.pid}-${Date.now()}`;
  // Not detached: setsid then leaves our group itself, without forking (it forks when it leads a group).
  const daemon = spawn('setsid', ['sleep', '60'], {
    env: { ...process.env, [TRAINING_MARKER_VARIABLE]: marker },
    stdio: 'ignore',
  });
  daemon.unref();
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const excludePids = await selfAndAncestors();
    assert.ok(excludePids.includes(process.pid));
    const found = await findEscapedProcesses({
      marker,
      trackingId: undefined,
      startedAtTicks: await ticksSinceBoot(),
      excludePids,
    });
    assert.deepEqual(
      found.map((p) => [p.pid, p.command]),
      [[daemon.pid, 'sleep 60']],
    );
    // killProcesses waits until the killed process no longer runs: no sleep needed before looking again.
    assert.deepEqual(await killProcesses(found), [daemon.pid]);
    assert.deepEqual(await findEscapedProcesses({ marker, trackingId: undefined, startedAtTicks: 0, excludePids }), []);
  } finally {
    try {
      process.kill(daemon.pid!, 'SIGKILL');
    } catch {
      // Already gone: the test killed it.
    }
  }
});
