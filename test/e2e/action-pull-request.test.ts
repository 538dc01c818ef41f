/**
 * The PR gate end to end: `dist/action.js` run as the runner runs it on a `pull_request` event
 * (a real payload, the merge commit checked out detached), against the loopback fake GitHub.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.ts';
import { startFakeResultsService, type FakeResultsService } from '../support/fake-results-service.ts';
import { readZipEntries } from '../support/zip-reader.ts';
import { commentMarker } from '../../src/github/comment.ts';
import { DEFAULT_ACCEPT_LABEL } from '../../src/github/acceptance.ts';
import {
  ACTION_MANIFEST,
  BASE_LEARNING_RATE,
  checkOutPullRequest,
  createSandbox,
  createTrainingRepo,
  OWNER,
  pullRequestPayload,
  REPO,
  runAction,
  trainScript,
  warningCommands,
  type ActionRun,
  type PullRequestCheckout,
  type Sandbox,
  type Workspace,
  describeRun,
} from './action-harness.ts';

const CONTEXT = 'repro-check/repro-check';
const MARKER = commentMarker('repro');

/** A sandbox with the training repo, a PR checked out as its merge commit, and a fresh fake GitHub per test. */
async function pullRequestFixture(headFiles: Record<string, string>): Promise<{ sandbox: Sandbox; workspace: Workspace; pr: PullRequestCheckout }> {
  const sandbox = await createSandbox();
  const { workspace, baseSha } = await createTrainingRepo(sandbox);
  const pr = await checkOutPullRequest(workspace, baseSha, headFiles);
  return { sandbox, workspace, pr };
}

async function fakeWithPull(pr: PullRequestCheckout): Promise<FakeGithub> {
  const fake = await startFakeGithub();
  fake.state.addPull(OWNER, REPO, { number: pr.number, head: { ref: pr.headRef, sha: pr.headSha, repo: `${OWNER}/${REPO}` }, base: { ref: 'main', sha: pr.baseSha } });
  return fake;
}

function runOnPullRequest(sandbox: Sandbox, workspace: Workspace, pr: PullRequestCheckout, fake: FakeGithub, runAttempt = 1, results?: FakeResultsService): Promise<ActionRun> {
  return runAction(sandbox, { workspace: workspace.dir, apiUrl: fake.url, eventName: 'pull_request', payload: pullRequestPayload(pr), sha: pr.mergeSha, ref: `refs/pull/${pr.number}/merge`, runAttempt, ...(results ? { results } : {}) });
}

