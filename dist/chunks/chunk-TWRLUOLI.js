import { createRequire as __reproCreateRequire } from 'node:module'; import { fileURLToPath as __reproFileURLToPath } from 'node:url'; const require = __reproCreateRequire(import.meta.url); const __reproDirname = __reproFileURLToPath(new URL('.', import.meta.url));
import {
  postCommitStatus
} from "./chunk-HVC52ATB.js";
import {
  CHECK_SUMMARY_LIMIT,
  CHECK_TITLE_LIMIT,
  COMMENT_BODY_LIMIT,
  fitLine,
  fitMarkdown
} from "./chunk-4NT54M3U.js";
import {
  OUTCOMES
} from "./chunk-NV534FCQ.js";
import {
  DEFAULT_CHECK_NAME
} from "./chunk-7WBBLXUB.js";
import {
  describeWriteFailure,
  isTransient
} from "./chunk-NLYP5N4V.js";
import {
  init_define_REPRO_CHART_LIBRARY
} from "./chunk-FCTVIH2T.js";

// src/github/publish.ts
init_define_REPRO_CHART_LIBRARY();

// src/github/check-run.ts
init_define_REPRO_CHART_LIBRARY();

// src/github/find-or-create.ts
init_define_REPRO_CHART_LIBRARY();
var CREATE_ATTEMPTS = 3;
async function findOrCreate(find, create, onTransientFailure = () => void 0) {
  let lastError;
  for (let attempt = 1; attempt <= CREATE_ATTEMPTS; attempt += 1) {
    const found = await find();
    if (found !== void 0) return { value: found, created: false };
    try {
      return { value: await create(), created: true };
    } catch (error) {
      if (!isTransient(error)) throw error;
      lastError = error;
      onTransientFailure(error, attempt);
    }
  }
  throw lastError;
}

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
function checkRunExternalId(runId, job, checkName) {
  return `repro-check:${runId}:${job}:${checkName}`;
}
async function publishCheckRun(client, content) {
  const output = {
    title: fitLine(content.title, CHECK_TITLE_LIMIT),
    summary: fitMarkdown(
      content.summary,
      CHECK_SUMMARY_LIMIT,
      "> \u2702\uFE0F **Report truncated** to fit the check run's size limit; the full report is in the job summary and the run's artifact."
    )
  };
  const payloads = content.annotations.map(toAnnotationPayload);
  const where = { owner: content.repo.owner, repo: content.repo.repo };
  const fields = {
    name: content.name,
    status: "completed",
    conclusion: content.conclusion,
    details_url: content.detailsUrl,
    external_id: content.externalId
  };
  const first = payloads.slice(0, ANNOTATIONS_PER_REQUEST);
  const { value: target, created } = await findOrCreate(
    async () => {
      const existing = await findCheckRun(client, content);
      return existing && {
        id: existing.id,
        url: existing.html_url ?? "",
        annotationsOnIt: existing.output?.annotations_count ?? 0
      };
    },
    async () => {
      const made = await client.rest.checks.create({
        ...where,
        ...fields,
        head_sha: content.headSha,
        output: first.length > 0 ? { ...output, annotations: first } : output,
        request: { retries: 0 }
      });
      return { id: made.data.id, url: made.data.html_url ?? "", annotationsOnIt: first.length };
    }
  );
  const result = {
    id: target.id,
    url: target.url,
    annotationsSent: Math.min(target.annotationsOnIt, payloads.length)
  };
  const pending = batches(payloads.slice(result.annotationsSent), ANNOTATIONS_PER_REQUEST);
  if (!created) {
    const batch = pending.shift() ?? [];
    await client.rest.checks.update({
      ...where,
      ...fields,
      check_run_id: target.id,
      output: batch.length > 0 ? { ...output, annotations: batch } : output
    });
    result.annotationsSent += batch.length;
  }
  for (const batch of pending) {
    try {
      await client.rest.checks.update({ ...where, check_run_id: target.id, output: { ...output, annotations: batch } });
      result.annotationsSent += batch.length;
    } catch (error) {
      result.annotationError = error;
      break;
    }
  }
  return result;
}
async function findCheckRun(client, content) {
  const runs = await client.paginate(client.rest.checks.listForRef, {
    owner: content.repo.owner,
    repo: content.repo.repo,
    ref: content.headSha,
    check_name: content.name,
    // The default, `latest`, may hide an older check run with our external id.
    filter: "all",
    per_page: 100
  });
  return runs.filter((run) => run.external_id === content.externalId).sort((a, b) => a.id - b.id)[0];
}

