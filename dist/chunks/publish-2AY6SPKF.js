import { createRequire as __reproCreateRequire } from 'node:module'; const require = __reproCreateRequire(import.meta.url);
import {
  CHECK_SUMMARY_LIMIT,
  CHECK_TITLE_LIMIT,
  COMMENT_BODY_LIMIT,
  fitLine,
  fitMarkdown,
  postCommitStatus
} from "./chunk-M6BU56FM.js";
import {
  describeWriteFailure,
  isTransient
} from "./chunk-5LN7IIUD.js";
import "./chunk-GFWGNPAP.js";

// src/github/check-run.ts
var ANNOTATIONS_PER_REQUEST = 50;
var ANNOTATION_MESSAGE_LIMIT = 64 * 1024;
function toAnnotationPayload(annotation) {
  return {
    path: annotation.path,
    start_line: annotation.startLine,
    // GitHub rejects a range that ends before it starts.
    end_line: Math.max(annotation.endLine, annotation.startLine),
    annotation_level: annotation.level,
    title: fitLine(annotation.title, CHECK_TITLE_LIMIT),
    message: fitMarkdown(annotation.message, ANNOTATION_MESSAGE_LIMIT, "(truncated)")
  };
}
function batches(items, size) {
  const result = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
async function publishCheckRun(client, content) {
  const output = {
    title: fitLine(content.title, CHECK_TITLE_LIMIT),
    summary: fitMarkdown(content.summary, CHECK_SUMMARY_LIMIT, "> \u2702\uFE0F **Report truncated** to fit the check run's size limit; the full report is in the job summary and the run's artifact.")
  };
  const [first = [], ...rest] = batches(content.annotations.map(toAnnotationPayload), ANNOTATIONS_PER_REQUEST);
  const created = await client.rest.checks.create({
    owner: content.repo.owner,
    repo: content.repo.repo,
    name: content.name,
    head_sha: content.headSha,
    status: "completed",
    conclusion: content.conclusion,
    details_url: content.detailsUrl,
    external_id: content.externalId,
    output: first.length > 0 ? { ...output, annotations: first } : output
  });
  const result = { id: created.data.id, url: created.data.html_url ?? "", annotationsSent: first.length };
  for (const batch of rest) {
    try {
      await client.rest.checks.update({ owner: content.repo.owner, repo: content.repo.repo, check_run_id: result.id, output: { ...output, annotations: batch } });
      result.annotationsSent += batch.length;
    } catch (error) {
      result.annotationError = error;
      break;
    }
  }
  return result;
}

// src/github/comment.ts
var CREATE_ATTEMPTS = 3;
function commentMarker(commentKey) {
  const safeKey = encodeURIComponent(commentKey).replace(/[-!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `<!-- repro-check:comment-key=${safeKey} -->`;
}
function stickyCommentBody(commentKey, body) {
  const marker = `${commentMarker(commentKey)}
`;
  return marker + fitMarkdown(body, COMMENT_BODY_LIMIT - marker.length, "> \u2702\uFE0F **Report truncated** to fit GitHub's comment size limit; the full report is in the job summary and the run's artifact.");
}
function isOwnStickyComment(comment, marker, authorLogin) {
  const login = comment.user?.login;
  return login !== void 0 && login.toLowerCase() === authorLogin.toLowerCase() && (comment.body ?? "").split("\n")[0] === marker;
}
async function upsertStickyComment(client, target, body, debug) {
  const marker = commentMarker(target.commentKey);
  const fullBody = stickyCommentBody(target.commentKey, body);
  const where = { owner: target.repo.owner, repo: target.repo.repo, issue_number: target.issueNumber };
  let lastError;
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt += 1) {
    const comments = await client.paginate(client.rest.issues.listComments, { ...where, per_page: 100 });
    const marked = comments.filter((comment) => (comment.body ?? "").split("\n")[0] === marker);
    const authorLogin = marked.length > 0 ? await target.authorLogin() : null;
    const own = authorLogin === null ? [] : marked.filter((comment) => isOwnStickyComment(comment, marker, authorLogin));
    const existing = own[0];
    if (own.length > 1) debug(`${own.length} comments carry the marker for "${target.commentKey}"; updating the oldest (${existing.id}) only.`);
    if (existing) {
      if (existing.body === fullBody) return { action: "unchanged", id: existing.id, url: existing.html_url, author: existing.user?.login ?? null };
      const updated = await client.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: existing.id, body: fullBody });
      return { action: "updated", id: updated.data.id, url: updated.data.html_url, author: updated.data.user?.login ?? null };
    }
    try {
      const created = await client.rest.issues.createComment({ ...where, body: fullBody, request: { retries: 0 } });
      return { action: "created", id: created.data.id, url: created.data.html_url, author: created.data.user?.login ?? null };
    } catch (error) {
      if (!isTransient(error)) throw error;
      lastError = error;
      debug(`creating the PR comment failed (attempt ${attempt} of ${CREATE_ATTEMPTS}): ${error.message}; looking for it before trying again.`);
    }
  }
  throw lastError;
}

