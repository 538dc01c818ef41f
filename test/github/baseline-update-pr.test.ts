import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReproError } from '../../src/errors.ts';
import { createGithubClient } from '../../src/github/client.ts';
import {
  publishBaseline,
  type PublishBaselineDeps,
  type PublishBaselineRequest,
} from '../../src/github/baseline-update.ts';
import { basicAuthHeaderValue } from '../../src/git/remote-auth.ts';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.ts';
import { BASELINE_PATH, TOKEN, makeRepos, originFile, originLog, sh, type Repos } from './baseline-update-fixture.ts';

const OWNER = 'octo';
const REPO = 'models';
const PULL_BRANCH = 'repro-check/baseline-main';
const RUN_URL = 'https://github.com/octo/models/actions/runs/99';

interface Harness {
  repos: Repos;
  fake: FakeGithub;
  lines: string[];
  deps(extra?: Partial<PublishBaselineDeps>): PublishBaselineDeps;
}

async function withHarness(body: (h: Harness) => Promise<void>): Promise<void> {
  const repos = await makeRepos();
  const fake = await startFakeGithub();
  try {
    // The fake API only checks that both branches exist when a PR is opened.
    fake.state.commitFiles(OWNER, REPO, PULL_BRANCH, { [BASELINE_PATH]: 'pushed by git' });
    const client = createGithubClient({
      token: TOKEN,
      baseUrl: fake.url,
      fastRetries: true,
      maxRetries: 1,
      requestTimeoutMs: 5000,
    });
    const lines: string[] = [];
    const deps = (extra: Partial<PublishBaselineDeps> = {}): PublishBaselineDeps => ({
      log: { info: (m) => lines.push(m), warning: (m) => lines.push(`warning: ${m}`), debug: () => undefined },
      git: repos.git,
      client,
      sleep: async () => undefined,
      ...extra,
    });
    await body({ repos, fake, lines, deps });
    assert.deepEqual(fake.validationFailures(), []);
    for (const line of lines)
      assert.ok(!line.includes(TOKEN) && !line.includes(basicAuthHeaderValue(TOKEN).slice(6)), line);
  } finally {
    await fake.close();
    await repos.close();
  }
}

function request(content: string, overrides: Partial<PublishBaselineRequest> = {}): PublishBaselineRequest {
  return {
    repoDir: '/unused',
    baselinePath: BASELINE_PATH,
    content,
    message: 'Update repro-check baseline\n\nTrained at abc (seed 1)',
    strategy: 'pull-request',
    branch: 'main',
    defaultBranch: 'main',
    allowAnyBranch: false,
    token: TOKEN,
    event: { repo: { owner: OWNER, repo: REPO }, runUrl: RUN_URL },
    checkName: 'gpu-smoke',
    ...overrides,
  };
}

test('pull-request: the first run opens a PR from repro-check/baseline-main, the second updates it; the branch is forced to one commit on main', async () => {
  await withHarness(async (h) => {
    const mainBefore = originLog(h.repos.origin, 'main');
    const first = await publishBaseline(h.deps(), request('{"v": 1}\n'));
    assert.ok(first.action === 'created');
    assert.ok(first.pullNumber > 0, 'a real PR number');
    assert.equal(first.branch, PULL_BRANCH);
    assert.equal(originFile(h.repos.origin, PULL_BRANCH, BASELINE_PATH), '{"v": 1}\n');

    const second = await publishBaseline(h.deps(), request('{"v": 2}\n'));
    assert.ok(second.action === 'updated');
    assert.equal(second.pullNumber, first.pullNumber);
    assert.equal(originFile(h.repos.origin, PULL_BRANCH, BASELINE_PATH), '{"v": 2}\n');
    // Forced, not stacked: the PR branch is main plus one baseline commit.
    assert.deepEqual(originLog(h.repos.origin, PULL_BRANCH).slice(1), mainBefore);
    assert.deepEqual(originLog(h.repos.origin, 'main'), mainBefore, 'main untouched');

    const repo = h.fake.state.repo(OWNER, REPO);
    assert.equal(repo.pulls.length, 1);
    assert.deepEqual(
      [repo.pulls[0]!.head.ref, repo.pulls[0]!.base.ref, repo.pulls[0]!.title],
      [PULL_BRANCH, 'main', `Update repro-check baseline ${BASELINE_PATH}`],
    );
    assert.match(repo.pulls[0]!.body ?? '', /Trained at abc/);
    assert.equal(h.fake.requestsFor('pulls/create').length, 1);
    assert.equal(h.fake.requestsFor('pulls/update').length, 1);
  });
});

