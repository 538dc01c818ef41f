import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGithub, secondaryRateLimit, type FakeGithub } from '../support/fake-github.ts';
import { createGithubClient, type GithubClient } from '../../src/github/client.ts';
import { buildEventContext, type EventContext } from '../../src/github/event.ts';
import { commentMarker } from '../../src/github/comment.ts';
import { publishResults, type PublishInput, type PublishLog } from '../../src/github/publish.ts';
import type { Annotation } from '../../src/report/annotations.ts';
import { runnerEnvironment, webhookExample } from './webhook-payloads.ts';

const OWNER = 'Codertocat';
const REPO = 'Hello-World';
const COMMENTS_PATH = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

interface Harness {
  fake: FakeGithub;
  client: GithubClient;
  event: EventContext;
  log: PublishLog & { warnings: string[]; infos: string[] };
  input(overrides?: Partial<PublishInput>): PublishInput;
  close(): Promise<void>;
}

/** A fake GitHub holding the PR of a real `pull_request.opened` payload, and a client pointed at it. */
async function harness(
  options: { requestTimeoutMs?: number; editPayload?: (payload: Record<string, any>) => void; eventName?: string } = {},
): Promise<Harness> {
  const fake = await startFakeGithub();
  const payload = options.eventName === 'push' ? webhookExample('push') : webhookExample('pull_request', 'opened');
  options.editPayload?.(payload);
  const event = buildEventContext(runnerEnvironment(options.eventName ?? 'pull_request', payload), payload);
  if (payload['pull_request']) {
    const pull = payload['pull_request'];
    fake.state.addPull(OWNER, REPO, {
      number: pull.number,
      head: { ref: pull.head.ref, sha: pull.head.sha, repo: pull.head.repo?.full_name ?? 'ghost/gone' },
      base: { ref: pull.base.ref, sha: pull.base.sha },
    });
  }
  const client = createGithubClient({
    token: 'ghs_workflow_token',
    baseUrl: fake.url,
    fastRetries: true,
    requestTimeoutMs: options.requestTimeoutMs ?? 5000,
  });
  const warnings: string[] = [];
  const infos: string[] = [];
  const log = {
    warnings,
    infos,
    info: (m: string) => infos.push(m),
    warning: (m: string) => warnings.push(m),
    debug: () => undefined,
  };
  return {
    fake,
    client,
    event,
    log,
    input: (overrides = {}) => ({
      event,
      outcome: 'drift',
      failOnDrift: true,
      commentBody: '## repro-check: drift\n\n| metric | status |\n| --- | --- |\n| loss | drift |',
      summary: '## repro-check: drift',
      annotations: [],
      runUrl: event.runUrl,
      ...overrides,
    }),
    close: () => fake.close(),
  };
}

function annotations(count: number): Annotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: 'out/metrics.jsonl',
    startLine: i + 1,
    endLine: i + 1,
    level: 'failure' as const,
    title: `metric m${i} drifted`,
    message: `m${i}: |diff| 1e-3 > atol + rtol*|baseline|`,
  }));
}

test('two runs leave one comment, updated in place; status and check run target the head SHA, not the merge SHA', async () => {
  const h = await harness();
  try {
    const first = await publishResults(h.client, h.input({ commentBody: 'first run' }), h.log);
    // A new push: a new workflow run, so a check run of its own (a re-run of one run updates its check run).
    const second = await publishResults(
      h.client,
      h.input({ commentBody: 'second run', outcome: 'pass', event: { ...h.event, runId: '4243' } }),
      h.log,
    );
    assert.deepEqual(h.log.warnings, []);
    assert.ok('written' in first.comment && first.comment.written.action === 'created');
    assert.ok('written' in second.comment && second.comment.written.action === 'updated');
    assert.equal(second.comment.written.id, first.comment.written.id);

    const repo = h.fake.state.repo(OWNER, REPO);
    assert.equal(repo.comments.length, 1);
    assert.equal(repo.comments[0]!.body, `${commentMarker('repro')}\nsecond run`);
    assert.equal(repo.comments[0]!.user.login, 'github-actions[bot]');
    assert.equal(h.fake.requestsFor('issues/delete-comment').length, 0);

    const headSha = webhookExample('pull_request', 'opened').pull_request.head.sha as string;
    assert.notEqual(h.event.sha, headSha);
    assert.deepEqual(
      repo.statuses.map((s) => [s.sha, s.context, s.state, s.targetUrl]),
      [
        [headSha, 'repro-check/repro-check', 'failure', h.event.runUrl],
        [headSha, 'repro-check/repro-check', 'success', h.event.runUrl],
      ],
    );
    assert.deepEqual(
      repo.checkRuns.map((r) => [r.headSha, r.name, r.conclusion, r.detailsUrl]),
      [
        [headSha, 'repro-check', 'failure', h.event.runUrl],
        [headSha, 'repro-check', 'success', h.event.runUrl],
      ],
    );
    assert.ok(
      h.fake.requests.every((r) => !r.path.includes(h.event.sha)),
      'no request names the merge SHA',
    );
    assert.deepEqual(h.fake.validationFailures(), []);
  } finally {
    await h.close();
  }
});

