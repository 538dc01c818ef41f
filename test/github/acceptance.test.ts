import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.ts';
import { createGithubClient, type GithubClient } from '../../src/github/client.ts';
import { findDriftAcceptance } from '../../src/github/acceptance.ts';
import { DEFAULT_ACCEPT_LABEL } from '../../src/settings/schema.ts';

const OWNER = 'octo';
const REPO = 'models';
const PR = 7;
const LABEL = DEFAULT_ACCEPT_LABEL;

interface Harness {
  fake: FakeGithub;
  client: GithubClient;
  infos: string[];
  warnings: string[];
  find(label?: string): ReturnType<typeof findDriftAcceptance>;
}

async function withFake(body: (h: Harness) => Promise<void>): Promise<void> {
  const fake = await startFakeGithub();
  try {
    fake.state.addPull(OWNER, REPO, { number: PR });
    const permissions = fake.state.repo(OWNER, REPO).permissions;
    permissions.set('maya-maintainer', 'maintain');
    permissions.set('wes-writer', 'write');
    permissions.set('ada-admin', 'admin');
    permissions.set('rita-reader', 'read');
    permissions.set('tom-triage', 'triage');
    const client = createGithubClient({
      token: 'ghs_workflow',
      baseUrl: fake.url,
      fastRetries: true,
      maxRetries: 2,
      requestTimeoutMs: 5000,
    });
    const infos: string[] = [];
    const warnings: string[] = [];
    const log = { info: (m: string) => infos.push(m), warning: (m: string) => warnings.push(m) };
    await body({
      fake,
      client,
      infos,
      warnings,
      find: (label = LABEL) => findDriftAcceptance(client, { owner: OWNER, repo: REPO, prNumber: PR, label }, log),
    });
    assert.deepEqual(fake.validationFailures(), []);
  } finally {
    await fake.close();
  }
}

test('a label put on by someone with write, maintain or admin access accepts the drift, naming who and when', async () => {
  for (const login of ['wes-writer', 'maya-maintainer', 'ada-admin']) {
    await withFake(async (h) => {
      const at = new Date('2025-03-04T05:06:07Z');
      h.fake.state.addLabel(OWNER, REPO, PR, LABEL, login, at);
      assert.deepEqual(await h.find(), { acceptedBy: login, acceptedAt: at.toISOString() });
      assert.deepEqual(h.warnings, []);
      assert.match(h.infos.join('\n'), new RegExp(`added by @${login}`));
    });
  }
});

test('no accept label on the PR: no acceptance, nothing logged, and no events or permissions read', async () => {
  await withFake(async (h) => {
    h.fake.state.addLabel(OWNER, REPO, PR, 'enhancement', 'wes-writer');
    assert.equal(await h.find(), null);
    assert.deepEqual([...h.infos, ...h.warnings], []);
    assert.equal(h.fake.requestsFor('issues/list-events').length, 0);
    assert.equal(h.fake.requestsFor('repos/get-collaborator-permission-level').length, 0);
  });
});

test('a label put on by someone without write access is ignored, with a reason naming them and their permission', async () => {
  for (const [login, shown] of [
    ['rita-reader', 'read'],
    ['tom-triage', 'read'],
    ['drive-by', 'none'],
    ['labeler[bot]', 'none'],
  ] as const) {
    await withFake(async (h) => {
      h.fake.state.addLabel(OWNER, REPO, PR, LABEL, login);
      assert.equal(await h.find(), null);
      assert.equal(h.infos.length, 1);
      assert.match(h.infos[0]!, new RegExp(`@${login.replace(/[[\]]/g, '\\$&')}, whose permission is "${shown}"`));
      assert.deepEqual(h.warnings, []);
    });
  }
});

test('only the most recent labeled event counts', async () => {
  await withFake(async (h) => {
    // A maintainer accepted, the label came off, and a reader put it back: not accepted.
    h.fake.state.addLabel(OWNER, REPO, PR, LABEL, 'maya-maintainer', new Date('2025-01-01T00:00:00Z'));
    h.fake.state.removeLabel(h.fake.state.repo(OWNER, REPO), PR, LABEL, 'rita-reader');
    h.fake.state.addLabel(OWNER, REPO, PR, LABEL, 'rita-reader', new Date('2025-01-02T00:00:00Z'));
    assert.equal(await h.find(), null);
    assert.match(h.infos.join('\n'), /@rita-reader/);
  });
  await withFake(async (h) => {
    // The other way round: the reader's label was taken off and a writer put it on again.
    h.fake.state.addLabel(OWNER, REPO, PR, LABEL, 'rita-reader', new Date('2025-01-01T00:00:00Z'));
    h.fake.state.removeLabel(h.fake.state.repo(OWNER, REPO), PR, LABEL, 'wes-writer');
    h.fake.state.addLabel(OWNER, REPO, PR, LABEL, 'wes-writer', new Date('2025-01-02T00:00:00Z'));
    assert.deepEqual(await h.find(), { acceptedBy: 'wes-writer', acceptedAt: '2025-01-02T00:00:00.000Z' });
  });
});

test('labels match case-insensitively (GitHub label names are unique regardless of case) and a configured label is honoured', async () => {
  await withFake(async (h) => {
    h.fake.state.addLabel(OWNER, REPO, PR, 'Numerics-Change', 'wes-writer');
    assert.equal(await h.find(), null);
    assert.equal((await h.find('numerics-change'))?.acceptedBy, 'wes-writer');
  });
});

test('the labeled event is found past the first page of events', async () => {
  await withFake(async (h) => {
    h.fake.state.addLabel(OWNER, REPO, PR, LABEL, 'wes-writer', new Date('2025-01-01T00:00:00Z'));
    for (let i = 0; i < 130; i += 1) h.fake.state.addLabel(OWNER, REPO, PR, `area-${i}`, 'rita-reader');
    assert.equal((await h.find())?.acceptedBy, 'wes-writer');
    assert.ok(h.fake.requestsFor('issues/list-events').length >= 2, 'read more than one page');
  });
});

test('an API failure gives no acceptance and a warning naming the HTTP status and the permission', async () => {
  await withFake(async (h) => {
    h.fake.state.addLabel(OWNER, REPO, PR, LABEL, 'wes-writer');
    h.fake.injectFault({
      method: 'GET',
      pathPattern: '/repos/{owner}/{repo}/issues/{issue_number}/events',
      status: 403,
    });
    assert.equal(await h.find(), null);
    assert.equal(h.warnings.length, 1);
    assert.match(h.warnings[0]!, /HTTP 403/);
    assert.match(h.warnings[0]!, /pull-requests: read/);
  });
  await withFake(async (h) => {
    h.fake.state.addLabel(OWNER, REPO, PR, LABEL, 'wes-writer');
    h.fake.injectFault({
      method: 'GET',
      pathPattern: '/repos/{owner}/{repo}/collaborators/{username}/permission',
      status: 502,
      times: Infinity,
    });
    assert.equal(await h.find(), null);
    assert.match(h.warnings.join('\n'), /Could not read @wes-writer's permission .*HTTP 502/);
  });
});
