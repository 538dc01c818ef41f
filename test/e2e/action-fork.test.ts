/**
 * A pull request from a fork, end to end: the bundled action refuses to train it unless
 * `allow-fork-prs` says the runner may run the fork's code.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.ts';
import {
  checkOutPullRequest,
  createSandbox,
  createTrainingRepo,
  OWNER,
  pullRequestPayload,
  REPO,
  runAction,
  type ActionRun,
  type PullRequestCheckout,
  type Sandbox,
  type Workspace,
  describeRun,
} from './action-harness.ts';

const FORK = 'outsider/models';

describe('pull_request from a fork', () => {
  let sandbox: Sandbox;
  let workspace: Workspace;
  let pr: PullRequestCheckout;
  before(async () => {
    sandbox = await createSandbox();
    const repo = await createTrainingRepo(sandbox);
    workspace = repo.workspace;
    pr = await checkOutPullRequest(workspace, repo.baseSha, { 'README.md': '# from a fork\n' });
  });
  after(() => sandbox.close());

  async function runForkPr(fake: FakeGithub, inputs: Record<string, string> = {}): Promise<ActionRun> {
    fake.state.addPull(OWNER, REPO, {
      number: pr.number,
      head: { ref: pr.headRef, sha: pr.headSha, repo: FORK },
      base: { ref: 'main', sha: pr.baseSha },
    });
    return runAction(sandbox, {
      workspace: workspace.dir,
      apiUrl: fake.url,
      eventName: 'pull_request',
      payload: pullRequestPayload(pr, FORK),
      sha: pr.mergeSha,
      ref: `refs/pull/${pr.number}/merge`,
      inputs,
    });
  }

  test('is refused before training, and nothing is written to GitHub', async () => {
    const fake = await startFakeGithub();
    try {
      const run = await runForkPr(fake);
      assert.equal(run.code, 1, describeRun(run));
      assert.equal(run.outputs['status'], 'error');
      const failure = run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
      assert.match(failure, /from outsider\/models/);
      assert.match(failure, /fork/);
      assert.doesNotMatch(run.stdout, /trained \d+ steps/);
      assert.deepEqual(fake.requests, []);
    } finally {
      await fake.close();
    }
  });

  test('runs with allow-fork-prs: true', async () => {
    const fake = await startFakeGithub();
    try {
      const run = await runForkPr(fake, { 'allow-fork-prs': 'true' });
      assert.equal(run.code, 0, describeRun(run));
      assert.equal(run.outputs['status'], 'pass');
      assert.match(run.stdout, /trained \d+ steps/);
      assert.deepEqual(
        fake.state.repo(OWNER, REPO).checkRuns.map((r) => [r.headSha, r.conclusion]),
        [[pr.headSha, 'success']],
      );
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });
});