test('a create that timed out (it landed, the answer did not) is not duplicated', async () => {
  const h = await harness({ requestTimeoutMs: 300 });
  try {
    h.fake.injectFault({ method: 'POST', pathPattern: COMMENTS_PATH, delayMs: 1500 });
    const result = await publishResults(h.client, h.input(), h.log);
    assert.deepEqual(h.log.warnings, []);
    assert.equal(h.fake.state.repo(OWNER, REPO).comments.length, 1);
    assert.equal(h.fake.requestsFor('issues/create-comment').length, 1);
    assert.ok('written' in result.comment && result.comment.written.action === 'unchanged');
    assert.deepEqual(h.fake.validationFailures(), []);
  } finally {
    await h.close();
  }
});

test('a create answered 502 after it landed is not duplicated; one that did not land is created again', async () => {
  const h = await harness();
  try {
    h.fake.injectFault({ method: 'POST', pathPattern: COMMENTS_PATH, status: 502, lands: true });
    await publishResults(h.client, h.input({ commentKey: 'landed' }), h.log);
    h.fake.injectFault({ method: 'POST', pathPattern: COMMENTS_PATH, status: 502 });
    await publishResults(h.client, h.input({ commentKey: 'lost' }), h.log);
    assert.deepEqual(h.log.warnings, []);
    const bodies = h.fake.state.repo(OWNER, REPO).comments.map((c) => c.body.split('\n')[0]);
    assert.deepEqual(bodies, [commentMarker('landed'), commentMarker('lost')]);
    assert.equal(h.fake.requestsFor('issues/create-comment').length, 3);
  } finally {
    await h.close();
  }
});

test("another author's comment with our marker, and our comment for another key, are left alone", async () => {
  const h = await harness();
  try {
    const pasted = h.fake.state.addComment(OWNER, REPO, 2, `${commentMarker('repro')}\ncopied by a person`, 'mallory');
    const otherBot = h.fake.state.addComment(
      OWNER,
      REPO,
      2,
      `${commentMarker('repro')}\nanother workflow's bot`,
      'some-app[bot]',
    );
    const otherKey = h.fake.state.addComment(
      OWNER,
      REPO,
      2,
      `${commentMarker('repro-gpu')}\nthe GPU job`,
      'github-actions[bot]',
    );
    const result = await publishResults(h.client, h.input({ commentBody: 'ours' }), h.log);
    assert.ok('written' in result.comment && result.comment.written.action === 'created');
    const comments = h.fake.state.repo(OWNER, REPO).comments;
    assert.equal(comments.length, 4);
    assert.equal(comments[0]!.body, pasted.body);
    assert.equal(comments[1]!.body, otherBot.body);
    assert.equal(comments[2]!.body, otherKey.body);
    assert.equal(h.fake.requestsFor('issues/update-comment').length, 0);
  } finally {
    await h.close();
  }
});