// src/github/publish.ts
var PUBLISH_OUTCOMES = ["pass", "drift", "accepted", "no-baseline", "error"];
var DEFAULT_CHECK_NAME = "repro-check";
var DEFAULT_COMMENT_AUTHOR = "github-actions[bot]";
function presentOutcome(outcome, failOnDrift) {
  switch (outcome) {
    case "pass":
      return { state: "success", conclusion: "success", headline: "Reproducible: every metric within tolerance of the baseline" };
    case "drift":
      return failOnDrift ? { state: "failure", conclusion: "failure", headline: "Drift: metrics left the tolerance of the baseline" } : { state: "success", conclusion: "neutral", headline: "Drift found (not failing: fail-on-drift is false)" };
    case "accepted":
      return { state: "success", conclusion: "neutral", headline: "Drift accepted by label; the baseline update after merge records the new numbers" };
    case "no-baseline":
      return { state: "success", conclusion: "neutral", headline: "No baseline yet: nothing to compare; create one with a baseline update" };
    case "error":
      return { state: "error", conclusion: "failure", headline: "repro-check could not produce a verdict; see the run log" };
  }
}
async function publishResults(client, input, log) {
  const { event } = input;
  const checkName = input.checkName || DEFAULT_CHECK_NAME;
  const commentKey = input.commentKey || event.job || checkName;
  const presentation = presentOutcome(input.outcome, input.failOnDrift);
  const headline = input.headline || presentation.headline;
  const warnings = [];
  const warn = (message) => {
    warnings.push(message);
    log.warning(message);
  };
  async function bestEffort(write, action) {
    try {
      return { written: await action() };
    } catch (error) {
      const message = describeWriteFailure(write, error, { isForkPr: event.isForkPr });
      warn(message);
      return { failed: message };
    }
  }
  const status = await bestEffort("commit status", async () => {
    const posted = await postCommitStatus(client, { repo: event.repo, sha: event.headSha, checkName, state: presentation.state, description: headline, targetUrl: input.runUrl });
    log.info(`Commit status ${posted.context} = ${presentation.state} on ${event.headSha}.`);
    return { sha: event.headSha, context: posted.context, state: presentation.state, description: posted.description, creator: posted.creator };
  });
  const checkRun = await bestEffort("check run", async () => {
    const run = await publishCheckRun(client, {
      repo: event.repo,
      headSha: event.headSha,
      name: checkName,
      conclusion: presentation.conclusion,
      title: headline,
      summary: input.summary,
      annotations: input.annotations,
      detailsUrl: input.runUrl,
      externalId: commentKey
    });
    if (run.annotationError !== void 0) {
      warn(`${describeWriteFailure("check run", run.annotationError, { isForkPr: event.isForkPr })} ${run.annotationsSent} of ${input.annotations.length} annotations were attached.`);
    }
    log.info(`Check run "${checkName}" = ${presentation.conclusion} on ${event.headSha} with ${run.annotationsSent} annotations: ${run.url}`);
    return { id: run.id, url: run.url, conclusion: presentation.conclusion, annotationsSent: run.annotationsSent };
  });
  let comment;
  if (event.prNumber === null) {
    comment = { skipped: `not a pull request event (${event.eventName})` };
    log.debug(`No PR comment: ${comment.skipped}.`);
  } else {
    const issueNumber = event.prNumber;
    const configured = input.commentAuthorLogin;
    const learned = "written" in status ? status.written.creator : null;
    let warnedUnknown = false;
    const authorLogin = async () => {
      if (configured) return configured;
      if (learned) {
        log.debug(`github-token writes as ${learned} (the creator of the commit status just posted).`);
        return learned;
      }
      if (!warnedUnknown) {
        warnedUnknown = true;
        warn(
          `Could not learn which identity github-token writes as (the commit status, whose creator names it, was not written); looking for the PR comment among ${DEFAULT_COMMENT_AUTHOR}'s comments. If github-token is a GitHub App token or a PAT, set the input comment-author (<app-slug>[bot], or the PAT owner's login), or each run will add a new comment.`
        );
      }
      return DEFAULT_COMMENT_AUTHOR;
    };
    comment = await bestEffort("PR comment", async () => {
      const result = await upsertStickyComment(client, { repo: event.repo, issueNumber, commentKey, authorLogin }, input.commentBody, log.debug);
      log.info(`PR comment ${result.action}: ${result.url}`);
      if (configured && result.author && result.author.toLowerCase() !== configured.toLowerCase()) {
        warn(`The PR comment was written as "${result.author}", but comment-author is "${configured}", so the next run will not find it and will add a new one. Set the input comment-author: ${result.author} (the identity of github-token), or leave it out to have it learned from the commit status.`);
      }
      return result;
    });
  }
  return { status, checkRun, comment, warnings };
}
export {
  DEFAULT_CHECK_NAME,
  DEFAULT_COMMENT_AUTHOR,
  PUBLISH_OUTCOMES,
  presentOutcome,
  publishResults
};
