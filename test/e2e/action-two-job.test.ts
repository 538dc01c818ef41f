/**
 * The two-job pattern end to end through `dist/action.js`: the GPU job runs `mode: check` with no
 * github-token and only uploads its run artifact; a second job of the same workflow run, with no
 * checkout, runs `mode: publish` and posts status, check run, comment and annotations from it.
 * The runner's artifact backend is the loopback results service, GitHub the loopback fake.
 */
import { after, before, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.ts';
import { startFakeResultsService, type FakeResultsService } from '../support/fake-results-service.ts';
import { readZipEntries } from '../support/zip-reader.ts';
import { commentMarker } from '../../src/github/comment.ts';
import { DEFAULT_ACCEPT_LABEL } from '../../src/settings/schema.ts';
import {
  checkOutPullRequest,
  createSandbox,
  createTrainingRepo,
  describeRun,
  eventPayload,
  OWNER,
  pullRequestPayload,
  REPO,
  runAction,
  trainScript,
  WORKFLOW_TOKEN,
  type ActionRun,
  type PullRequestCheckout,
  type Sandbox,
  type Workspace,
} from './action-harness.ts';

/** Both jobs name the same comment-key: the artifact is repro-check-<comment-key>. */
const COMMENT_KEY = 'pr-gate';

let sandbox: Sandbox;
let workspace: Workspace;
let pr: PullRequestCheckout;
before(async () => {
  sandbox = await createSandbox();
  const repo = await createTrainingRepo(sandbox);
  workspace = repo.workspace;
  // The PR raises the learning rate: drift.
  pr = await checkOutPullRequest(workspace, repo.baseSha, { 'train.mjs': trainScript(0.6) });
});
after(() => sandbox.close());

async function fakeWithPull(): Promise<FakeGithub> {
  const fake = await startFakeGithub();
  fake.state.addPull(OWNER, REPO, {
    number: pr.number,
    head: { ref: pr.headRef, sha: pr.headSha, repo: `${OWNER}/${REPO}` },
    base: { ref: 'main', sha: pr.baseSha },
  });
  return fake;
}

function job(
  fake: FakeGithub,
  results: FakeResultsService,
  name: string,
  dir: string,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  return runAction(sandbox, {
    workspace: dir,
    apiUrl: fake.url,
    eventName: 'pull_request',
    payload: pullRequestPayload(pr),
    sha: pr.mergeSha,
    ref: `refs/pull/${pr.number}/merge`,
    runId: '777',
    job: name,
    results,
    inputs: { 'comment-key': COMMENT_KEY, ...inputs },
  });
}

test('the check job (no token) makes no GitHub request; the publish job (no checkout) posts the drift verdict, annotations and comment from its artifact', async (t) => {
  const [fake, results] = await Promise.all([fakeWithPull(), startFakeResultsService()]);
  try {
    // The training reads the environment of every ancestor it can see (the action's node process
    // first), as a hostile one would (hardening case 10).
    const environs = path.join(sandbox.root, 'environs-seen-by-training.txt');
    const command = `P=$PPID; while [ "$P" -gt 1 ]; do tr '\\0' '\\n' < /proc/$P/environ >> ${environs} 2>/dev/null; P=$(awk '{print $4}' /proc/$P/stat); done; node train.mjs`;
    const check = await job(fake, results, 'train', workspace.dir, { 'github-token': '', mode: 'check', command });
    assert.equal(check.code, 1, describeRun(check));
    const seen = await readFile(environs, 'utf8').catch(() => '');
    assert.ok(!seen.includes(WORKFLOW_TOKEN), 'no process the training can see holds the write token');
    // Where the training runs in its own PID namespace it sees none of the action's processes at all.
    if (seen.includes('GITHUB_JOB=train'))
      assert.match(seen, /^INPUT_GITHUB-TOKEN=$/m, 'the action process, visible to the training, held an empty token');
    else t.diagnostic("the training saw none of the action's processes (PID namespace)");
    assert.equal(check.outputs['status'], 'drift');
    assert.deepEqual(fake.requests, [], 'the GPU job holds no token and writes nothing to GitHub');
    assert.ok(!check.stdout.includes(WORKFLOW_TOKEN));
    assert.deepEqual(
      results.artifacts.map((a) => a.name),
      [`repro-check-${COMMENT_KEY}`],
    );
    assert.ok(readZipEntries(results.artifacts[0]!.bytes).has('published-verdict.json'));

    const empty = await sandbox.folder('hosted-runner-workspace');
    const publish = await job(fake, results, 'publish', empty, { mode: 'publish' });
    assert.equal(publish.code, 1, `fails on drift as the one-job form does\n${describeRun(publish)}`);
    assert.equal(publish.outputs['status'], 'drift');
    const repo = fake.state.repo(OWNER, REPO);
    assert.deepEqual(
      repo.statuses.map((s) => [s.sha, s.context, s.state]),
      [[pr.headSha, 'repro-check/repro-check', 'failure']],
    );
    assert.equal(repo.checkRuns.length, 1);
    const [checkRun] = repo.checkRuns;
    assert.deepEqual([checkRun!.headSha, checkRun!.conclusion], [pr.headSha, 'failure']);
    assert.ok(
      checkRun!.annotations.some((a) => a.path === 'repro.yml' && a.message.includes('train.loss')),
      'annotations made by the check job, where the files are',
    );
    assert.deepEqual(
      repo.comments.map((c) => c.body.split('\n')[0]),
      [commentMarker(COMMENT_KEY)],
    );
    assert.match(repo.comments[0]!.body, /drift/);
    assert.match(publish.summary, /train\.loss/, "the publish job's summary holds the report");

    // A maintainer accepts the drift; re-running the publish job (the check job holds no token to
    // look the label up) turns it into accepted, on the same check run and comment.
    fake.state.addLabel(OWNER, REPO, pr.number, DEFAULT_ACCEPT_LABEL, 'maintainer-mona');
    repo.permissions.set('maintainer-mona', 'write');
    const accepted = await runAction(sandbox, {
      workspace: empty,
      apiUrl: fake.url,
      eventName: 'pull_request',
      payload: pullRequestPayload(pr),
      sha: pr.mergeSha,
      ref: `refs/pull/${pr.number}/merge`,
      runId: '777',
      runAttempt: 2,
      job: 'publish',
      results,
      inputs: { 'comment-key': COMMENT_KEY, mode: 'publish' },
    });
    assert.equal(accepted.code, 0, describeRun(accepted));
    assert.equal(accepted.outputs['status'], 'accepted');
    assert.deepEqual(
      repo.statuses.map((s) => s.state),
      ['failure', 'success'],
    );
    assert.match(
      repo.statuses[1]!.description ?? '',
      /^Accepted by @maintainer-mona \(label repro-check:accept-drift\): /,
    );
    assert.deepEqual(
      repo.checkRuns.map((r) => r.conclusion),
      ['neutral'],
    );
    assert.equal(repo.comments.length, 1);
    assert.match(repo.comments[0]!.body, /Drift accepted by @maintainer-mona/);
    assert.deepEqual(fake.validationFailures(), []);
  } finally {
    await Promise.all([fake.close(), results.close()]);
  }
});

test('a publish job that finds no verdict (the check job failed before one) posts an error status, never a pass, and fails the step', async () => {
  const [fake, results] = await Promise.all([fakeWithPull(), startFakeResultsService()]);
  try {
    const publish = await job(fake, results, 'publish', await sandbox.folder('hosted-runner-no-artifact'), {
      mode: 'publish',
    });
    assert.equal(publish.code, 1, describeRun(publish));
    assert.equal(publish.outputs['status'], 'error');
    assert.match(publish.stdout, /No artifact repro-check-pr-gate in this workflow run/);
    const repo = fake.state.repo(OWNER, REPO);
    assert.deepEqual(
      repo.statuses.map((s) => [s.sha, s.state]),
      [[pr.headSha, 'error']],
    );
    assert.deepEqual(
      repo.checkRuns.map((r) => r.conclusion),
      ['failure'],
    );
  } finally {
    await Promise.all([fake.close(), results.close()]);
  }
});

test('a check job whose training failed hands the reason to the publish job, which posts it as an error', async () => {
  const [fake, results] = await Promise.all([fakeWithPull(), startFakeResultsService()]);
  try {
    const check = await job(fake, results, 'train', workspace.dir, {
      'github-token': '',
      mode: 'check',
      command: 'echo "CUDA out of memory" >&2; exit 3',
    });
    assert.equal(check.code, 1, describeRun(check));
    assert.deepEqual(fake.requests, []);
    const publish = await job(fake, results, 'publish', await sandbox.folder('hosted-runner-after-failure'), {
      mode: 'publish',
    });
    assert.equal(publish.code, 1, describeRun(publish));
    assert.equal(publish.outputs['status'], 'error');
    const repo = fake.state.repo(OWNER, REPO);
    assert.deepEqual(
      repo.statuses.map((s) => [s.sha, s.state]),
      [[pr.headSha, 'error']],
    );
    assert.match(repo.statuses[0]!.description ?? '', /^Error: The training command failed with exit code 3/);
    assert.match(repo.comments[0]!.body, /CUDA out of memory/);
  } finally {
    await Promise.all([fake.close(), results.close()]);
  }
});

test("mode publish under workflow_run is refused before any write: the other run's verdict is the fork's to write", async () => {
  const [fake, results] = await Promise.all([fakeWithPull(), startFakeResultsService()]);
  try {
    const payload = eventPayload('workflow_run');
    const run = await runAction(sandbox, {
      workspace: await sandbox.folder('hosted-runner-workflow-run'),
      apiUrl: fake.url,
      eventName: 'workflow_run',
      payload,
      sha: pr.baseSha,
      ref: 'refs/heads/main',
      job: 'publish',
      results,
      inputs: { mode: 'publish', 'comment-key': COMMENT_KEY },
    });
    assert.equal(run.code, 1, describeRun(run));
    assert.match(run.stdout, /::error::.*mode: publish posts the verdict of a check job in the same workflow run/);
    assert.deepEqual(fake.requests, [], 'nothing posted, not even an error status on the default branch');
  } finally {
    await Promise.all([fake.close(), results.close()]);
  }
});