describe('pull_request without drift', () => {
  let fixture: Awaited<ReturnType<typeof pullRequestFixture>>;
  before(async () => {
    fixture = await pullRequestFixture({ 'README.md': '# models\n' });
  });
  after(() => fixture.sandbox.close());

  test('passes, publishes on the head commit, and keeps one comment over two runs', async () => {
    const { sandbox, workspace, pr } = fixture;
    const fake = await fakeWithPull(pr);
    try {
      const first = await runOnPullRequest(sandbox, workspace, pr, fake);
      assert.equal(first.code, 0, describeRun(first));
      assert.equal(first.outputs['status'], 'pass');
      assert.equal(first.outputs['drifted-metrics'], '[]');
      assert.equal(first.outputs['first-divergent-step'], '');
      const undeclared = Object.keys(first.outputs).filter((name) => !(name in ACTION_MANIFEST.outputs));
      assert.deepEqual(undeclared, [], 'every output written is declared in action.yml (workflows cannot read the others)');
      const reportPath = first.outputs['report-path'];
      assert.ok(reportPath, 'report-path output');
      const report = await readFile(reportPath, 'utf8');
      assert.match(report, /train\.loss/);
      assert.ok(first.summary.includes(report.trim()), `the step summary holds the report:\n${first.summary}`);

      const repo = fake.state.repo(OWNER, REPO);
      assert.deepEqual(
        repo.statuses.map((s) => [s.sha, s.context, s.state]),
        [[pr.headSha, CONTEXT, 'success']],
        'one success status on the PR head, not on the merge commit',
      );
      assert.deepEqual(
        repo.checkRuns.map((r) => [r.headSha, r.name, r.status, r.conclusion]),
        [[pr.headSha, 'repro-check', 'completed', 'success']],
      );
      assert.equal(repo.comments.length, 1);
      assert.equal(repo.comments[0]!.issueNumber, pr.number);
      assert.equal(repo.comments[0]!.body.split('\n')[0], MARKER);
      const firstBody = repo.comments[0]!.body;

      // A re-run: same commits, its own run link in the report, so the comment has news.
      const second = await runOnPullRequest(sandbox, workspace, pr, fake, 2);
      assert.equal(second.code, 0, describeRun(second));
      assert.equal(repo.comments.length, 1, 'the second run updates the sticky comment');
      assert.equal(fake.requestsFor('issues/create-comment').length, 1);
      assert.equal(fake.requestsFor('issues/update-comment').length, 1);
      assert.notEqual(repo.comments[0]!.body, firstBody);
      assert.match(repo.comments[0]!.body, /actions\/runs\/4242\/attempts\/2/);
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });

  test('a 403 on every write keeps the verdict and the summary, and warns with the permissions to add', async () => {
    const { sandbox, workspace, pr } = fixture;
    const fake = await fakeWithPull(pr);
    try {
      fake.injectFault({ method: 'POST', status: 403, times: Infinity });
      fake.injectFault({ method: 'PATCH', status: 403, times: Infinity });
      const run = await runOnPullRequest(sandbox, workspace, pr, fake);
      assert.equal(run.code, 0, describeRun(run));
      assert.equal(run.outputs['status'], 'pass');
      assert.match(run.summary, /train\.loss/);
      const warnings = warningCommands(run.stdout).join('\n');
      for (const permission of ['checks: write', 'statuses: write', 'pull-requests: write']) assert.ok(warnings.includes(permission), `a warning names ${permission}:\n${warnings}`);
      const repo = fake.state.repo(OWNER, REPO);
      assert.deepEqual([repo.statuses.length, repo.checkRuns.length, repo.comments.length], [0, 0, 0]);
      assert.ok(fake.requests.some((r) => r.faulted), 'the writes were tried');
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });
});

describe('pull_request that changes the learning rate', () => {
  let fixture: Awaited<ReturnType<typeof pullRequestFixture>>;
  before(async () => {
    fixture = await pullRequestFixture({ 'train.mjs': trainScript(BASE_LEARNING_RATE * 2) });
  });
  after(() => fixture.sandbox.close());

  test('fails the step, reports the drift on the head commit with annotations, a chart and a red status, and uploads the evidence', async () => {
    const { sandbox, workspace, pr } = fixture;
    const fake = await fakeWithPull(pr);
    const results = await startFakeResultsService();
    try {
      const run = await runOnPullRequest(sandbox, workspace, pr, fake, 1, results);
      assert.equal(run.code, 1, describeRun(run));
      assert.match(run.stdout, /::error::Drift in/);
      assert.equal(run.outputs['status'], 'drift');
      assert.ok((JSON.parse(run.outputs['drifted-metrics']!) as string[]).includes('train.loss'), run.outputs['drifted-metrics']);
      // Step 1's loss is taken before the first update: the learning rate shows from step 2.
      assert.equal(run.outputs['first-divergent-step'], '2');

      const repo = fake.state.repo(OWNER, REPO);
      assert.deepEqual(repo.statuses.map((s) => [s.sha, s.context, s.state]), [[pr.headSha, CONTEXT, 'failure']]);
      assert.equal(repo.checkRuns.length, 1);
      const checkRun = repo.checkRuns[0]!;
      assert.deepEqual([checkRun.headSha, checkRun.conclusion], [pr.headSha, 'failure']);
      assert.ok(checkRun.annotations.length > 0, 'annotations on the check run');
      assert.ok(checkRun.annotations.every((a) => a.path === 'repro.yml'), JSON.stringify(checkRun.annotations));
      assert.ok(checkRun.annotations.some((a) => a.annotation_level === 'failure' && a.message.includes('train.loss')));
      assert.equal(repo.comments.length, 1);
      const comment = repo.comments[0]!.body;
      assert.match(comment, /drift/i);
      assert.match(comment, /```mermaid/);
      assert.deepEqual(fake.validationFailures(), []);

      // The evidence outlives the log: run record, report and metric file in one artifact.
      assert.deepEqual(results.artifacts.map((a) => [a.name, a.finalized]), [['repro-check-repro', true]], results.requests.join('\n'));
      const entries = readZipEntries(results.artifacts[0]!.bytes);
      assert.deepEqual([...entries.keys()].sort(), ['metrics.jsonl', 'report.md', 'run-record.json']);
      const record = JSON.parse(entries.get('run-record.json')!.toString('utf8'));
      assert.equal(record.kind, 'repro-check/run-record');
      assert.equal(record.provenance.commit, pr.headSha, 'the record names the PR head, not the merge commit');
      assert.equal(entries.get('report.md')!.toString('utf8'), await readFile(run.outputs['report-path']!, 'utf8'));
      assert.match(entries.get('metrics.jsonl')!.toString('utf8'), /"train\.loss"|"loss"/);
    } finally {
      await fake.close();
      await results.close();
    }
  });

  test('the accept label put on by a collaborator with write access turns the drift into accepted', async () => {
    const { sandbox, workspace, pr } = fixture;
    const fake = await fakeWithPull(pr);
    try {
      fake.state.addLabel(OWNER, REPO, pr.number, DEFAULT_ACCEPT_LABEL, 'maintainer-mona');
      fake.state.repo(OWNER, REPO).permissions.set('maintainer-mona', 'write');
      const run = await runOnPullRequest(sandbox, workspace, pr, fake);
      assert.equal(run.code, 0, describeRun(run));
      assert.equal(run.outputs['status'], 'accepted');

      const repo = fake.state.repo(OWNER, REPO);
      assert.deepEqual(repo.statuses.map((s) => [s.sha, s.state]), [[pr.headSha, 'success']]);
      assert.deepEqual(repo.checkRuns.map((r) => [r.headSha, r.conclusion]), [[pr.headSha, 'neutral']]);
      // The PR's checks list says "accepted" and by whom, not just "N metrics drifted".
      assert.match(repo.statuses[0]!.description ?? '', /^Accepted by @maintainer-mona: \d+ of \d+ metrics drifted/);
      assert.match(repo.checkRuns[0]!.output.title ?? '', /^Accepted by @maintainer-mona/);
      assert.equal(repo.comments.length, 1);
      assert.match(repo.comments[0]!.body, /accepted/i);
      assert.match(repo.comments[0]!.body, /maintainer-mona/);
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });
});
