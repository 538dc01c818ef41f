/**
 * Hardening case 09 through the CLI: a training that leaves a `setsid` daemon behind. Without
 * isolation it is reported (and killed with kill-escaped: true); in a PID namespace it dies with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProject } from './project-fixture.ts';
import { detectIsolation } from '../../src/proc/isolation.ts';

/** A duration unique to this test process, to find its daemon in /proc by command line. */
const DAEMON_SLEEP = `120.${process.pid}`;
const TRAIN_WITH_DAEMON = `echo '{"step": 1, "loss": 0.5}' > "$REPRO_OUT_DIR/metrics.jsonl"
setsid bash -c 'echo $$ > "$REPRO_OUT_DIR/daemon.pid"; exec sleep ${DAEMON_SLEEP}' </dev/null >/dev/null 2>&1 &
sleep 0.3
`;

/** Alive and not a zombie (an orphan killed here waits for PID 1 to reap it). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function readCmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

async function runWithDaemon(
  settings: string,
  args: string[] = [],
  options: { train?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stderr: string; pid: number; record: any }> {
  const project = await createProject({
    'train.sh': options.train ?? TRAIN_WITH_DAEMON,
    'repro.yml': `command: bash train.sh\nmetrics: "{out}/metrics.jsonl"\n${settings}`,
  });
  try {
    const run = await project.cli(['run', ...args], options.env);
    const recordPath = /Run record: (.*)/.exec(run.stdout)?.[1];
    assert.ok(recordPath, run.stderr);
    const pid = Number(await readFile(path.join(path.dirname(recordPath), 'daemon.pid'), 'utf8'));
    const record = JSON.parse(await readFile(recordPath, 'utf8'));
    return { code: run.code, stderr: run.stderr, pid, record };
  } finally {
    await project.cleanup();
  }
}

test('without isolation a leftover daemon is reported by pid and command, and left running in the CLI by default', async () => {
  const run = await runWithDaemon('isolation: none\n');
  try {
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `warning: 1 process started by the training is still running after it ended \\(set kill-escaped: true to stop it\\): pid ${run.pid}: sleep ${DAEMON_SLEEP.replace('.', '\\.')}`,
      ),
    );
    assert.equal(isRunning(run.pid), true);
    assert.equal(run.record.runner.isolation, 'none');
  } finally {
    if (isRunning(run.pid)) process.kill(run.pid, 'SIGKILL');
  }
});

test('kill-escaped: true kills the leftover and says so', async () => {
  const run = await runWithDaemon('isolation: none\n', ['--set', 'kill-escaped=true']);
  const running = isRunning(run.pid);
  if (running) process.kill(run.pid, 'SIGKILL');
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stderr,
    new RegExp(
      `was still running after it ended and was killed \\(kill-escaped\\): pid ${run.pid}: sleep ${DAEMON_SLEEP.replace('.', '\\.')}`,
    ),
  );
  assert.equal(running, false);
});

test("a leftover that dropped the marker is still found by the runner's RUNNER_TRACKING_ID and a start after the training's", async () => {
  const train = TRAIN_WITH_DAEMON.replace('setsid bash', 'env -u REPRO_CHECK_TRAINING setsid bash');
  const run = await runWithDaemon('isolation: none\nkill-escaped: true\n', [], {
    train,
    env: { RUNNER_TRACKING_ID: `github_${process.pid}` },
  });
  const running = isRunning(run.pid);
  if (running) process.kill(run.pid, 'SIGKILL');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`was killed \\(kill-escaped\\): pid ${run.pid}: sleep`));
  assert.equal(running, false);
});

test('in a PID namespace the daemon ends with the training, and the record says which isolation was used', async (t) => {
  const isolation = await detectIsolation(process.env, os.tmpdir());
  if (isolation.kind !== 'pid-namespace') return t.skip(`no PID namespace here: ${isolation.detail}`);
  const run = await runWithDaemon('');
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.record.runner.isolation, 'pid-namespace');
  assert.doesNotMatch(run.stderr, /still running/);
  // The pid it wrote is its number inside the namespace: look for its command line instead.
  const survivors = readdirSync('/proc').filter(
    (name) => /^\d+$/.test(name) && readCmdline(name) === `sleep\0${DAEMON_SLEEP}\0`,
  );
  assert.deepEqual(
    survivors.filter((pid) => isRunning(Number(pid))),
    [],
  );
});
