import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { snapshotRunnerFiles, RUNNER_FILE_COMMANDS_DIR } from '../../src/proc/runner-files.ts';

/** The runner's layout: RUNNER_TEMP/_runner_file_commands/set_output_<uuid> and friends, named by GITHUB_* variables. */
async function runnerLayout() {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'runner-files-'));
  const dir = path.join(temp, RUNNER_FILE_COMMANDS_DIR);
  await mkdir(dir);
  const env: NodeJS.ProcessEnv = { RUNNER_TEMP: temp };
  for (const [variable, name] of [
    ['GITHUB_OUTPUT', 'set_output_1'],
    ['GITHUB_ENV', 'set_env_1'],
    ['GITHUB_PATH', 'add_path_1'],
    ['GITHUB_STATE', 'save_state_1'],
    ['GITHUB_STEP_SUMMARY', 'step_summary_1'],
  ] as const) {
    env[variable] = path.join(dir, name);
    await writeFile(env[variable]!, variable === 'GITHUB_OUTPUT' ? 'earlier=1\n' : '');
  }
  return { temp, dir, env, cleanup: () => rm(temp, { recursive: true, force: true }) };
}

test('nothing changed: nothing reported, nothing written', async () => {
  const runner = await runnerLayout();
  try {
    const snapshot = await snapshotRunnerFiles(runner.env);
    assert.deepEqual(await snapshot.restoreChanged(), []);
  } finally {
    await runner.cleanup();
  }
});

test('an appended output, a planted env var, a deleted file and a new file are each reported and undone', async () => {
  const runner = await runnerLayout();
  try {
    const snapshot = await snapshotRunnerFiles(runner.env);
    await appendFile(runner.env.GITHUB_OUTPUT!, 'status=pass\n');
    await appendFile(runner.env.GITHUB_ENV!, 'NODE_OPTIONS=--require=./evil.js\n');
    await rm(runner.env.GITHUB_STATE!);
    await writeFile(path.join(runner.dir, 'set_env_planted'), 'X=1\n');
    const changes = await snapshot.restoreChanged();
    assert.deepEqual(changes.map((c) => [path.basename(c.file), c.variable, c.what]).sort(), [
      ['save_state_1', 'GITHUB_STATE', 'deleted; restored'],
      ['set_env_1', 'GITHUB_ENV', 'changed (0 bytes -> 33 bytes); restored'],
      ['set_env_planted', null, 'created (4 bytes); removed'],
      ['set_output_1', 'GITHUB_OUTPUT', 'changed (10 bytes -> 22 bytes); restored'],
    ]);
    assert.equal(await readFile(runner.env.GITHUB_OUTPUT!, 'utf8'), 'earlier=1\n');
    assert.equal(await readFile(runner.env.GITHUB_ENV!, 'utf8'), '');
    assert.equal(await readFile(runner.env.GITHUB_STATE!, 'utf8'), '');
    assert.deepEqual((await readdir(runner.dir)).sort(), [
      'add_path_1',
      'save_state_1',
      'set_env_1',
      'set_output_1',
      'step_summary_1',
    ]);
    assert.deepEqual(await snapshot.restoreChanged(), [], 'after the restore everything matches its record');
  } finally {
    await runner.cleanup();
  }
});

test('a named file that did not exist and was created by the training is removed', async () => {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'runner-files-'));
  try {
    const env = { GITHUB_OUTPUT: path.join(temp, 'out') };
    const snapshot = await snapshotRunnerFiles(env);
    await writeFile(env.GITHUB_OUTPUT, 'x=1\n');
    assert.deepEqual(
      (await snapshot.restoreChanged()).map((c) => c.what),
      ['created (4 bytes); removed'],
    );
    await assert.rejects(readFile(env.GITHUB_OUTPUT), { code: 'ENOENT' });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
});

test('outside a runner (no variables) nothing is recorded', async () => {
  assert.deepEqual(await (await snapshotRunnerFiles({})).restoreChanged(), []);
});
