import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildEventContext, eventForTrainedCommit, readEventContext, refuseUnsafeEvent } from '../../src/github/event.ts';
import { InputFileError, ReproError } from '../../src/errors.ts';
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

test('a fork PR is refused unless allowed, and the message names the job-level guard and workflow_run', () => {
  // The examples hold no fork PR: this is the real opened payload with head.repo edited to a fork.
  const payload = webhookExample('pull_request', 'opened');
  payload.pull_request.head.repo.full_name = 'mallory/Hello-World';
  const ctx = buildEventContext(runnerEnvironment('pull_request', payload), payload);
  assert.equal(ctx.isForkPr, true);
  assert.equal(ctx.headRepoFullName, 'mallory/Hello-World');
  assert.throws(
    () => refuseUnsafeEvent(ctx, noRisk),
    (error: unknown) =>
      error instanceof ReproError &&
      error.message.includes('mallory/Hello-World') &&
      error.hint!.includes('github.event.pull_request.head.repo.full_name == github.repository') &&
      error.hint!.includes('workflow_run'),
  );
  assert.doesNotThrow(() => refuseUnsafeEvent(ctx, { ...noRisk, allowForkPrs: true }));
});

test('a PR whose head repository was deleted counts as a fork', () => {
  const payload = webhookExample('pull_request', 'opened');
  payload.pull_request.head.repo = null;
  const ctx = buildEventContext(runnerEnvironment('pull_request', payload), payload);
  assert.equal(ctx.isForkPr, true);
  assert.throws(() => refuseUnsafeEvent(ctx, noRisk), /deleted fork/);
});

test('pull_request_target is refused unless allowed or the workspace holds the trusted base commit', () => {
  // pull_request_target sends the same payload as pull_request (the examples have no separate file).
  const payload = webhookExample('pull_request', 'opened');
  const env = runnerEnvironment('pull_request_target', payload, { GITHUB_SHA: payload.pull_request.base.sha });
  const ctx = buildEventContext(env, payload);
  assert.equal(ctx.headSha, payload.pull_request.head.sha);
  assert.throws(() => refuseUnsafeEvent(ctx, noRisk), (error: unknown) => error instanceof ReproError && /secrets/.test(error.message) && /workflow_run/.test(error.hint!));
  assert.throws(() => refuseUnsafeEvent(ctx, { ...noRisk, checkedOutSha: ctx.headSha }), /pull_request_target/);
  assert.doesNotThrow(() => refuseUnsafeEvent(ctx, { ...noRisk, checkedOutSha: ctx.sha }));
  assert.doesNotThrow(() => refuseUnsafeEvent(ctx, { ...noRisk, allowPullRequestTarget: true }));
});

test('pull_request_target on the base checkout reports the commit it trained, never the PR head', () => {
  const payload = webhookExample('pull_request', 'opened');
  const ctx = buildEventContext(runnerEnvironment('pull_request_target', payload, { GITHUB_SHA: payload.pull_request.base.sha }), payload);
  const { event, note } = eventForTrainedCommit(ctx, { sha: ctx.sha, parents: ['0'.repeat(40)] });
  assert.equal(event.headSha, payload.pull_request.base.sha, 'statuses and checks go on the trained commit');
  assert.equal(event.prNumber, null, 'no PR comment, no base-commit compare');
  assert.equal(event.baseSha, null);
  assert.equal(event.headRef, null, 'the PR branch was not trained: its name is not recorded');
  assert.match(note ?? '', new RegExp(`holds ${ctx.sha} \\(the base branch.*\\), not pull request #${ctx.prNumber}'s head ${ctx.headSha}`));
  // Some other commit (a ref the workflow chose) is reported as itself too, and the note does not call it the base.
  const other = eventForTrainedCommit(ctx, { sha: 'a'.repeat(40), parents: [ctx.sha] });
  assert.equal(other.event.headSha, 'a'.repeat(40));
  assert.equal(other.event.prNumber, null);
  assert.match(other.note ?? '', /neither the pull request's head nor its merge commit/);
  // A run allowed to train the PR head, or GitHub's merge commit of it (the PR's code ran, as on
  // pull_request), and ordinary pull_request runs, are left as they are.
  assert.deepEqual(eventForTrainedCommit(ctx, { sha: ctx.headSha, parents: [] }), { event: ctx, note: null });
  assert.deepEqual(eventForTrainedCommit(ctx, { sha: 'b'.repeat(40), parents: [ctx.sha, ctx.headSha] }), { event: ctx, note: null });
  const plain = buildEventContext(runnerEnvironment('pull_request', payload), payload);
  assert.deepEqual(eventForTrainedCommit(plain, { sha: plain.sha, parents: [] }), { event: plain, note: null });
});

test('the PR head branch comes from pull_request.head.ref, else GITHUB_HEAD_REF; none outside pull requests', () => {
  const payload = webhookExample('pull_request', 'opened');
  assert.equal(buildEventContext(runnerEnvironment('pull_request', payload), payload).headRef, payload.pull_request.head.ref);
  delete payload.pull_request.head.ref;
  assert.equal(buildEventContext(runnerEnvironment('pull_request', payload, { GITHUB_HEAD_REF: 'feature/lr' }), payload).headRef, 'feature/lr');
  assert.equal(buildEventContext(runnerEnvironment('pull_request', payload), payload).headRef, null);
  const push = webhookExample('push');
  assert.equal(buildEventContext(runnerEnvironment('push', push, { GITHUB_HEAD_REF: '' }), push).headRef, null);
});

test('missing or malformed runner variables and payloads are errors naming what is wrong', async () => {
  const payload = webhookExample('pull_request', 'opened');
  const env = runnerEnvironment('pull_request', payload);
  assert.throws(() => buildEventContext({ ...env, GITHUB_REPOSITORY: undefined }, payload), /GITHUB_REPOSITORY is not set/);
  assert.throws(() => buildEventContext({ ...env, GITHUB_REPOSITORY: 'just-a-name' }, payload), /expected owner\/repo/);
  assert.throws(() => buildEventContext({ ...env, GITHUB_SHA: '' }, payload), /GITHUB_SHA is not set/);
  assert.throws(() => buildEventContext(env, { action: 'opened' }), (e: unknown) => e instanceof InputFileError && /pull_request\.head\.sha/.test(e.message));

  const dir = await mkdtemp(path.join(os.tmpdir(), 'repro-event-'));
  try {
    const file = path.join(dir, 'event.json');
    await writeFile(file, JSON.stringify(payload));
    const ctx = await readEventContext({ ...env, GITHUB_EVENT_PATH: file });
    assert.equal(ctx.headSha, payload.pull_request.head.sha);
    await writeFile(file, '{"truncated": ');
    await assert.rejects(readEventContext({ ...env, GITHUB_EVENT_PATH: file }), (e: unknown) => e instanceof InputFileError && e.message.startsWith(file) && /not JSON/.test(e.message));
    await writeFile(file, '[1, 2]');
    await assert.rejects(readEventContext({ ...env, GITHUB_EVENT_PATH: file }), /not a JSON object/);
    await assert.rejects(readEventContext({ ...env, GITHUB_EVENT_PATH: path.join(dir, 'missing.json') }), /cannot read the event payload/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