test('pull-request with the workflow token: the required status is set on the PR head by us, saying why', async () => {
  await withHarness(async (h) => {
    const result = await publishBaseline(h.deps(), request('{"v": 1}\n'));
    assert.ok(result.action === 'created');
    assert.equal(result.statusSetByUs, true);
    const statuses = h.fake.state.repo(OWNER, REPO).statuses;
    assert.deepEqual(
      statuses.map((s) => [s.sha, s.context, s.state, s.targetUrl]),
      [[sh(h.repos.origin, 'rev-parse', PULL_BRANCH), 'repro-check/gpu-smoke', 'success', RUN_URL]],
    );
    assert.match(statuses[0]!.description ?? '', /GITHUB_TOKEN starts no workflows/);
    assert.match(h.lines.join('\n'), /starts no workflows/);

    // With a baseline-token the PR's own workflows report: no status from us.
    const withAppToken = await publishBaseline(h.deps(), request('{"v": 2}\n', { tokenIsWorkflowToken: false }));
    assert.ok(withAppToken.action === 'updated');
    assert.equal(withAppToken.statusSetByUs, false);
    assert.equal(statuses.length, 1);
  });
});

test('pull-request: a status the token may not set is a warning, not a failure', async () => {
  await withHarness(async (h) => {
    h.fake.injectFault({ method: 'POST', pathPattern: '/repos/{owner}/{repo}/statuses/{sha}', status: 403 });
    const result = await publishBaseline(h.deps(), request('{"v": 1}\n'));
    assert.ok(result.action === 'created');
    assert.equal(result.statusSetByUs, false);
    assert.match(
      h.lines.join('\n'),
      /warning: Could not set the status repro-check\/gpu-smoke .*HTTP 403.*statuses: write/,
    );
  });
});

test('pull-request: a repository that does not let Actions open PRs gets an error naming the setting', async () => {
  await withHarness(async (h) => {
    h.fake.injectFault({
      method: 'POST',
      pathPattern: '/repos/{owner}/{repo}/pulls',
      status: 403,
      body: {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      },
    });
    await assert.rejects(publishBaseline(h.deps(), request('{"v": 1}\n')), (error: unknown) => {
      assert.ok(error instanceof ReproError);
      assert.match(error.message, /HTTP 403: GitHub Actions is not permitted to create or approve pull requests/);
      assert.match(error.message, /on branch repro-check\/baseline-main/);
      assert.match(error.hint ?? '', /Allow GitHub Actions to create and approve pull requests/);
      assert.match(error.hint ?? '', /baseline-token/);
      return true;
    });
  });
});

test('pull-request: when the baseline branch moves between our look and our push, the lease refuses and the push is retried', async () => {
  await withHarness(async (h) => {
    const result = await publishBaseline(
      h.deps({
        beforePush: async (attempt) => {
          if (attempt === 1) h.repos.pushFromOther(PULL_BRANCH, 'stray.txt', 'pushed meanwhile');
        },
      }),
      request('{"v": 1}\n'),
    );
    assert.ok(result.action === 'created');
    assert.equal(result.tries, 2);
    assert.equal(originFile(h.repos.origin, PULL_BRANCH, BASELINE_PATH), '{"v": 1}\n');
    assert.equal(sh(h.repos.origin, 'rev-parse', PULL_BRANCH), result.commitSha);
  });
});

test('pull-request: a PR opened by a parallel run between our look-up and our create is updated, not duplicated', async () => {
  await withHarness(async (h) => {
    // The look-up finds nothing (answered as if empty), then the create meets the PR the other run opened.
    h.fake.state.addPull(OWNER, REPO, {
      head: { ref: PULL_BRANCH, sha: 'f'.repeat(40), repo: `${OWNER}/${REPO}` },
      base: { ref: 'main', sha: 'e'.repeat(40) },
    });
    h.fake.injectFault({ method: 'GET', pathPattern: '/repos/{owner}/{repo}/pulls', status: 200, body: [] });
    const result = await publishBaseline(h.deps(), request('{"v": 1}\n'));
    assert.ok(result.action === 'updated');
    assert.equal(h.fake.state.repo(OWNER, REPO).pulls.length, 1);
    assert.equal(h.fake.requestsFor('pulls/create').length, 1);
  });
});
