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
import { DEFAULT_ACCEPT_LABEL } from '../../src/settings/schema.ts';
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
  git,
} from './action-harness.ts';

const CONTEXT = 'repro-check/repro-check';
const MARKER = commentMarker('repro');

/** A sandbox with the training repo, a PR checked out as its merge commit, and a fresh fake GitHub per test. */
async function pullRequestFixture(
  headFiles: Record<string, string>,
): Promise<{ sandbox: Sandbox; workspace: Workspace; pr: PullRequestCheckout }> {
  const sandbox = await createSandbox();
  const { workspace, baseSha } = await createTrainingRepo(sandbox);
  const pr = await checkOutPullRequest(workspace, baseSha, headFiles);
  return { sandbox, workspace, pr };
}

async function fakeWithPull(pr: PullRequestCheckout): Promise<FakeGithub> {
  const fake = await startFakeGithub();
  fake.state.addPull(OWNER, REPO, {
    number: pr.number,
    head: { ref: pr.headRef, sha: pr.headSha, repo: `${OWNER}/${REPO}` },
    base: { ref: 'main', sha: pr.baseSha },
  });
  return fake;
}

function runOnPullRequest(
  sandbox: Sandbox,
  workspace: Workspace,
  pr: PullRequestCheckout,
  fake: FakeGithub,
  runAttempt = 1,
  results?: FakeResultsService,
  inputs: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction(sandbox, {
    workspace: workspace.dir,
    apiUrl: fake.url,
    eventName: 'pull_request',
    payload: pullRequestPayload(pr),
    sha: pr.mergeSha,
    ref: `refs/pull/${pr.number}/merge`,
    runAttempt,
    inputs,
    ...(results ? { results } : {}),
  });
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
      assert.deepEqual(
        undeclared,
        [],
        'every output written is declared in action.yml (workflows cannot read the others)',
      );
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
      // The second run found its comment by the marker and by the token's identity (the status's creator), over REST only.
      assert.ok(fake.requests.every((r) => r.path !== '/graphql' && r.path !== '/user'));
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
      for (const permission of ['checks: write', 'statuses: write', 'pull-requests: write'])
        assert.ok(warnings.includes(permission), `a warning names ${permission}:\n${warnings}`);
      const repo = fake.state.repo(OWNER, REPO);
      assert.deepEqual([repo.statuses.length, repo.checkRuns.length, repo.comments.length], [0, 0, 0]);
      assert.ok(
        fake.requests.some((r) => r.faulted),
        'the writes were tried',
      );
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });
});

