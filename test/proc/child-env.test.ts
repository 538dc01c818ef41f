import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { childEnvironment } from '../../src/proc/child-env.ts';
import { runProcess } from '../../src/proc/run-process.ts';

/** What a self-hosted runner's step environment looks like, with every kind of secret in it. */
const RUNNER_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: '/home/runner',
  RUNNER_TRACKING_ID: 'github_0f2a7e1c-5b8d-4e7f-9a31-2c4d6e8f0a1b',
  RUNNER_TEMP: '/home/runner/work/_temp',
  GITHUB_ACTIONS: 'true',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_WORKSPACE: '/home/runner/work/repo/repo',
  GITHUB_TOKEN: 'ghs_secret',
  'INPUT_GITHUB-TOKEN': 'ghs_secret_input',
  INPUT_CONFIG: 'repro.yml',
  ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-secret',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.actions.githubusercontent.com/oidc',
  ACTIONS_RESULTS_URL: 'https://results-receiver.actions.githubusercontent.com/',
  ACTIONS_CACHE_URL: 'https://artifactcache.actions.githubusercontent.com/',
  ACTIONS_STEP_DEBUG: 'true',
  GITHUB_ENV: '/home/runner/work/_temp/_runner_file_commands/set_env_1',
  GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
  GITHUB_STATE: '/home/runner/work/_temp/_runner_file_commands/save_state_1',
  GITHUB_PATH: '/home/runner/work/_temp/_runner_file_commands/add_path_1',
  GITHUB_STEP_SUMMARY: '/home/runner/work/_temp/_runner_file_commands/step_summary_1',
  CUDA_VISIBLE_DEVICES: '0,1',
  LANG: 'C.UTF-8',
};

const DROPPED = [
  'GITHUB_TOKEN',
  'INPUT_GITHUB-TOKEN',
  'INPUT_CONFIG',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_PATH',
  'GITHUB_STEP_SUMMARY',
];

function expectedEnvironment(determinism: boolean): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(RUNNER_ENV).filter(([name]) => !DROPPED.includes(name))) as Record<
    string,
    string
  >;
  return {
    ...kept,
    REPRO_SEED: '1234',
    PYTHONHASHSEED: '1234',
    REPRO_OUT_DIR: '/tmp/repro-out/run-1',
    ...(determinism
      ? { CUBLAS_WORKSPACE_CONFIG: ':4096:8', TF_DETERMINISTIC_OPS: '1', TF_CUDNN_DETERMINISTIC: '1' }
      : {}),
  };
}

test('the child keeps RUNNER_TRACKING_ID and ordinary variables, gets seed and out dir, loses tokens, inputs and command files', () => {
  const env = childEnvironment(RUNNER_ENV, { seed: 1234, determinism: true, outDir: '/tmp/repro-out/run-1' });
  assert.deepEqual(env, expectedEnvironment(true));
  for (const name of DROPPED) assert.equal(env[name], undefined, name);
  assert.equal(env.RUNNER_TRACKING_ID, RUNNER_ENV.RUNNER_TRACKING_ID);
  assert.equal(env.ACTIONS_STEP_DEBUG, 'true', 'non-secret ACTIONS_ variables stay');
});

test('determinism switches off: only the seed variables are set', () => {
  assert.deepEqual(
    childEnvironment(RUNNER_ENV, { seed: 1234, determinism: false, outDir: '/tmp/repro-out/run-1' }),
    expectedEnvironment(false),
  );
});

test('our seed wins over a seed variable already in the environment; the parent is not changed', () => {
  const parent: NodeJS.ProcessEnv = { ...RUNNER_ENV, REPRO_SEED: '7', PYTHONHASHSEED: 'random' };
  const env = childEnvironment(parent, { seed: 0, determinism: false, outDir: '/o' });
  assert.equal(env.REPRO_SEED, '0');
  assert.equal(env.PYTHONHASHSEED, '0');
  assert.equal(parent.REPRO_SEED, '7');
  assert.equal(parent.GITHUB_TOKEN, 'ghs_secret');
});

test('a real child process sees exactly that environment', async () => {
  const env = childEnvironment(RUNNER_ENV, { seed: 1234, determinism: true, outDir: '/tmp/repro-out/run-1' });
  const lines: string[] = [];
  // env -0: names and values separated by NUL, so values with newlines could not confuse it.
  const result = await runProcess({
    argv: ['env', '-0'],
    cwd: os.tmpdir(),
    env,
    timeoutMs: 30_000,
    onOutputLine: (line) => lines.push(line),
  });
  assert.equal(result.exitCode, 0);
  const seen = Object.fromEntries(
    lines
      .join('\n')
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
  );
  // Under `npm run coverage` Node itself adds NODE_V8_COVERAGE to every child it spawns.
  if (process.env['NODE_V8_COVERAGE'] !== undefined) delete seen['NODE_V8_COVERAGE'];
  assert.deepEqual(seen, expectedEnvironment(true));
});
