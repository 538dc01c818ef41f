import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/audit-issue.ts
init_define_REPRO_CHART_LIBRARY();
var AUDIT_ISSUE_LABEL = "reproducibility";
var issueMarker = (key) => `<!-- repro-check:audit-issue ${JSON.stringify(key)} -->`;
var nightMarker = (day) => `<!-- repro-check:audit-night ${day} -->`;
async function publishAuditIssue(client, input) {
  const { owner, repo } = input.repo;
  const day = input.now.toISOString().slice(0, 10);
  const marker = issueMarker(input.key);
  const open = await client.paginate(client.rest.issues.listForRepo, {
    owner,
    repo,
    state: "open",
    labels: AUDIT_ISSUE_LABEL,
    per_page: 100
  });
  const issue = open.find((i) => !i.pull_request && (i.body ?? "").includes(marker));
  const footer = `

<sub>Commit ${input.commit.slice(0, 12)} \xB7 [audit run](${input.runUrl})</sub>
${marker}
${nightMarker(day)}
`;
  if (!input.reached) {
    if (!issue) {
      const created = await client.rest.issues.create({
        owner,
        repo,
        title: `Reproducibility: ${input.key} reached ${input.level}, expected ${input.expect}`,
        labels: [AUDIT_ISSUE_LABEL],
        body: `The nightly determinism audit no longer reaches the ${input.expect} level (it reached ${input.level}, on ${day}). repro-check comments here each night while it stays so, and closes this issue when it is back.

${input.report}${footer}`
      });
      return { action: "opened", number: created.data.number };
    }
    if ((issue.body ?? "").includes(nightMarker(day)))
      return { action: "none", number: issue.number, reason: `issue #${issue.number} was opened tonight (${day})` };
    const comments = await client.paginate(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issue.number,
      per_page: 100
    });
    if (comments.some((c) => (c.body ?? "").includes(nightMarker(day))))
      return {
        action: "none",
        number: issue.number,
        reason: `issue #${issue.number} already has tonight's (${day}) comment`
      };
    await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: issue.number,
      body: `Still ${input.level} on ${day} (expected ${input.expect}).

${input.report}${footer}`
    });
    return { action: "commented", number: issue.number };
  }
  if (!issue) return { action: "none", number: null, reason: "the level is reached and no audit issue is open" };
  await client.rest.issues.createComment({
    owner,
    repo,
    issue_number: issue.number,
    body: `Back to the ${input.level} level on ${day}; closing.

${input.report}${footer}`
  });
  await client.rest.issues.update({
    owner,
    repo,
    issue_number: issue.number,
    state: "closed",
    state_reason: "completed"
  });
  return { action: "closed", number: issue.number };
}
async function staleAuditWarning(client, input, log) {
  const file = /\/\.github\/workflows\/([^@/]+)@/.exec(input.workflowRef ?? "")?.[1];
  if (!file) {
    log.debug("GITHUB_WORKFLOW_REF names no workflow file: the age of the previous audit is not checked");
    return null;
  }
  const { data } = await client.rest.actions.listWorkflowRuns({
    ...input.repo,
    workflow_id: file,
    status: "completed",
    per_page: 10
  });
  const previous = data.workflow_runs.filter((r) => String(r.id) !== input.runId).sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
  if (!previous)
    return `No earlier completed run of ${file} is visible: this is the first audit, or earlier runs were deleted.`;
  const ageDays = (input.now.getTime() - Date.parse(previous.created_at)) / 864e5;
  if (ageDays <= input.maxAgeDays) return null;
  return `The previous completed audit (${file}, ${previous.created_at.slice(0, 10)}) is ${ageDays.toFixed(1)} days old, more than audit.max-age-days (${input.maxAgeDays}): nights were skipped. GitHub disables scheduled workflows after 60 days without repository activity in public repositories; check that the schedule is enabled (Actions tab) and the runner was online.`;
}
export {
  AUDIT_ISSUE_LABEL,
  publishAuditIssue,
  staleAuditWarning
};
