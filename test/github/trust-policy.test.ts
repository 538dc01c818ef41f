import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEventContext } from '../../src/github/event.ts';
import { eventForTrainedCommit, refuseUnsafeEvent } from '../../src/github/trust-policy.ts';
import { ReproError } from '../../src/errors.ts';
import { runnerEnvironment, webhookExample } from './webhook-payloads.ts';

const noRisk = { allowForkPrs: false, allowPullRequestTarget: false };

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
  assert.throws(
    () => refuseUnsafeEvent(ctx, noRisk),
    (error: unknown) =>
      error instanceof ReproError && /secrets/.test(error.message) && /workflow_run/.test(error.hint!),
  );
  assert.throws(() => refuseUnsafeEvent(ctx, { ...noRisk, checkedOutSha: ctx.headSha }), /pull_request_target/);
  assert.doesNotThrow(() => refuseUnsafeEvent(ctx, { ...noRisk, checkedOutSha: ctx.sha }));
  assert.doesNotThrow(() => refuseUnsafeEvent(ctx, { ...noRisk, allowPullRequestTarget: true }));
});

test('pull_request_target on the base checkout reports the commit it trained, never the PR head', () => {
  const payload = webhookExample('pull_request', 'opened');
  const ctx = buildEventContext(
    runnerEnvironment('pull_request_target', payload, { GITHUB_SHA: payload.pull_request.base.sha }),
    payload,
  );
  const { event, note } = eventForTrainedCommit(ctx, { sha: ctx.sha, parents: ['0'.repeat(40)] });
  assert.equal(event.headSha, payload.pull_request.base.sha, 'statuses and checks go on the trained commit');
  assert.equal(event.prNumber, null, 'no PR comment, no base-commit compare');
  assert.equal(event.baseSha, null);
  assert.equal(event.headRef, null, 'the PR branch was not trained: its name is not recorded');
  assert.match(
    note ?? '',
    new RegExp(`holds ${ctx.sha} \\(the base branch.*\\), not pull request #${ctx.prNumber}'s head ${ctx.headSha}`),
  );
  // Some other commit (a ref the workflow chose) is reported as itself too, and the note does not call it the base.
  const other = eventForTrainedCommit(ctx, { sha: 'a'.repeat(40), parents: [ctx.sha] });
  assert.equal(other.event.headSha, 'a'.repeat(40));
  assert.equal(other.event.prNumber, null);
  assert.match(other.note ?? '', /neither the pull request's head nor its merge commit/);
  // A run allowed to train the PR head, or GitHub's merge commit of it (the PR's code ran, as on
  // pull_request), and ordinary pull_request runs, are left as they are.
  assert.deepEqual(eventForTrainedCommit(ctx, { sha: ctx.headSha, parents: [] }), { event: ctx, note: null });
  assert.deepEqual(eventForTrainedCommit(ctx, { sha: 'b'.repeat(40), parents: [ctx.sha, ctx.headSha] }), {
    event: ctx,
    note: null,
  });
  const plain = buildEventContext(runnerEnvironment('pull_request', payload), payload);
  assert.deepEqual(eventForTrainedCommit(plain, { sha: plain.sha, parents: [] }), { event: plain, note: null });
});