test('our comment on the third page of 250 is found and updated, not duplicated', async () => {
  const h = await harness();
  try {
    for (let i = 0; i < 250; i += 1) {
      if (i === 230)
        h.fake.state.addComment(OWNER, REPO, 2, `${commentMarker('repro')}\nold report`, 'github-actions[bot]');
      else h.fake.state.addComment(OWNER, REPO, 2, `comment ${i}`, i % 2 ? 'alice' : 'bob');
    }
    const result = await publishResults(h.client, h.input({ commentBody: 'new report' }), h.log);
    assert.ok('written' in result.comment && result.comment.written.action === 'updated');
    const comments = h.fake.state.repo(OWNER, REPO).comments;
    assert.equal(comments.length, 250);
    assert.equal(comments[230]!.body, `${commentMarker('repro')}\nnew report`);
    assert.deepEqual(
      h.fake.requestsFor('issues/list-comments').map((r) => [r.query['per_page'], r.query['page'] ?? '1']),
      [
        ['100', '1'],
        ['100', '2'],
        ['100', '3'],
      ],
    );
  } finally {
    await h.close();
  }
});

test('130 annotations arrive in 3 requests (create with 50, then two updates), in order', async () => {
  const h = await harness();
  try {
    const result = await publishResults(h.client, h.input({ annotations: annotations(130) }), h.log);
    assert.ok('written' in result.checkRun && result.checkRun.written.annotationsSent === 130);
    const writes = h.fake.requests.filter(
      (r) => r.operationId === 'checks/create' || r.operationId === 'checks/update',
    );
    assert.deepEqual(
      writes.map((r) => [r.operationId, (r.body as any).output.annotations.length]),
      [
        ['checks/create', 50],
        ['checks/update', 50],
        ['checks/update', 30],
      ],
    );
    const run = h.fake.state.repo(OWNER, REPO).checkRuns[0]!;
    assert.deepEqual(
      run.annotations.map((a) => a.start_line),
      Array.from({ length: 130 }, (_, i) => i + 1),
    );
    assert.equal(run.conclusion, 'failure');
    assert.deepEqual(h.fake.validationFailures(), []);
  } finally {
    await h.close();
  }
});

