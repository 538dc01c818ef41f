/**
 * The action end to end on `push`, and its refusals of bad input: `dist/action.js` run as the
 * runner runs it, with real payloads, against the loopback fake GitHub.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { startFakeGithub } from '../support/fake-github.ts';
import { REPRO_YML } from '../modes/project-fixture.ts';
import {
  createSandbox,
  createTrainingRepo,
  eventPayload,
  git,
  OWNER,
  REPO,
  runAction,
  type ActionRun,
  type Sandbox,
  type Workspace,
  describeRun,
} from './action-harness.ts';

/** A real `push` payload for the branch main moving from BEFORE to AFTER. */
function pushPayload(before: string, after: string): Record<string, any> {
  const payload = eventPayload('push');
  Object.assign(payload, { ref: 'refs/heads/main', before, after, base_ref: null, created: false });
  payload['head_commit'].id = after;
  return payload;
}

describe('push', () => {
  let sandbox: Sandbox;
  let workspace: Workspace;
  let before_: string;
  let after_: string;
  before(async () => {
    sandbox = await createSandbox();
    ({ workspace, baseSha: before_ } = await createTrainingRepo(sandbox));
    await workspace.write('README.md', '# models\n');
    after_ = await workspace.commit('Add a README');
  });
  after(() => sandbox.close());

  function runOnPush(apiUrl: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    return runAction(sandbox, {
      workspace: workspace.dir,
      apiUrl,
      eventName: 'push',
      payload: pushPayload(before_, after_),
      sha: after_,
      ref: 'refs/heads/main',
      inputs,
    });
  }

  test('as @github/local-action drives it: importing the bundle runs nothing, its run() checks, and no GITHUB_STEP_SUMMARY is only a warning', async () => {
    const fake = await startFakeGithub();
    try {
      const imported = await runAction(sandbox, {
        workspace: workspace.dir,
        apiUrl: fake.url,
        eventName: 'push',
        payload: pushPayload(before_, after_),
        sha: after_,
        ref: 'refs/heads/main',
        start: 'import-only',
      });
      assert.equal(imported.code, 0, describeRun(imported));
      assert.deepEqual(imported.outputs, {}, 'importing alone runs nothing');
      assert.equal(imported.stdout, '');
      const run = await runAction(sandbox, {
        workspace: workspace.dir,
        apiUrl: fake.url,
        eventName: 'push',
        payload: pushPayload(before_, after_),
        sha: after_,
        ref: 'refs/heads/main',
        start: 'import-and-run',
        noStepSummary: true,
      });
      assert.equal(run.code, 0, describeRun(run));
      assert.equal(run.outputs['status'], 'pass', 'the verdict, not "error"');
      assert.match(run.stdout, /::warning::GITHUB_STEP_SUMMARY is not set/);
    } finally {
      await fake.close();
    }
  });

  test('checks against the baseline in the working tree and publishes on the pushed commit, without a comment', async () => {
    const fake = await startFakeGithub();
    try {
      const run = await runOnPush(fake.url);
      assert.equal(run.code, 0, describeRun(run));
      assert.equal(run.outputs['status'], 'pass');
      assert.match(run.summary, /\.repro\/baseline\.json/);
      assert.doesNotMatch(run.summary, /at base commit/, 'outside a pull request the baseline is the checked-out file');
      const repo = fake.state.repo(OWNER, REPO);
      assert.deepEqual(
        repo.statuses.map((s) => [s.sha, s.context, s.state]),
        [[after_, 'repro-check/repro-check', 'success']],
      );
      assert.deepEqual(
        repo.checkRuns.map((r) => [r.headSha, r.conclusion]),
        [[after_, 'success']],
      );
      assert.equal(repo.comments.length, 0);
      assert.deepEqual(
        fake.requests.filter((r) => r.operationId?.startsWith('issues/')),
        [],
        'no comment, label or issue request outside a pull request',
      );
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });

  test('on-missing-baseline: fail with no baseline fails the step before training, with an error status and a failed check run, never a success', async () => {
    const fake = await startFakeGithub();
    const marker = path.join(sandbox.root, 'trained-without-a-baseline');
    try {
      const run = await runOnPush(fake.url, {
        baseline: '.repro/none-yet.json',
        'on-missing-baseline': 'fail',
        command: `touch ${marker} && node train.mjs`,
      });
      assert.equal(run.code, 1, describeRun(run));
      assert.equal(run.outputs['status'], 'error');
      assert.match(run.stdout, /::error::.*No baseline at \.repro\/none-yet\.json/);
      await assert.rejects(access(marker), 'the training command never ran');
      const repo = fake.state.repo(OWNER, REPO);
      assert.deepEqual(
        repo.statuses.map((s) => [s.sha, s.state]),
        [[after_, 'error']],
      );
      assert.match(repo.statuses[0]!.description ?? '', /^Error: No baseline at \.repro\/none-yet\.json/);
      assert.deepEqual(
        repo.checkRuns.map((r) => r.conclusion),
        ['failure'],
      );
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });

  test('an unknown key in repro.yml fails the step naming the key and its line, before anything runs', async () => {
    const fake = await startFakeGithub();
    try {
      await workspace.write('repro.yml', `${REPRO_YML}toleranse: { rtol: 1e-3 }\n`);
      await workspace.commit('Misspell a key');
      const run = await runOnPush(fake.url);
      assert.equal(run.code, 1, describeRun(run));
      assert.equal(run.outputs['status'], 'error');
      const failure = run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
      assert.match(failure, /toleranse/);
      assert.match(failure, /repro\.yml:5\b/);
      const annotation = run.stdout.split('\n').find((line) => line.startsWith('::error ') && line.includes('file='));
      assert.match(
        annotation ?? '',
        /^::error title=repro-check,file=repro\.yml,line=5::.*toleranse/,
        "an annotation on the key's line, shown in the PR diff",
      );
      assert.match(run.summary, /could not check/);
      assert.deepEqual(fake.requests, [], 'nothing was published');
    } finally {
      await git(workspace.dir, 'reset', '-q', '--hard', after_);
      await fake.close();
    }
  });

  test('a dirty tree is refused with the paths listed, and the commit gets an error status and a failed check run', async () => {
    const fake = await startFakeGithub();
    try {
      await workspace.write('train.mjs', '// edited on the runner\n');
      await workspace.write('data/extra.csv', 'x\n1\n');
      const run = await runOnPush(fake.url);
      assert.equal(run.code, 1, describeRun(run));
      assert.equal(run.outputs['status'], 'error');
      const failure = run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
      assert.match(failure, /train\.mjs/);
      assert.match(failure, /data\/extra\.csv/);
      assert.doesNotMatch(run.stdout, /trained \d+ steps/, 'the training did not run');
      // The commit shows why there is no verdict instead of no status at all.
      const status = fake.requests.find((r) => r.operationId === 'repos/create-commit-status');
      assert.equal((status?.body as { state?: string })?.state, 'error');
      assert.match(
        (status?.body as { description?: string })?.description ?? '',
        /^Error: The working tree of .* is not clean/,
      );
      const check = fake.requests.find((r) => r.operationId === 'checks/create');
      assert.equal((check?.body as { conclusion?: string })?.conclusion, 'failure');
      assert.match((check?.body as { output?: { summary?: string } })?.output?.summary ?? '', /data\/extra\.csv/);
      assert.ok(
        fake.requests.every((r) => r.validationErrors === undefined || r.validationErrors.length === 0),
        'every request fits the OpenAPI description',
      );
    } finally {
      await git(workspace.dir, 'reset', '-q', '--hard', after_);
      await git(workspace.dir, 'clean', '-q', '-fd');
      await fake.close();
    }
  });
});
