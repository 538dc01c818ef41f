import type { GithubClient } from './client.ts';
import type { Logger } from '../log.ts';

/**
 * The nightly audit's issue (DESIGN.md: "an issue opened, updated or closed"): one open issue
 * labelled `reproducibility` per audit (told apart by a hidden marker holding the check name)
 * while the level is below what `audit.expect` asks; one comment per night (UTC day) while it
 * stays broken, never two for one night (a re-run finds the night's marker); closed with a
 * comment when the level comes back.
 */
export const AUDIT_ISSUE_LABEL = 'reproducibility';

export interface AuditIssueInput {
  repo: { owner: string; repo: string };
  /** The audit's name (check-name): several audits (one per runner) keep apart issues. */
  key: string;
  reached: boolean;
  level: string;
  expect: string;
  commit: string;
  /** The audit report (markdown), the issue's body or the night's comment. */
  report: string;
  runUrl: string;
  /** Now; its UTC day is "the night". */
  now: Date;
}

export type AuditIssueAction =
  | { action: 'opened'; number: number }
  | { action: 'commented'; number: number }
  | { action: 'closed'; number: number }
  | { action: 'none'; number: number | null; reason: string };

const issueMarker = (key: string) => `<!-- repro-check:audit-issue ${JSON.stringify(key)} -->`;
const nightMarker = (day: string) => `<!-- repro-check:audit-night ${day} -->`;

/** Opens, comments on or closes the audit's issue. Throws what the GitHub client throws (the caller warns). */
export async function publishAuditIssue(client: GithubClient, input: AuditIssueInput): Promise<AuditIssueAction> {
  const { owner, repo } = input.repo;
  const day = input.now.toISOString().slice(0, 10);
  const marker = issueMarker(input.key);
  const open = await client.paginate(client.rest.issues.listForRepo, {
    owner,
    repo,
    state: 'open',
    labels: AUDIT_ISSUE_LABEL,
    per_page: 100,
  });
  const issue = open.find((i) => !i.pull_request && (i.body ?? '').includes(marker));
  const footer = `\n\n<sub>Commit ${input.commit.slice(0, 12)} · [audit run](${input.runUrl})</sub>\n${marker}\n${nightMarker(day)}\n`;

  if (!input.reached) {
    if (!issue) {
      const created = await client.rest.issues.create({
        owner,
        repo,
        title: `Reproducibility: ${input.key} reached ${input.level}, expected ${input.expect}`,
        labels: [AUDIT_ISSUE_LABEL],
        body: `The nightly determinism audit no longer reaches the ${input.expect} level (it reached ${input.level}, on ${day}). repro-check comments here each night while it stays so, and closes this issue when it is back.\n\n${input.report}${footer}`,
      });
      return { action: 'opened', number: created.data.number };
    }
    if ((issue.body ?? '').includes(nightMarker(day)))
      return { action: 'none', number: issue.number, reason: `issue #${issue.number} was opened tonight (${day})` };
    const comments = await client.paginate(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue.number,
      per_page: 100,
    });
    if (comments.some((c) => (c.body ?? '').includes(nightMarker(day))))
      return {
        action: 'none',
        number: issue.number,
        reason: `issue #${issue.number} already has tonight's (${day}) comment`,
      };
    await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: issue.number,
      body: `Still ${input.level} on ${day} (expected ${input.expect}).\n\n${input.report}${footer}`,
    });
    return { action: 'commented', number: issue.number };
  }
  if (!issue) return { action: 'none', number: null, reason: 'the level is reached and no audit issue is open' };
  await client.rest.issues.createComment({
    owner,
    repo,
    issue_number: issue.number,
    body: `Back to the ${input.level} level on ${day}; closing.\n\n${input.report}${footer}`,
  });
  await client.rest.issues.update({
    owner,
    repo,
    issue_number: issue.number,
    state: 'closed',
    state_reason: 'completed',
  });
  return { action: 'closed', number: issue.number };
}

/**
 * GitHub disables a scheduled workflow after 60 days without repository activity (public
 * repositories), and a failing runner skips nights silently: the audit warns when the previous
 * completed run of its own workflow is older than `maxAgeDays`. Returns the warning, or null.
 * `workflowRef` is GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/nightly.yml@refs/heads/main`).
 */
export async function staleAuditWarning(
  client: GithubClient,
  input: {
    repo: { owner: string; repo: string };
    workflowRef: string | undefined;
    runId: string | undefined;
    maxAgeDays: number;
    now: Date;
  },
  log: Pick<Logger, 'debug'>,
): Promise<string | null> {
  const file = /\/\.github\/workflows\/([^@/]+)@/.exec(input.workflowRef ?? '')?.[1];
  if (!file) {
    log.debug('GITHUB_WORKFLOW_REF names no workflow file: the age of the previous audit is not checked');
    return null;
  }
  const { data } = await client.rest.actions.listWorkflowRuns({
    ...input.repo,
    workflow_id: file,
    status: 'completed',
    per_page: 10,
  });
  const previous = data.workflow_runs
    .filter((r) => String(r.id) !== input.runId)
    .sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  if (!previous)
    return `No earlier completed run of ${file} is visible: this is the first audit, or earlier runs were deleted.`;
  const ageDays = (input.now.getTime() - Date.parse(previous.created_at)) / 86_400_000;
  if (ageDays <= input.maxAgeDays) return null;
  return `The previous completed audit (${file}, ${previous.created_at.slice(0, 10)}) is ${ageDays.toFixed(1)} days old, more than audit.max-age-days (${input.maxAgeDays}): nights were skipped. GitHub disables scheduled workflows after 60 days without repository activity in public repositories; check that the schedule is enabled (Actions tab) and the runner was online.`;
}