test('a 100 KB report is truncated with a note to fit the comment and summary limits', async () => {
  const h = await harness();
  try {
    const big = `<details><summary>all metrics</summary>\n\n\`\`\`\n${'loss 0.123456789 0.123456790\n'.repeat(4000)}`;
    await publishResults(h.client, h.input({ commentBody: big, summary: big }), h.log);
    assert.deepEqual(h.log.warnings, []);
    const repo = h.fake.state.repo(OWNER, REPO);
    const comment = repo.comments[0]!.body;
    assert.ok(comment.length <= 65_536, `comment is ${comment.length} characters`);
    assert.match(comment, /\n```\n<\/details>\n\n> ✂️ \*\*Report truncated\*\*/);
    const summary = repo.checkRuns[0]!.output.summary!;
    assert.ok(summary.length <= 65_535 && summary.length > 60_000, `summary is ${summary.length} characters`);
    assert.match(summary, /Report truncated/);
    assert.deepEqual(h.fake.validationFailures(), []);
  } finally {
    await h.close();
  }
});

test('a 403 on every write leaves warnings naming each permission, and publishing returns', async () => {
  const h = await harness();
  try {
    h.fake.injectFault({ method: 'POST', status: 403, times: Infinity });
    h.fake.injectFault({ method: 'PATCH', status: 403, times: Infinity });
    const result = await publishResults(h.client, h.input(), h.log);
    assert.ok('failed' in result.status && 'failed' in result.checkRun && 'failed' in result.comment);
    assert.equal(h.log.warnings.length, 3);
    assert.match(
      h.log.warnings[0]!,
      /commit status \(HTTP 403: Resource not accessible by integration.*`statuses: write`/,
    );
    assert.match(h.log.warnings[1]!, /check run \(HTTP 403.*`checks: write`/);
    assert.match(h.log.warnings[2]!, /PR comment \(HTTP 403.*`pull-requests: write`/);
    assert.deepEqual(result.warnings, h.log.warnings);
  } finally {
    await h.close();
  }
});

test('on a fork PR the 403 warnings say the workflow token is read-only there', async () => {
  const h = await harness({ editPayload: (p) => (p.pull_request.head.repo.full_name = 'mallory/Hello-World') });
  try {
    h.fake.injectFault({ method: 'POST', status: 403, times: Infinity });
    const result = await publishResults(h.client, h.input(), h.log);
    assert.equal(result.warnings.length, 3);
    for (const warning of result.warnings)
      assert.match(warning, /fork the workflow GITHUB_TOKEN is read-only.*workflow_run/);
  } finally {
    await h.close();
  }
});

test('500, 502 and a secondary rate limit are retried and every write lands', async () => {
  const h = await harness();
  try {
    h.fake.injectFault({ method: 'POST', pathPattern: '/repos/{owner}/{repo}/statuses/{sha}', status: 500, times: 2 });
    h.fake.injectFault({ method: 'POST', pathPattern: '/repos/{owner}/{repo}/check-runs', status: 502 });
    h.fake.injectFault({ method: 'GET', pathPattern: COMMENTS_PATH, ...secondaryRateLimit(1) });
    h.fake.injectFault({ method: 'POST', pathPattern: COMMENTS_PATH, ...secondaryRateLimit(1) });
    const result = await publishResults(h.client, h.input(), h.log);
    assert.deepEqual(h.log.warnings, []);
    assert.ok('written' in result.status && 'written' in result.checkRun && 'written' in result.comment);
    assert.equal(h.fake.requestsFor('repos/create-commit-status').length, 3);
    assert.equal(h.fake.requestsFor('checks/create').length, 2);
    assert.deepEqual(
      h.fake.requestsFor('issues/create-comment').map((r) => r.status),
      [403, 201],
    );
    const repo = h.fake.state.repo(OWNER, REPO);
    assert.equal(repo.statuses.length, 1);
    assert.equal(repo.checkRuns.length, 1);
    assert.equal(repo.comments.length, 1);
  } finally {
    await h.close();
  }
});

test('a 5xx that outlasts the retries becomes a warning and the other writes still happen', async () => {
  const h = await harness();
  try {
    h.fake.injectFault({
      method: 'POST',
      pathPattern: '/repos/{owner}/{repo}/check-runs',
      status: 500,
      times: Infinity,
    });
    const result = await publishResults(h.client, h.input(), h.log);
    assert.ok('failed' in result.checkRun);
    // A create that may have landed is looked for before each new try, never retried blindly.
    assert.equal(h.fake.requestsFor('checks/create').length, 3);
    assert.equal(h.fake.requestsFor('checks/list-for-ref').length, 3);
    assert.match(h.log.warnings[0]!, /check run \(HTTP 500.*after retries/);
    assert.ok('written' in result.status && 'written' in result.comment);
  } finally {
    await h.close();
  }
});

test('outcomes map to status state and check conclusion (accepted, no-baseline, drift without fail-on-drift, error)', async () => {
  const h = await harness();
  try {
    const cases = [
      ['accepted', true, 'success', 'neutral', /accepted/],
      ['no-baseline', true, 'success', 'neutral', /No baseline yet/],
      ['drift', false, 'success', 'neutral', /not failing/],
      ['error', true, 'error', 'failure', /could not produce a verdict/],
    ] as const;
    for (const [outcome, failOnDrift, state, conclusion, description] of cases) {
      await publishResults(h.client, h.input({ outcome, failOnDrift, checkName: outcome }), h.log);
      const repo = h.fake.state.repo(OWNER, REPO);
      const status = repo.statuses.at(-1)!;
      assert.equal(status.context, `repro-check/${outcome}`);
      assert.equal(status.state, state);
      assert.match(status.description!, description);
      assert.ok(status.description!.length <= 140);
      assert.equal(repo.checkRuns.at(-1)!.conclusion, conclusion);
    }
    await publishResults(h.client, h.input({ headline: `${'drift in metric '.repeat(20)}end` }), h.log);
    const description = h.fake.state.repo(OWNER, REPO).statuses.at(-1)!.description!;
    assert.equal(description.length, 140);
    assert.ok(description.endsWith('…'));
    assert.deepEqual(h.fake.validationFailures(), []);
  } finally {
    await h.close();
  }
});

test('on push there is no PR comment; status and check go on the pushed commit', async () => {
  const h = await harness({ eventName: 'push' });
  try {
    const result = await publishResults(h.client, h.input({ outcome: 'pass' }), h.log);
    assert.deepEqual(result.comment, { skipped: 'not a pull request event (push)' });
    assert.equal(h.fake.requestsFor('issues/list-comments').length, 0);
    assert.equal(h.fake.state.repo(OWNER, REPO).statuses[0]!.sha, h.event.sha);
    assert.equal(h.fake.state.repo(OWNER, REPO).checkRuns[0]!.headSha, h.event.sha);
  } finally {
    await h.close();
  }
});

test('matrix comment keys (toJSON(matrix)) get one comment each, and a key cannot close the marker', async () => {
  const h = await harness();
  try {
    for (const key of [
      '{"os":"linux","seed":1}',
      '{"os":"linux","seed":2}',
      'evil --> <!-- repro-check:comment-key=repro -->',
    ]) {
      await publishResults(h.client, h.input({ commentKey: key, commentBody: `report for ${key}` }), h.log);
      await publishResults(h.client, h.input({ commentKey: key, commentBody: `second report for ${key}` }), h.log);
    }
    const comments = h.fake.state.repo(OWNER, REPO).comments;
    assert.equal(comments.length, 3);
    for (const comment of comments) {
      const marker = comment.body.split('\n')[0]!;
      assert.match(marker, /^<!-- repro-check:comment-key=[A-Za-z0-9%_.]+ -->$/);
    }
    assert.ok(comments.every((c) => c.body.includes('second report')));
  } finally {
    await h.close();
  }
});

test('an annotation update that fails keeps the check run and says how many annotations got through', async () => {
  const h = await harness();
  try {
    h.fake.injectFault({
      method: 'PATCH',
      pathPattern: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
      status: 422,
      body: { message: 'Validation Failed' },
    });
    const result = await publishResults(h.client, h.input({ annotations: annotations(120) }), h.log);
    assert.ok('written' in result.checkRun && result.checkRun.written.annotationsSent === 50);
    assert.equal(h.log.warnings.length, 1);
    assert.match(h.log.warnings[0]!, /HTTP 422.*50 of 120 annotations were attached/);
    assert.equal(h.fake.state.repo(OWNER, REPO).checkRuns[0]!.annotations.length, 50);
  } finally {
    await h.close();
  }
});

test('a primary rate limit resetting soon is waited for; a secondary one that never lifts becomes a warning', async () => {
  const h = await harness();
  try {
    const resetSoon = String(Math.ceil(Date.now() / 1000) + 1);
    h.fake.injectFault({
      method: 'POST',
      pathPattern: '/repos/{owner}/{repo}/statuses/{sha}',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': resetSoon },
      body: { message: 'API rate limit exceeded for installation ID 1.' },
    });
    h.fake.injectFault({
      method: 'POST',
      pathPattern: '/repos/{owner}/{repo}/check-runs',
      times: Infinity,
      ...secondaryRateLimit(1),
    });
    h.fake.injectFault({ method: 'GET', pathPattern: COMMENTS_PATH, status: 404 });
    const result = await publishResults(h.client, h.input(), h.log);
    assert.ok('written' in result.status);
    assert.equal(h.fake.requestsFor('repos/create-commit-status').length, 2);
    assert.ok('failed' in result.checkRun);
    // A rate-limit answer says the create did not land: the throttling plugin may retry it.
    assert.equal(h.fake.requestsFor('checks/create').length, 4, 'the first try and 3 retries');
    assert.match(
      h.log.warnings[0]!,
      /check run \(HTTP 403: You have exceeded a secondary rate limit.*rate limit held after retries/,
    );
    assert.match(
      h.log.warnings[1]!,
      /PR comment \(HTTP 404.*`pull-requests: write` \(GitHub answers 404 when the token may not see the resource\)/,
    );
  } finally {
    await h.close();
  }
});

test("an App token or a PAT without comment-author: the commit status's creator says who the token is (REST only), and the second run updates the first run's comment", async () => {
  for (const login of ['repro-app[bot]', 'alice']) {
    const h = await harness();
    try {
      // An App installation token writes as "<app-slug>[bot]" (and may not call GET /user); a PAT as its owner.
      h.fake.tokenLogins.set('ghs_workflow_token', login);
      // Someone pasted our marker earlier: never theirs to edit, whoever we are.
      h.fake.state.addComment(OWNER, REPO, 2, `${commentMarker('repro')}\ncopied by a person`, 'mallory');
      const first = await publishResults(h.client, h.input({ commentBody: 'first run' }), h.log);
      assert.ok(
        'written' in first.comment &&
          first.comment.written.action === 'created' &&
          first.comment.written.author === login,
      );
      const second = await publishResults(h.client, h.input({ commentBody: 'second run' }), h.log);
      assert.ok(
        'written' in second.comment && second.comment.written.action === 'updated',
        JSON.stringify(second.comment),
      );
      const comments = h.fake.state.repo(OWNER, REPO).comments;
      assert.deepEqual(
        comments.map((c) => [c.user.login, c.body.split('\n')[1]]),
        [
          ['mallory', 'copied by a person'],
          [login, 'second run'],
        ],
      );
      assert.ok(
        h.fake.requests.every((r) => r.path !== '/graphql' && r.path !== '/user'),
        'REST only, and no GET /user (refused to App tokens)',
      );
      assert.deepEqual(h.log.warnings, []);
      assert.deepEqual(h.fake.validationFailures(), []);
    } finally {
      await h.close();
    }
  }
});

test('an App token whose status write failed once (case 13): the oldest marked bot comment is ours, so three runs leave one comment, and a duplicate from an earlier fault is deleted', async () => {
  const h = await harness();
  try {
    h.fake.tokenLogins.set('ghs_workflow_token', 'acme-ci[bot]');
    h.fake.state.addComment(OWNER, REPO, 2, `${commentMarker('repro')}\ncopied by a person`, 'mallory');
    await publishResults(h.client, h.input({ commentBody: 'run 1' }), h.log);
    h.fake.injectFault({ pathPattern: /\/statuses\//, status: 403 });
    const second = await publishResults(h.client, h.input({ commentBody: 'run 2' }), h.log);
    assert.ok(
      'written' in second.comment && second.comment.written.action === 'updated',
      JSON.stringify(second.comment),
    );
    const identityWarnings = h.log.warnings.filter((w) => /comment-author/.test(w));
    assert.equal(identityWarnings.length, 1, h.log.warnings.join('\n'));
    assert.match(
      identityWarnings[0]!,
      /^Could not learn which identity github-token writes as .*the oldest marked PR comment by a bot account is taken as this job's/,
    );
    assert.deepEqual(
      [second.status, second.checkRun].map((w) => 'written' in w),
      [false, true],
      'the other writes are not held up',
    );
    const comments = () => h.fake.state.repo(OWNER, REPO).comments.map((c) => [c.user.login, c.body.split('\n')[1]]);
    assert.deepEqual(comments(), [
      ['mallory', 'copied by a person'],
      ['acme-ci[bot]', 'run 2'],
    ]);

    // An earlier version's fault left a second copy: the next run keeps the oldest and deletes it.
    h.fake.state.addComment(OWNER, REPO, 2, `${commentMarker('repro')}\nstale copy`, 'acme-ci[bot]');
    const third = await publishResults(h.client, h.input({ commentBody: 'run 3' }), h.log);
    assert.ok(
      'written' in third.comment &&
        third.comment.written.action === 'updated' &&
        third.comment.written.duplicatesDeleted === 1,
    );
    assert.deepEqual(comments(), [
      ['mallory', 'copied by a person'],
      ['acme-ci[bot]', 'run 3'],
    ]);
    assert.equal(h.fake.requestsFor('issues/create-comment').length, 1);
    assert.deepEqual(h.fake.validationFailures(), []);
  } finally {
    await h.close();
  }
});

test("a person's token (PAT) whose status write failed is named by GET /user, and a bot's comment with our marker is not taken for its own", async () => {
  const h = await harness();
  try {
    h.fake.tokenLogins.set('ghs_workflow_token', 'alice');
    h.fake.state.addComment(OWNER, REPO, 2, `${commentMarker('repro')}\nanother workflow's`, 'github-actions[bot]');
    await publishResults(h.client, h.input({ commentBody: 'run 1' }), h.log);
    h.fake.injectFault({ pathPattern: /\/statuses\//, status: 403 });
    const second = await publishResults(h.client, h.input({ commentBody: 'run 2' }), h.log);
    assert.ok(
      'written' in second.comment &&
        second.comment.written.action === 'updated' &&
        second.comment.written.author === 'alice',
    );
    assert.deepEqual(
      h.log.warnings.filter((w) => /comment-author/.test(w)),
      [],
    );
    assert.deepEqual(
      h.fake.state.repo(OWNER, REPO).comments.map((c) => [c.user.login, c.body.split('\n')[1]]),
      [
        ['github-actions[bot]', "another workflow's"],
        ['alice', 'run 2'],
      ],
    );
    assert.equal(h.fake.requestsFor('users/get-authenticated').length, 1, 'asked only when the status did not name it');
  } finally {
    await h.close();
  }
});

test('a check run whose create landed but whose answer was lost (502, case 16) is found by its external_id and updated, not created twice; a re-run attempt updates it too, without repeating its annotations', async () => {
  const h = await harness();
  try {
    h.fake.injectFault({ method: 'POST', pathPattern: '/repos/{owner}/{repo}/check-runs', status: 502, lands: true });
    const first = await publishResults(h.client, h.input({ outcome: 'drift', annotations: annotations(70) }), h.log);
    assert.deepEqual(h.log.warnings, []);
    const runs = h.fake.state.repo(OWNER, REPO).checkRuns;
    assert.equal(runs.length, 1);
    assert.equal(h.fake.requestsFor('checks/create').length, 1, 'the create is never retried blindly');
    assert.equal(runs[0]!.externalId, `repro-check:${h.event.runId}:${h.event.job}:repro-check`);
    assert.ok(
      'written' in first.checkRun &&
        first.checkRun.written.annotationsSent === 70 &&
        first.checkRun.written.id === runs[0]!.id,
    );
    assert.equal(runs[0]!.annotations.length, 70);

    const rerun = await publishResults(h.client, h.input({ outcome: 'pass', annotations: annotations(70) }), h.log);
    assert.ok('written' in rerun.checkRun && rerun.checkRun.written.id === runs[0]!.id);
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.conclusion, 'success', "the re-run's verdict replaces the first");
    assert.equal(runs[0]!.annotations.length, 70, 'annotations GitHub already holds are not appended again');
    // Another check name on the same commit is another check run.
    await publishResults(h.client, h.input({ checkName: 'repro-check-a100' }), h.log);
    assert.deepEqual(
      runs.map((r) => r.name),
      ['repro-check', 'repro-check-a100'],
    );
    assert.deepEqual(h.fake.validationFailures(), []);
  } finally {
    await h.close();
  }
});

test("a comment-author that is not the token's identity is named in a warning with the setting to fix, and never asked about", async () => {
  const h = await harness();
  try {
    h.fake.tokenLogins.set('ghs_workflow_token', 'repro-app[bot]');
    const first = await publishResults(
      h.client,
      h.input({ commentBody: 'first run', commentAuthorLogin: 'github-actions[bot]' }),
      h.log,
    );
    assert.ok('written' in first.comment && first.comment.written.author === 'repro-app[bot]');
    assert.deepEqual(
      h.log.warnings.filter((w) => /comment-author/.test(w)),
      [
        'The PR comment was written as "repro-app[bot]", but comment-author is "github-actions[bot]", so the next run will not find it and will add a new one. Set the input comment-author: repro-app[bot] (the identity of github-token), or leave it out to have it learned from the commit status.',
      ],
    );
    h.log.warnings.length = 0;
    // With the right setting, the second run finds and updates it.
    const second = await publishResults(
      h.client,
      h.input({ commentBody: 'second run', commentAuthorLogin: 'repro-app[bot]' }),
      h.log,
    );
    assert.ok('written' in second.comment && second.comment.written.action === 'updated');
    assert.deepEqual(h.log.warnings, []);
    assert.equal(h.fake.state.repo(OWNER, REPO).comments.length, 1);
  } finally {
    await h.close();
  }
});