// src/github/comment.ts
init_define_REPRO_CHART_LIBRARY();
function commentMarker(commentKey) {
  const safeKey = encodeURIComponent(commentKey).replace(
    /[-!~*'()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );
  return `<!-- repro-check:comment-key=${safeKey} -->`;
}
function stickyCommentBody(commentKey, body) {
  const marker = `${commentMarker(commentKey)}
`;
  return marker + fitMarkdown(
    body,
    COMMENT_BODY_LIMIT - marker.length,
    "> \u2702\uFE0F **Report truncated** to fit GitHub's comment size limit; the full report is in the job summary and the run's artifact."
  );
}
function markedComments(comments, marker) {
  return comments.filter((comment) => (comment.body ?? "").split("\n")[0] === marker).sort((a, b) => a.id - b.id);
}
function ownStickyComments(marked, authorLogin) {
  const isBot = (comment) => comment.user?.type === "Bot" || (comment.user?.login ?? "").endsWith("[bot]");
  const login = authorLogin ?? marked.find(isBot)?.user?.login ?? null;
  return login === null ? [] : marked.filter((comment) => comment.user?.login.toLowerCase() === login.toLowerCase());
}
async function upsertStickyComment(client, target, body, debug) {
  const marker = commentMarker(target.commentKey);
  const fullBody = stickyCommentBody(target.commentKey, body);
  const where = { owner: target.repo.owner, repo: target.repo.repo, issue_number: target.issueNumber };
  const { value: own, created } = await findOrCreate(
    async () => {
      const comments = await client.paginate(client.rest.issues.listComments, { ...where, per_page: 100 });
      const marked = markedComments(comments, marker);
      const mine = marked.length > 0 ? ownStickyComments(marked, await target.authorLogin()) : [];
      return mine.length > 0 ? mine : void 0;
    },
    async () => [(await client.rest.issues.createComment({ ...where, body: fullBody, request: { retries: 0 } })).data],
    (error, attempt) => debug(
      `creating the PR comment failed (attempt ${attempt}): ${error.message}; looking for it before trying again.`
    )
  );
  const [kept, ...extras] = own;
  let duplicatesDeleted = 0;
  for (const extra of extras) {
    try {
      await client.rest.issues.deleteComment({ owner: where.owner, repo: where.repo, comment_id: extra.id });
      duplicatesDeleted += 1;
    } catch (error) {
      debug(`could not delete the duplicate PR comment ${extra.id}: ${error.message}`);
    }
  }
  if (extras.length > 0)
    debug(
      `${own.length} comments carry the marker for "${target.commentKey}"; kept the oldest (${kept.id}), deleted ${duplicatesDeleted}.`
    );
  const result = (action, comment) => ({
    action,
    id: comment.id,
    url: comment.html_url,
    author: comment.user?.login ?? null,
    duplicatesDeleted
  });
  if (created) return result("created", kept);
  if (kept.body === fullBody) return result("unchanged", kept);
  const updated = await client.rest.issues.updateComment({
    owner: where.owner,
    repo: where.repo,
    comment_id: kept.id,
    body: fullBody
  });
  return result("updated", updated.data);
}

// src/github/publish.ts
var PUBLISH_OUTCOMES = OUTCOMES;
function presentOutcome(outcome, failOnDrift) {
  switch (outcome) {
    case "pass":
      return {
        state: "success",
        conclusion: "success",
        headline: "Reproducible: every metric within tolerance of the baseline"
      };
    case "drift":
      return failOnDrift ? { state: "failure", conclusion: "failure", headline: "Drift: metrics left the tolerance of the baseline" } : { state: "success", conclusion: "neutral", headline: "Drift found (not failing: fail-on-drift is false)" };
    case "accepted":
      return {
        state: "success",
        conclusion: "neutral",
        headline: "Drift accepted by label; the baseline update after merge records the new numbers"
      };
    case "no-baseline":
      return {
        state: "success",
        conclusion: "neutral",
        headline: "No baseline yet: nothing to compare; create one with a baseline update"
      };
    case "error":
      return {
        state: "error",
        conclusion: "failure",
        headline: "repro-check could not produce a verdict; see the run log"
      };
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
    const posted = await postCommitStatus(client, {
      repo: event.repo,
      sha: event.headSha,
      checkName,
      state: presentation.state,
      description: headline,
      targetUrl: input.runUrl
    });
    log.info(`Commit status ${posted.context} = ${presentation.state} on ${event.headSha}.`);
    return {
      sha: event.headSha,
      context: posted.context,
      state: presentation.state,
      description: posted.description,
      creator: posted.creator
    };
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
      externalId: checkRunExternalId(event.runId, event.job, checkName)
    });
    if (run.annotationError !== void 0) {
      warn(
        `${describeWriteFailure("check run", run.annotationError, { isForkPr: event.isForkPr })} ${run.annotationsSent} of ${input.annotations.length} annotations were attached.`
      );
    }
    log.info(
      `Check run "${checkName}" = ${presentation.conclusion} on ${event.headSha} with ${run.annotationsSent} annotations: ${run.url}`
    );
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
      const person = await client.rest.users.getAuthenticated().then(
        (answer) => answer.data.login,
        () => null
      );
      if (person) return person;
      if (!warnedUnknown) {
        warnedUnknown = true;
        warn(
          "Could not learn which identity github-token writes as (the commit status, whose creator names it, was not written, and GitHub refuses GET /user to App and workflow tokens); the oldest marked PR comment by a bot account is taken as this job's. If several Apps comment with the same comment-key, set the input comment-author (<app-slug>[bot])."
        );
      }
      return null;
    };
    comment = await bestEffort("PR comment", async () => {
      const result = await upsertStickyComment(
        client,
        { repo: event.repo, issueNumber, commentKey, authorLogin },
        input.commentBody,
        log.debug
      );
      log.info(
        `PR comment ${result.action}: ${result.url}${result.duplicatesDeleted > 0 ? ` (${result.duplicatesDeleted} duplicate${result.duplicatesDeleted === 1 ? "" : "s"} left by an earlier run deleted)` : ""}`
      );
      if (configured && result.author && result.author.toLowerCase() !== configured.toLowerCase()) {
        warn(
          `The PR comment was written as "${result.author}", but comment-author is "${configured}", so the next run will not find it and will add a new one. Set the input comment-author: ${result.author} (the identity of github-token), or leave it out to have it learned from the commit status.`
        );
      }
      return result;
    });
  }
  return { status, checkRun, comment, warnings };
}

export {
  PUBLISH_OUTCOMES,
  presentOutcome,
  publishResults
};
