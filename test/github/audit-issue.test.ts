import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeGithub } from '../support/fake-github.ts';
import { createGithubClient } from '../../src/github/client.ts';
import {
  AUDIT_ISSUE_LABEL,
  publishAuditIssue,
  staleAuditWarning,
  type AuditIssueInput,
} from '../../src/github/audit-issue.ts';

const repo = { owner: 'octo', repo: 'models' };
const night = (day: number) => new Date(Date.UTC(2026, 10, day, 3, 17));

test('nightly audit issue: opened when the level drops, one comment per night while broken, closed with a comment when it is back', async () => {
  const fake = await startFakeGithub();
  try {
    const client = createGithubClient({ token: 't', baseUrl: fake.url, fastRetries: true });
    const input = (over: Partial<AuditIssueInput>): AuditIssueInput => ({
      repo,
      key: 'repro-check',
      reached: false,
      level: 'not reproducible',
      expect: 'numerical',
      commit: 'a'.repeat(40),
      report: '## audit report',
      runUrl: 'https://github.com/octo/models/actions/runs/1',
      now: night(1),
      ...over,
    });
    const state = () => fake.state.repo('octo', 'models');

    assert.deepEqual(await publishAuditIssue(client, input({ reached: true })), {
      action: 'none',
      number: null,
      reason: 'the level is reached and no audit issue is open',
    });
    const opened = await publishAuditIssue(client, input({}));
    assert.equal(opened.action, 'opened');
    const issue = state().issues[0]!;
    assert.deepEqual(issue.labels, [AUDIT_ISSUE_LABEL]);
    assert.match(issue.title, /reached not reproducible, expected numerical/);
    assert.match(issue.body!, /## audit report/);
    // A re-run the same night adds nothing; the next night comments; a re-run of that night does not.
    assert.equal((await publishAuditIssue(client, input({ now: new Date(Date.UTC(2026, 10, 1, 9)) }))).action, 'none');
    assert.equal((await publishAuditIssue(client, input({ now: night(2) }))).action, 'commented');
    assert.equal((await publishAuditIssue(client, input({ now: night(2) }))).action, 'none');
    assert.equal(state().comments.length, 1);
    assert.match(state().comments[0]!.body, /Still not reproducible on 2026-11-02/);
    // Another audit (another check name) keeps its own issue.
    assert.equal((await publishAuditIssue(client, input({ key: 'repro-check-a100', now: night(2) }))).action, 'opened');
    assert.equal(state().issues.length, 2);

    const closed = await publishAuditIssue(client, input({ reached: true, level: 'numerical', now: night(3) }));
    assert.deepEqual(closed, { action: 'closed', number: issue.number });
    assert.equal(issue.state, 'closed');
    assert.match(state().comments.at(-1)!.body, /Back to the numerical level on 2026-11-03; closing/);
    assert.equal(state().issues[1]!.state, 'open', "the other audit's issue stays open");
    // Broken again: a new issue, not the closed one reopened.
    assert.equal((await publishAuditIssue(client, input({ now: night(4) }))).action, 'opened');
    assert.deepEqual(fake.validationFailures(), []);
  } finally {
    await fake.close();
  }
});

test('a previous audit older than audit.max-age-days gives a warning naming the 60-day rule', async () => {
  const fake = await startFakeGithub();
  try {
    const client = createGithubClient({ token: 't', baseUrl: fake.url, fastRetries: true });
    const runs = fake.state.repo('octo', 'models').workflowRuns;
    const ask = (maxAgeDays: number) =>
      staleAuditWarning(
        client,
        {
          repo,
          workflowRef: 'octo/models/.github/workflows/nightly.yml@refs/heads/main',
          runId: '99',
          maxAgeDays,
          now: night(20),
        },
        { debug: () => undefined },
      );
    assert.match((await ask(2))!, /No earlier completed run of nightly\.yml/);
    runs.push({
      id: 99,
      workflow: 'nightly.yml',
      event: 'schedule',
      status: 'completed',
      conclusion: 'success',
      createdAt: night(20).toISOString(),
    });
    runs.push({
      id: 98,
      workflow: 'nightly.yml',
      event: 'schedule',
      status: 'completed',
      conclusion: 'success',
      createdAt: night(10).toISOString(),
    });
    runs.push({
      id: 50,
      workflow: 'other.yml',
      event: 'schedule',
      status: 'completed',
      conclusion: 'success',
      createdAt: night(19).toISOString(),
    });
    const stale = await ask(2);
    assert.match(stale!, /\(nightly\.yml, 2026-11-10\) is 10\.0 days old, more than audit\.max-age-days \(2\)/);
    assert.match(stale!, /60 days without repository activity/);
    assert.equal(await ask(11), null);
    assert.equal(
      await staleAuditWarning(
        client,
        { repo, workflowRef: undefined, runId: '99', maxAgeDays: 2, now: night(20) },
        { debug: () => undefined },
      ),
      null,
    );
    assert.deepEqual(fake.validationFailures(), []);
  } finally {
    await fake.close();
  }
});
