/**
 * Every GitHub write is found-or-created, through `dist/action.js` as the runner runs it: a token
 * that writes as a GitHub App keeps one sticky comment when a run cannot learn its identity
 * (hardening case 13), and a check run whose create landed but whose answer was lost is not
 * created twice (case 16).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.ts';
import { commentMarker } from '../../src/github/comment.ts';
import {
  checkOutPullRequest,
  createSandbox,
  createTrainingRepo,
  describeRun,
  OWNER,
  pullRequestPayload,
  REPO,
  runAction,
  WORKFLOW_TOKEN,
  type PullRequestCheckout,
  type Sandbox,
  type Workspace,
} from './action-harness.ts';

let sandbox: Sandbox;
let workspace: Workspace;
let pr: PullRequestCheckout;
before(async () => {
  sandbox = await createSandbox();
  const repo = await createTrainingRepo(sandbox);
  workspace = repo.workspace;
  pr = await checkOutPullRequest(workspace, repo.baseSha, { 'README.md': '# models\n' });
});
after(() => sandbox.close());

async function fakeWithPull(tokenLogin?: string): Promise<FakeGithub> {
  const fake = await startFakeGithub(tokenLogin ? { tokenLogins: { [WORKFLOW_TOKEN]: tokenLogin } } : {});
  fake.state.addPull(OWNER, REPO, {
    number: pr.number,
    head: { ref: pr.headRef, sha: pr.headSha, repo: `${OWNER}/${REPO}` },
    base: { ref: 'main', sha: pr.baseSha },
  });
  return fake;
}

const runOnPullRequest = (fake: FakeGithub, runId: string) =>
  runAction(sandbox, {
    workspace: workspace.dir,
    apiUrl: fake.url,
    eventName: 'pull_request',
    payload: pullRequestPayload(pr),
    sha: pr.mergeSha,
    ref: `refs/pull/${pr.number}/merge`,
    runId,
  });

test('an App token whose commit status is refused once (case 13): three runs leave exactly one sticky comment, updated by runs 2 and 3', async () => {
  const fake = await fakeWithPull('acme-ci[bot]');
  try {
    const first = await runOnPullRequest(fake, '101');
    assert.equal(first.code, 0, describeRun(first));
    fake.injectFault({ method: 'POST', pathPattern: '/repos/{owner}/{repo}/statuses/{sha}', status: 403 });
    const second = await runOnPullRequest(fake, '102');
    assert.equal(second.code, 0, describeRun(second));
    assert.match(second.stdout, /::warning::Could not learn which identity github-token writes as/);
    const third = await runOnPullRequest(fake, '103');
    assert.equal(third.code, 0, describeRun(third));

    const created = fake.requestsFor('issues/create-comment').filter((r) => r.status === 201);
    assert.equal(created.length, 1, 'sticky comments created');
    const marked = fake.state.repo(OWNER, REPO).comments.filter((c) => c.body.startsWith(commentMarker('repro')));
    assert.deepEqual(
      marked.map((c) => c.user.login),
      ['acme-ci[bot]'],
    );
    assert.deepEqual(
      fake.requestsFor('issues/update-comment').map((r) => [r.path.split('/').at(-1), r.status]),
      [
        [String(marked[0]!.id), 200],
        [String(marked[0]!.id), 200],
      ],
    );
    // Every run still published its verdict.
    assert.deepEqual(
      fake.state.repo(OWNER, REPO).statuses.map((s) => s.state),
      ['success', 'success'],
    );
    assert.deepEqual(
      fake.state.repo(OWNER, REPO).checkRuns.map((r) => r.conclusion),
      ['success', 'success', 'success'],
    );
    assert.deepEqual(fake.validationFailures(), []);
  } finally {
    await fake.close();
  }
});

test('a check run create that landed but was answered 502 (case 16): exactly one check run, the verdict published, exit unchanged', async () => {
  const fake = await fakeWithPull();
  try {
    fake.injectFault({ method: 'POST', pathPattern: '/repos/{owner}/{repo}/check-runs', status: 502, lands: true });
    const run = await runOnPullRequest(fake, '201');
    assert.equal(run.code, 0, describeRun(run));
    const runs = fake.state.repo(OWNER, REPO).checkRuns;
    assert.deepEqual(
      runs.map((r) => [r.name, r.conclusion, r.headSha]),
      [['repro-check', 'success', pr.headSha]],
    );
    assert.equal(fake.requestsFor('checks/create').length, 1, 'the create was not retried blindly');
    assert.deepEqual(warningsAbout(run.stdout, 'check run'), []);
    // A re-run of the job (same run id, attempt 2) updates that check run too.
    const rerun = await runAction(sandbox, {
      workspace: workspace.dir,
      apiUrl: fake.url,
      eventName: 'pull_request',
      payload: pullRequestPayload(pr),
      sha: pr.mergeSha,
      ref: `refs/pull/${pr.number}/merge`,
      runId: '201',
      runAttempt: 2,
    });
    assert.equal(rerun.code, 0, describeRun(rerun));
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.detailsUrl, `https://github.com/${OWNER}/${REPO}/actions/runs/201/attempts/2`);
    assert.deepEqual(fake.validationFailures(), []);
  } finally {
    await fake.close();
  }
});

function warningsAbout(stdout: string, what: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::warning') && line.includes(what));
}
