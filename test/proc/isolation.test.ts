import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { detectIsolation } from '../../src/proc/isolation.ts';
import { runProcess } from '../../src/proc/run-process.ts';

test('where a PID namespace can be made, the training sees only its own processes and a timeout still stops it', async (t) => {
  const isolation = await detectIsolation(process.env, os.tmpdir());
  if (isolation.kind !== 'pid-namespace') return t.skip(`no PID namespace here: ${isolation.detail}`);
  const listed = await runProcess({
    shell: 'echo "parent $PPID"; ls /proc | grep -c "^[0-9]"',
    wrapper: isolation.prefix,
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 10_000,
  });
  assert.equal(listed.exitCode, 0, listed.outputTail.join('\n'));
  assert.equal(listed.outputTail[0], 'parent 1', "the training's parent is the namespace's init, not our process");
  assert.ok(Number(listed.outputTail[1]) <= 4, `only the namespace's processes: ${listed.outputTail[1]}`);
  // The init shim keeps the training off PID 1, which would ignore the group's SIGTERM.
  const stopped = await runProcess({
    shell: 'trap "echo got TERM; exit 7" TERM; sleep 30 & wait',
    wrapper: isolation.prefix,
    cwd: os.tmpdir(),
    env: process.env,
    timeoutMs: 500,
    killGraceMs: 5_000,
  });
  assert.equal(stopped.timedOut, true);
  assert.ok(stopped.outputTail.includes('got TERM'), stopped.outputTail.join('\n'));
  assert.ok(stopped.durationMs < 4_000, `stopped by SIGTERM, not after the SIGKILL grace (${stopped.durationMs} ms)`);
});

test('without unshare or bwrap on PATH the training runs unisolated, and says why', async () => {
  const isolation = await detectIsolation({ PATH: '/nonexistent' }, os.tmpdir());
  assert.equal(isolation.kind, 'none');
  assert.deepEqual(isolation.prefix, []);
  assert.match(isolation.detail, /no PID namespace could be made/);
});
