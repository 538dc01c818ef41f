/**
 * What a hostile training can do to the job, end to end through `dist/action.js` (docs/security.md,
 * "What the training process can reach on the runner"): each test commits a training that tries
 * one attack from inside the job, then checks that it took no effect.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startFakeGithub } from '../support/fake-github.ts';
import {
  commandsInEffect,
  createSandbox,
  createTrainingRepo,
  describeRun,
  eventPayload,
  runAction,
  WORKFLOW_TOKEN,
  type ActionRun,
  type Sandbox,
  type Workspace,
} from './action-harness.ts';
import { detectIsolation } from '../../src/proc/isolation.ts';

/** Bash that sets NODE to the action's node process (an ancestor running dist/action.js), or 0. */
const FIND_ACTION =
  'NODE=$PPID; while [ "$NODE" -gt 1 ] && ! grep -q action.js /proc/$NODE/cmdline 2>/dev/null; do NODE=$(awk \'{print $4}\' /proc/$NODE/stat 2>/dev/null || echo 0); done';

const ATTACKS: Record<string, string> = {
  // Workflow commands straight into the runner's pipe, past our stdout wrapper.
  'write-commands.sh': `${FIND_ACTION}
[ "$NODE" -gt 1 ] && printf '::set-output name=INJECTED::1\\n::error::INJECTED annotation\\n::add-mask::Reproducible\\n' > /proc/$NODE/fd/1
exec node train.mjs`,
  // Every token any process of the job holds.
  'read-tokens.sh': `{ ${FIND_ACTION}; echo "action process: $NODE"; cat /proc/[0-9]*/environ 2>/dev/null | tr '\\0' '\\n' | grep -E 'TOKEN=' ; } > "$REPRO_OUT_DIR/loot.txt"
exec node train.mjs`,
  // The runner's output file, found through the action's environment.
  'write-outputs.sh': `${FIND_ACTION}
OUT=$(tr '\\0' '\\n' < /proc/$NODE/environ | sed -n 's/^GITHUB_OUTPUT=//p')
[ -n "$OUT" ] && printf 'baseline-path=INJECTED\\nstatus=pass\\n' >> "$OUT"
exec node train.mjs`,
  // A daemon out of the process group's reach.
  'leave-daemon.sh': `setsid bash -c 'echo $$ > "$REPRO_OUT_DIR/../daemon.pid"; exec sleep 300' </dev/null >/dev/null 2>&1 &
exec node train.mjs`,
};

describe('a hostile training under the action', () => {
  let sandbox: Sandbox;
  let workspace: Workspace;
  let sha: string;
  before(async () => {
    sandbox = await createSandbox();
    ({ workspace } = await createTrainingRepo(sandbox));
    for (const [file, text] of Object.entries(ATTACKS)) await workspace.write(file, `${text}\n`);
    sha = await workspace.commit('Add the attacks');
  });
  after(() => sandbox.close());

  async function runAttack(script: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    const fake = await startFakeGithub();
    try {
      const payload = eventPayload('push');
      Object.assign(payload, { ref: 'refs/heads/main', after: sha });
      return await runAction(sandbox, {
        workspace: workspace.dir,
        apiUrl: fake.url,
        eventName: 'push',
        payload,
        sha,
        ref: 'refs/heads/main',
        inputs: { command: `bash ${script}`, ...inputs },
        stdoutPipe: true,
      });
    } finally {
      await fake.close();
    }
  }

  test("workflow commands written into the action's stdout through /proc take no effect (no isolation: the stop-commands stretch is open before the spawn)", async () => {
    const run = await runAttack('write-commands.sh', { isolation: 'none' });
    assert.equal(run.code, 0, describeRun(run));
    assert.match(run.stdout, /^::set-output name=INJECTED::1$/m, "the attack reached the runner's pipe");
    assert.deepEqual(
      commandsInEffect(run.stdout).filter((line) => /INJECTED|add-mask/.test(line)),
      [],
    );
    assert.equal(run.outputs['INJECTED'], undefined);
    assert.equal(run.outputs['status'], 'pass');
  });

  test('in a PID namespace the training finds no process of the job, so no token and no pipe', async (t) => {
    const isolation = await detectIsolation(process.env, workspace.dir);
    if (isolation.kind !== 'pid-namespace') return t.skip(`no PID namespace here: ${isolation.detail}`);
    const run = await runAttack('read-tokens.sh');
    assert.equal(run.code, 0, describeRun(run));
    const loot = await readFile(path.join(path.dirname(run.outputs['record-path']!), 'loot.txt'), 'utf8');
    assert.match(loot, /^action process: [01]$/m, "the action's process is not in the training's /proc");
    assert.doesNotMatch(loot, new RegExp(WORKFLOW_TOKEN));
    const record = JSON.parse(await readFile(run.outputs['record-path']!, 'utf8'));
    assert.equal(record.runner.isolation, 'pid-namespace');
    assert.match(run.summary, /own PID namespace/);
  });

  test("without isolation the token is readable from the action's /proc entry (the documented limit of the one-job form)", async () => {
    const run = await runAttack('read-tokens.sh', { isolation: 'none' });
    assert.equal(run.code, 0, describeRun(run));
    assert.match(
      await readFile(path.join(path.dirname(run.outputs['record-path']!), 'loot.txt'), 'utf8'),
      new RegExp(WORKFLOW_TOKEN),
    );
    const record = JSON.parse(await readFile(run.outputs['record-path']!, 'utf8'));
    assert.equal(record.runner.isolation, 'none');
    assert.match(run.summary, /without PID-namespace isolation/);
  });

  test("a training that writes to the runner's output file fails the run with a security error, and the file is put back", async () => {
    const run = await runAttack('write-outputs.sh', { isolation: 'none' });
    assert.equal(run.code, 1, describeRun(run));
    assert.equal(run.outputs['status'], 'error');
    assert.equal(run.outputs['baseline-path'], undefined, 'the injected output is gone');
    const failure = run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
    assert.match(failure, /security: the training changed the runner's command files/);
    assert.match(failure, /github_output \(GITHUB_OUTPUT\): changed \(0 bytes -> \d+ bytes\); restored/);
  });

  test('a daemon the training leaves behind is reported and killed before the stop-commands stretch closes', async () => {
    const run = await runAttack('leave-daemon.sh', { isolation: 'none' });
    assert.equal(run.code, 0, describeRun(run));
    const runnerTemp = path.dirname(path.dirname(run.outputs['record-path']!));
    const pid = Number(await readFile(path.join(runnerTemp, 'daemon.pid'), 'utf8'));
    assert.match(
      run.stdout,
      new RegExp(
        `::warning::1 process started by the training was still running after it ended and was killed \\(kill-escaped\\): pid ${pid}: sleep 300`,
      ),
    );
    assert.match(run.summary, new RegExp(`pid ${pid}: sleep 300`));
    const running = isRunning(pid);
    if (running) process.kill(pid, 'SIGKILL');
    assert.equal(running, false);
  });
});

/** Alive and not a zombie (a killed orphan waits for PID 1 to reap it). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
