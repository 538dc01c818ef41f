// The fake GitHub server's own promises: it refuses what GitHub's description refuses, pages
// like GitHub, and its faults fire as configured. Other tests rely on these.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGithub } from '../support/fake-github.ts';
import { createGithubClient } from '../../src/github/client.ts';

test('unknown paths answer 404 and invalid bodies or queries 422, each recorded as a validation failure', async () => {
  const fake = await startFakeGithub();
  try {
    const client = createGithubClient({ token: 't', baseUrl: fake.url, fastRetries: true });
    fake.state.addPull('o', 'r', { number: 1 });
    // Deliberately wrong requests, past Octokit's types.
    const untypedRequest = client.request as (route: string, parameters: Record<string, unknown>) => Promise<unknown>;
    await assert.rejects(
      client.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: 'o', repo: 'r' }),
      (e: any) => e.status === 404 && /not in GitHub's OpenAPI description/.test(e.message),
    );
    await assert.rejects(
      untypedRequest('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: 'o',
        repo: 'r',
        issue_number: 1,
        text: 'wrong field',
      }),
      (e: any) => e.status === 422,
    );
    await assert.rejects(
      client.rest.checks.create({
        owner: 'o',
        repo: 'r',
        name: 'x',
        head_sha: 'a',
        output: { title: 't', summary: 'x'.repeat(65_536) },
      }),
      (e: any) => e.status === 422 && /maxLength|more than 65535/.test(e.message),
    );
    await assert.rejects(
      untypedRequest('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: 'o',
        repo: 'r',
        issue_number: 1,
        per_page: 'many',
      }),
      (e: any) => e.status === 422,
    );
    const failures = fake.validationFailures();
    assert.equal(failures.length, 4);
    assert.match(failures[0]!, /^GET \/repos\/o\/r\/no-such-thing: no such path/);
    assert.match(failures[1]!, /body: must have required property 'body'/);
    assert.match(failures[3]!, /query\/per_page: must be integer/);
  } finally {
    await fake.close();
  }
});

test('lists page with per_page/page and Link headers, and writes are authored by the token owner', async () => {
  const fake = await startFakeGithub({ tokenLogins: { 'pat-alice': 'alice' } });
  try {
    fake.state.addPull('o', 'r', { number: 5 });
    const bot = createGithubClient({ token: 'ghs_x', baseUrl: fake.url, fastRetries: true });
    const alice = createGithubClient({ token: 'pat-alice', baseUrl: fake.url, fastRetries: true });
    for (let i = 0; i < 7; i += 1)
      await (i % 2 ? alice : bot).rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 5, body: `c${i}` });
    const page2 = await bot.rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 5, per_page: 3, page: 2 });
    assert.deepEqual(
      page2.data.map((c) => c.body),
      ['c3', 'c4', 'c5'],
    );
    assert.match(
      page2.headers.link!,
      /[?&]page=3>; rel="next".*page=3>; rel="last".*page=1>; rel="first".*page=1>; rel="prev"/,
    );
    assert.deepEqual(
      page2.data.map((c) => c.user!.login),
      ['alice', 'github-actions[bot]', 'alice'],
    );
    const all = await bot.paginate(bot.rest.issues.listComments, {
      owner: 'o',
      repo: 'r',
      issue_number: 5,
      per_page: 2,
    });
    assert.equal(all.length, 7);
    // Only the author may edit a comment, as with the workflow token on GitHub.
    await assert.rejects(
      bot.rest.issues.updateComment({ owner: 'o', repo: 'r', comment_id: all[1]!.id, body: 'x' }),
      (e: any) => e.status === 403,
    );
    await assert.rejects(
      bot.rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 99 }),
      (e: any) => e.status === 404,
    );
  } finally {
    await fake.close();
  }
});

test('faults match by method and templated path, count down, and can let the write land first', async () => {
  const fake = await startFakeGithub();
  try {
    const client = createGithubClient({ token: 't', baseUrl: fake.url, fastRetries: true, maxRetries: 0 });
    fake.injectFault({
      method: 'POST',
      pathPattern: '/repos/{owner}/{repo}/statuses/{sha}',
      status: 409,
      times: 2,
      body: { message: 'busy' },
    });
    const post = () => client.rest.repos.createCommitStatus({ owner: 'o', repo: 'r', sha: 'abc', state: 'success' });
    await assert.rejects(post(), (e: any) => e.status === 409 && e.message.startsWith('busy'));
    await assert.rejects(post(), (e: any) => e.status === 409);
    await post();
    fake.injectFault({ pathPattern: /statuses/, status: 502, lands: true });
    await assert.rejects(post(), (e: any) => e.status === 502);
    assert.equal(fake.state.repo('o', 'r').statuses.length, 2);
    assert.deepEqual(
      fake.requests.map((r) => [r.status, r.faulted]),
      [
        [409, true],
        [409, true],
        [201, false],
        [502, true],
      ],
    );
  } finally {
    await fake.close();
  }
});

test('contents API: create, conflict on a stale sha (409), missing sha (422), and refs move only forward', async () => {
  const fake = await startFakeGithub();
  try {
    const client = createGithubClient({ token: 't', baseUrl: fake.url, fastRetries: true });
    const where = { owner: 'o', repo: 'r', path: '.repro/baseline.json' };
    const created = await client.rest.repos.createOrUpdateFileContents({
      ...where,
      message: 'add',
      content: Buffer.from('{"v":1}').toString('base64'),
      branch: 'main',
    });
    const got = await client.rest.repos.getContent({ ...where, ref: 'main' });
    assert.ok(!Array.isArray(got.data) && got.data.type === 'file');
    assert.equal(Buffer.from((got.data as { content: string }).content, 'base64').toString(), '{"v":1}');
    await assert.rejects(
      client.rest.repos.createOrUpdateFileContents({ ...where, message: 'again', content: 'e30=', branch: 'main' }),
      (e: any) => e.status === 422,
    );
    await assert.rejects(
      client.rest.repos.createOrUpdateFileContents({
        ...where,
        message: 'stale',
        content: 'e30=',
        sha: 'f'.repeat(40),
        branch: 'main',
      }),
      (e: any) => e.status === 409,
    );
    await client.rest.repos.createOrUpdateFileContents({
      ...where,
      message: 'update',
      content: 'e30=',
      sha: created.data.content!.sha!,
      branch: 'main',
    });

    const main = await client.rest.git.getRef({ owner: 'o', repo: 'r', ref: 'heads/main' });
    await client.rest.git.createRef({
      owner: 'o',
      repo: 'r',
      ref: 'refs/heads/repro-baseline',
      sha: created.data.commit.sha!,
    });
    await assert.rejects(
      client.rest.git.createRef({ owner: 'o', repo: 'r', ref: 'refs/heads/repro-baseline', sha: main.data.object.sha }),
      (e: any) => e.status === 422,
    );
    await client.rest.git.updateRef({ owner: 'o', repo: 'r', ref: 'heads/repro-baseline', sha: main.data.object.sha });
    await assert.rejects(
      client.rest.git.updateRef({ owner: 'o', repo: 'r', ref: 'heads/main', sha: created.data.commit.sha! }),
      (e: any) => /fast forward/.test(e.message),
    );
    await client.rest.git.updateRef({
      owner: 'o',
      repo: 'r',
      ref: 'heads/main',
      sha: created.data.commit.sha!,
      force: true,
    });
    assert.deepEqual(fake.validationFailures(), []);
  } finally {
    await fake.close();
  }
});
