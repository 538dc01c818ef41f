import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildEventContext, readEventContext } from '../../src/github/event.ts';
import { refuseUnsafeEvent } from '../../src/github/trust-policy.ts';
import { InputFileError } from '../../src/errors.ts';
import { runnerEnvironment, webhookExample } from './webhook-payloads.ts';

const noRisk = { allowForkPrs: false, allowPullRequestTarget: false };

test('pull_request opened: publishes on the head SHA, not the merge SHA the runner checked out', () => {
  const payload = webhookExample('pull_request', 'opened');
  const ctx = buildEventContext(runnerEnvironment('pull_request', payload), payload);
  assert.equal(ctx.eventName, 'pull_request');
  assert.deepEqual(ctx.repo, { owner: 'Codertocat', repo: 'Hello-World' });
  assert.equal(ctx.sha, 'feedfacefeedfacefeedfacefeedfacefeedface');
  assert.equal(ctx.headSha, payload.pull_request.head.sha);
  assert.equal(ctx.baseSha, payload.pull_request.base.sha);
  assert.equal(ctx.prNumber, 2);
  assert.equal(ctx.isForkPr, false);
  assert.equal(ctx.defaultBranch, 'master');
  assert.equal(ctx.ref, 'refs/pull/2/merge');
  assert.equal(ctx.runUrl, 'https://github.com/Codertocat/Hello-World/actions/runs/4242');
  assert.equal(ctx.job, 'repro');
  assert.equal(ctx.actor, 'Codertocat');
  assert.doesNotThrow(() => refuseUnsafeEvent(ctx, noRisk));
});

test('pull_request synchronize: labels on the PR are read from the payload', () => {
  const payload = webhookExample('pull_request', 'synchronize');
  const ctx = buildEventContext(runnerEnvironment('pull_request', payload), payload);
  assert.deepEqual(ctx.labels, ['bug']);
  assert.equal(ctx.headSha, payload.pull_request.head.sha);
});

test('push: head and sha are the pushed commit; no PR, no base', () => {
  const payload = webhookExample('push');
  const env = runnerEnvironment('push', payload, { GITHUB_RUN_ATTEMPT: '3' });
  const ctx = buildEventContext(env, payload);
  assert.equal(ctx.headSha, env['GITHUB_SHA']);
  assert.equal(ctx.baseSha, null);
  assert.equal(ctx.prNumber, null);
  assert.equal(ctx.isForkPr, false);
  assert.deepEqual(ctx.labels, []);
  assert.equal(ctx.runUrl, 'https://github.com/Codertocat/Hello-World/actions/runs/4242/attempts/3');
});

test('workflow_dispatch: default branch from the payload, ref from the runner', () => {
  const payload = webhookExample('workflow_dispatch');
  const ctx = buildEventContext(runnerEnvironment('workflow_dispatch', payload), payload);
  assert.equal(ctx.defaultBranch, 'main');
  assert.equal(ctx.ref, 'refs/heads/main');
  assert.equal(ctx.prNumber, null);
  assert.deepEqual(ctx.repo, { owner: 'octo-org', repo: 'octo-repo' });
});

test('the PR head branch comes from pull_request.head.ref, else GITHUB_HEAD_REF; none outside pull requests', () => {
  const payload = webhookExample('pull_request', 'opened');
  assert.equal(
    buildEventContext(runnerEnvironment('pull_request', payload), payload).headRef,
    payload.pull_request.head.ref,
  );
  delete payload.pull_request.head.ref;
  assert.equal(
    buildEventContext(runnerEnvironment('pull_request', payload, { GITHUB_HEAD_REF: 'feature/lr' }), payload).headRef,
    'feature/lr',
  );
  assert.equal(buildEventContext(runnerEnvironment('pull_request', payload), payload).headRef, null);
  const push = webhookExample('push');
  assert.equal(buildEventContext(runnerEnvironment('push', push, { GITHUB_HEAD_REF: '' }), push).headRef, null);
});

test('missing or malformed runner variables and payloads are errors naming what is wrong', async () => {
  const payload = webhookExample('pull_request', 'opened');
  const env = runnerEnvironment('pull_request', payload);
  assert.throws(
    () => buildEventContext({ ...env, GITHUB_REPOSITORY: undefined }, payload),
    /GITHUB_REPOSITORY is not set/,
  );
  assert.throws(() => buildEventContext({ ...env, GITHUB_REPOSITORY: 'just-a-name' }, payload), /expected owner\/repo/);
  assert.throws(() => buildEventContext({ ...env, GITHUB_SHA: '' }, payload), /GITHUB_SHA is not set/);
  assert.throws(
    () => buildEventContext(env, { action: 'opened' }),
    (e: unknown) => e instanceof InputFileError && /pull_request\.head\.sha/.test(e.message),
  );

  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-event-'));
  try {
    const file = path.join(dir, 'event.json');
    await writeFile(file, JSON.stringify(payload));
    const ctx = await readEventContext({ ...env, GITHUB_EVENT_PATH: file });
    assert.equal(ctx.headSha, payload.pull_request.head.sha);
    await writeFile(file, '{"truncated": ');
    await assert.rejects(
      readEventContext({ ...env, GITHUB_EVENT_PATH: file }),
      (e: unknown) => e instanceof InputFileError && e.message.startsWith(file) && /not JSON/.test(e.message),
    );
    await writeFile(file, '[1, 2]');
    await assert.rejects(readEventContext({ ...env, GITHUB_EVENT_PATH: file }), /not a JSON object/);
    await assert.rejects(
      readEventContext({ ...env, GITHUB_EVENT_PATH: path.join(dir, 'missing.json') }),
      /cannot read the event payload/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