describe('pull_request whose training fails', () => {
  let fixture: Awaited<ReturnType<typeof pullRequestFixture>>;
  before(async () => {
    fixture = await pullRequestFixture({ 'README.md': '# models\n' });
  });
  after(() => fixture.sandbox.close());

  test('after an earlier pass: an error status with the reason, a failed check run, and the sticky comment says so instead of the stale pass', async () => {
    const { sandbox, workspace, pr } = fixture;
    const fake = await fakeWithPull(pr);
    try {
      const passed = await runOnPullRequest(sandbox, workspace, pr, fake);
      assert.equal(passed.code, 0, describeRun(passed));
      const repo = fake.state.repo(OWNER, REPO);
      assert.match(repo.comments[0]!.body, /Reproduc|pass/i);

      // The next push's training crashes (the command exits 1).
      const failed = await runOnPullRequest(sandbox, workspace, pr, fake, 2, undefined, {
        command: 'echo "RuntimeError: CUDA error: out of memory" >&2; exit 1',
      });
      assert.equal(failed.code, 1, describeRun(failed));
      assert.equal(failed.outputs['status'], 'error');
      assert.match(
        failed.stdout,
        /^::error::repro-check failed while checking: The training command failed with exit code 1/m,
      );
      assert.match(failed.summary, /could not check/);
      assert.match(failed.summary, /out of memory/);

      const status = repo.statuses.at(-1)!;
      assert.deepEqual([status.sha, status.context, status.state], [pr.headSha, CONTEXT, 'error']);
      assert.match(status.description ?? '', /^Error: The training command failed with exit code 1/);
      assert.ok((status.description ?? '').length <= 140, 'GitHub refuses a longer status description');
      const check = repo.checkRuns.at(-1)!;
      assert.deepEqual([check.headSha, check.name, check.conclusion], [pr.headSha, 'repro-check', 'failure']);
      assert.match(check.output.summary ?? '', /CUDA error: out of memory/);

      assert.equal(repo.comments.length, 1, 'the same sticky comment, updated');
      const comment = repo.comments[0]!.body;
      assert.equal(comment.split('\n')[0], MARKER);
      assert.match(comment, /could not check this commit/);
      assert.match(comment, /The training command failed with exit code 1/);
      assert.doesNotMatch(comment, /Reproduc/i, 'no verdict of the earlier push is left showing');
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });
});

describe('pull_request in a job matrix', () => {
  let fixture: Awaited<ReturnType<typeof pullRequestFixture>>;
  before(async () => {
    fixture = await pullRequestFixture({ 'README.md': '# models\n' });
  });
  after(() => fixture.sandbox.close());

  test("each entry's check-name is its own required status context, check run and sticky comment", async () => {
    const { sandbox, workspace, pr } = fixture;
    const fake = await fakeWithPull(pr);
    try {
      for (const gpu of ['a100', 'h100']) {
        const run = await runOnPullRequest(sandbox, workspace, pr, fake, 1, undefined, {
          'check-name': `repro-check-${gpu}`,
        });
        assert.equal(run.code, 0, describeRun(run));
        assert.deepEqual(
          warningCommands(run.stdout).filter((w) => /check-name/.test(w)),
          [],
        );
      }
      // A re-run of one entry updates its own comment and status only.
      const rerun = await runOnPullRequest(sandbox, workspace, pr, fake, 2, undefined, {
        'check-name': 'repro-check-a100',
      });
      assert.equal(rerun.code, 0, describeRun(rerun));
      const repo = fake.state.repo(OWNER, REPO);
      // What a user types into branch protection: exactly repro-check/<check-name>.
      assert.deepEqual([...new Set(repo.statuses.map((s) => s.context))].sort(), [
        'repro-check/repro-check-a100',
        'repro-check/repro-check-h100',
      ]);
      // The re-run (same run id, attempt 2) found its entry's check run by external_id and updated it.
      assert.deepEqual(
        repo.checkRuns.map((r) => [r.name, r.detailsUrl?.endsWith('/attempts/2')]),
        [
          ['repro-check-a100', true],
          ['repro-check-h100', false],
        ],
      );
      assert.deepEqual(
        repo.comments.map((c) => c.body.split('\n')[0]).sort(),
        [commentMarker('repro-check-a100'), commentMarker('repro-check-h100')].sort(),
      );
      assert.equal(fake.requestsFor('issues/create-comment').length, 2);
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });

  test('a comment-key per entry with the default check-name is warned about: the entries would share one status', async () => {
    const { sandbox, workspace, pr } = fixture;
    const fake = await fakeWithPull(pr);
    try {
      const run = await runOnPullRequest(sandbox, workspace, pr, fake, 1, undefined, {
        'comment-key': '{"gpu": "a100"}',
      });
      assert.equal(run.code, 0, describeRun(run));
      assert.ok(
        warningCommands(run.stdout).some(
          (w) =>
            w.includes('every job posts the status context repro-check/repro-check') &&
            w.includes('check-name: repro-check-${{ matrix.gpu }}'),
        ),
        run.stdout,
      );
    } finally {
      await fake.close();
    }
  });
});

describe('pull_request_target', () => {
  let fixture: Awaited<ReturnType<typeof pullRequestFixture>>;
  before(async () => {
    fixture = await pullRequestFixture({ 'train.mjs': trainScript(BASE_LEARNING_RATE * 2) });
  });
  after(() => fixture.sandbox.close());

  function runOnTarget(fake: FakeGithub, sha: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    const { sandbox, workspace, pr } = fixture;
    // GITHUB_SHA and GITHUB_REF name the base branch under pull_request_target.
    return runAction(sandbox, {
      workspace: workspace.dir,
      apiUrl: fake.url,
      eventName: 'pull_request_target',
      payload: pullRequestPayload(pr),
      sha,
      ref: 'refs/heads/main',
      inputs,
    });
  }

  test('on the default checkout (the base branch) trains and reports the base commit, never the PR head it did not train', async () => {
    const { workspace, pr } = fixture;
    const fake = await fakeWithPull(pr);
    // What actions/checkout leaves under pull_request_target: the base branch, checked out.
    await git(workspace.dir, 'checkout', '-q', '-B', 'main', pr.baseSha);
    try {
      const run = await runOnTarget(fake, pr.baseSha);
      assert.equal(run.code, 0, describeRun(run));
      assert.equal(
        run.outputs['status'],
        'pass',
        "the base commit reproduces its own baseline: the PR's doubled learning rate did not run",
      );
      assert.match(
        run.stdout,
        new RegExp(`::notice::pull_request_target: the workspace holds ${pr.baseSha} \\(the base branch`),
      );
      assert.match(run.stdout, new RegExp(`Training commit ${pr.baseSha} \\(refs/heads/main\\)`));
      const record = JSON.parse(await readFile(run.outputs['record-path']!, 'utf8'));
      assert.equal(record.provenance.commit, pr.baseSha);
      assert.equal(record.provenance.ref, 'refs/heads/main');

      const repo = fake.state.repo(OWNER, REPO);
      assert.deepEqual(
        repo.statuses.map((s) => [s.sha, s.state]),
        [[pr.baseSha, 'success']],
        'the verdict is on what was trained',
      );
      assert.deepEqual(
        repo.checkRuns.map((r) => r.headSha),
        [pr.baseSha],
      );
      assert.ok(
        fake.requests.every((r) => !JSON.stringify(r).includes(pr.headSha)),
        'nothing is posted on the PR head',
      );
      assert.equal(repo.comments.length, 0, "no PR comment for code that is not the PR's");
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await git(workspace.dir, 'checkout', '-q', '--detach', pr.mergeSha);
      await fake.close();
    }
  });

  test('with the PR head checked out it is refused unless allowed; allowed, it reports on the head like pull_request', async () => {
    const { workspace, pr } = fixture;
    const fake = await fakeWithPull(pr);
    await git(workspace.dir, 'checkout', '-q', '--detach', pr.headSha);
    try {
      const refused = await runOnTarget(fake, pr.baseSha);
      assert.equal(refused.code, 1, describeRun(refused));
      assert.match(refused.stdout, /::error::.*Refusing to train pull request #7 under pull_request_target/);
      assert.doesNotMatch(refused.stdout, /trained \d+ steps/);
      assert.deepEqual(fake.requests, []);

      const allowed = await runOnTarget(fake, pr.baseSha, {
        'allow-pull-request-target': 'true',
        'fail-on-drift': 'false',
      });
      assert.equal(allowed.code, 0, describeRun(allowed));
      assert.equal(allowed.outputs['status'], 'drift');
      assert.deepEqual(
        fake.state.repo(OWNER, REPO).statuses.map((s) => s.sha),
        [pr.headSha],
      );
      assert.equal(fake.state.repo(OWNER, REPO).comments.length, 1);
    } finally {
      await git(workspace.dir, 'checkout', '-q', '--detach', pr.mergeSha);
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
      assert.ok(
        (JSON.parse(run.outputs['drifted-metrics']!) as string[]).includes('train.loss'),
        run.outputs['drifted-metrics'],
      );
      // Step 1's loss is taken before the first update: the learning rate shows from step 2.
      assert.equal(run.outputs['first-divergent-step'], '2');

      const repo = fake.state.repo(OWNER, REPO);
      assert.deepEqual(
        repo.statuses.map((s) => [s.sha, s.context, s.state]),
        [[pr.headSha, CONTEXT, 'failure']],
      );
      assert.equal(repo.checkRuns.length, 1);
      const checkRun = repo.checkRuns[0]!;
      assert.deepEqual([checkRun.headSha, checkRun.conclusion], [pr.headSha, 'failure']);
      assert.ok(checkRun.annotations.length > 0, 'annotations on the check run');
      assert.ok(
        checkRun.annotations.every((a) => a.path === 'repro.yml'),
        JSON.stringify(checkRun.annotations),
      );
      assert.ok(checkRun.annotations.some((a) => a.annotation_level === 'failure' && a.message.includes('train.loss')));
      assert.equal(repo.comments.length, 1);
      const comment = repo.comments[0]!.body;
      assert.match(comment, /drift/i);
      assert.match(comment, /```mermaid/);
      // The comment ends with both ways forward, in this repository's names.
      assert.match(
        comment,
        /### What now\n\n- \*\*The change is intended:\*\* add the label `repro-check:accept-drift` to this pull request\. The check re-runs when the label is added/,
      );
      assert.deepEqual(fake.validationFailures(), []);

      // The evidence outlives the log: run record, report and metric file in one artifact.
      assert.deepEqual(
        results.artifacts.map((a) => [a.name, a.finalized]),
        [['repro-check-repro', true]],
        results.requests.join('\n'),
      );
      const entries = readZipEntries(results.artifacts[0]!.bytes);
      assert.deepEqual([...entries.keys()].sort(), [
        'metrics.jsonl',
        'published-verdict.json',
        'report.html',
        'report.md',
        'run-record.json',
      ]);
      // The bundle inlines the chart library: the report opens offline.
      const html = entries.get('report.html')!.toString('utf8');
      assert.match(html, /var uPlot=function/);
      assert.doesNotMatch(html, /<script[^>]+src=/);
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
      assert.deepEqual(
        repo.statuses.map((s) => [s.sha, s.state]),
        [[pr.headSha, 'success']],
      );
      assert.deepEqual(
        repo.checkRuns.map((r) => [r.headSha, r.conclusion]),
        [[pr.headSha, 'neutral']],
      );
      // The PR's checks list says "accepted" and by whom, not just "N metrics drifted".
      assert.match(
        repo.statuses[0]!.description ?? '',
        /^Accepted by @maintainer-mona \(label repro-check:accept-drift\): \d+ of \d+ metrics drifted from step 2$/,
      );
      assert.match(
        repo.checkRuns[0]!.output.title ?? '',
        /^Accepted by @maintainer-mona \(label repro-check:accept-drift\)/,
      );
      assert.equal(repo.comments.length, 1);
      assert.match(repo.comments[0]!.body, /accepted/i);
      assert.match(repo.comments[0]!.body, /maintainer-mona/);
      assert.deepEqual(fake.validationFailures(), []);
    } finally {
      await fake.close();
    }
  });
});
