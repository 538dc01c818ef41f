/**
 * Publishing a verdict on GitHub: commit status (the required check), check run with
 * annotations, sticky PR comment. Every write is best effort after the verdict: a failure
 * becomes a warning that names the permission or setting to fix, and the next write still runs.
 * Nothing here throws for an API failure.
 */
import type { GithubClient } from './client.ts';
import type { EventContext } from './event.ts';
import { checkRunExternalId, publishCheckRun, type CheckConclusion } from './check-run.ts';
import type { Annotation } from '../report/annotations.ts';
import { upsertStickyComment, type StickyCommentResult } from './comment.ts';
import { postCommitStatus, type CommitState } from './status.ts';
import { describeWriteFailure, type GithubWrite } from './write-failure.ts';

/** Every outcome a run reports (compare/outcome.ts), under the name the publishing code uses. */
import { OUTCOMES, type Outcome } from '../compare/outcome.ts';
import { DEFAULT_CHECK_NAME } from '../settings/schema.ts';
export const PUBLISH_OUTCOMES = OUTCOMES;
export type PublishOutcome = Outcome;

export interface PublishInput {
  event: EventContext;
  /** Check run name and status context suffix; default `repro-check`. */
  checkName?: string;
  /** Which sticky comment this run owns; default the job id. */
  commentKey?: string;
  outcome: PublishOutcome;
  failOnDrift: boolean;
  /** Markdown for the PR comment (fitted to GitHub's limit here if the renderer could not). */
  commentBody: string;
  /** Markdown for the check run's summary. */
  summary: string;
  /** One line for the status description and check title (e.g. "3 of 12 metrics drifted from step 40"); a default per outcome otherwise. */
  headline?: string;
  annotations: Annotation[];
  runUrl: string;
  /**
   * The login the token writes as (the `comment-author` setting). When absent, the commit status
   * this run just posted names it (its `creator`, REST only); when that write failed, GET /user
   * (a person's token); else the oldest marked comment by a bot account is taken as ours, with a
   * warning naming the setting.
   */
  commentAuthorLogin?: string;
}

export interface PublishLog {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export type WriteOutcome<T> = { written: T } | { skipped: string } | { failed: string };

export interface PublishResult {
  status: WriteOutcome<{
    sha: string;
    context: string;
    state: CommitState;
    description: string;
    creator: string | null;
  }>;
  checkRun: WriteOutcome<{ id: number; url: string; conclusion: CheckConclusion; annotationsSent: number }>;
  comment: WriteOutcome<StickyCommentResult>;
  /** Every warning logged, in order. */
  warnings: string[];
}

interface Presentation {
  state: CommitState;
  conclusion: CheckConclusion;
  headline: string;
}

/** How each outcome shows on GitHub (pure). */
export function presentOutcome(outcome: PublishOutcome, failOnDrift: boolean): Presentation {
  switch (outcome) {
    case 'pass':
      return {
        state: 'success',
        conclusion: 'success',
        headline: 'Reproducible: every metric within tolerance of the baseline',
      };
    case 'drift':
      // Without fail-on-drift the user asked to be told, not blocked: the required status passes too.
      return failOnDrift
        ? { state: 'failure', conclusion: 'failure', headline: 'Drift: metrics left the tolerance of the baseline' }
        : { state: 'success', conclusion: 'neutral', headline: 'Drift found (not failing: fail-on-drift is false)' };
    case 'accepted':
      return {
        state: 'success',
        conclusion: 'neutral',
        headline: 'Drift accepted by label; the baseline update after merge records the new numbers',
      };
    case 'no-baseline':
      return {
        state: 'success',
        conclusion: 'neutral',
        headline: 'No baseline yet: nothing to compare; create one with a baseline update',
      };
    case 'error':
      return {
        state: 'error',
        conclusion: 'failure',
        headline: 'repro-check could not produce a verdict; see the run log',
      };
  }
}

/**
 * Writes a verdict to GitHub: the commit status, the check run (with its annotations) and the sticky
 * PR comment, each best effort — a refused write becomes a line in the returned PublishResult (and
 * a warning through LOG) naming the permission it needs, never an exception.
 */
export async function publishResults(
  client: GithubClient,
  input: PublishInput,
  log: PublishLog,
): Promise<PublishResult> {
  const { event } = input;
  const checkName = input.checkName || DEFAULT_CHECK_NAME;
  const commentKey = input.commentKey || event.job || checkName;
  const presentation = presentOutcome(input.outcome, input.failOnDrift);
  const headline = input.headline || presentation.headline;
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    log.warning(message);
  };

  // Each write is attempted on its own; the order puts the required status first.
  async function bestEffort<T>(write: GithubWrite, action: () => Promise<T>): Promise<WriteOutcome<T>> {
    try {
      return { written: await action() };
    } catch (error) {
      const message = describeWriteFailure(write, error, { isForkPr: event.isForkPr });
      warn(message);
      return { failed: message };
    }
  }

  const status = await bestEffort('commit status', async () => {
    const posted = await postCommitStatus(client, {
      repo: event.repo,
      sha: event.headSha,
      checkName,
      state: presentation.state,
      description: headline,
      targetUrl: input.runUrl,
    });
    log.info(`Commit status ${posted.context} = ${presentation.state} on ${event.headSha}.`);
    return {
      sha: event.headSha,
      context: posted.context,
      state: presentation.state,
      description: posted.description,
      creator: posted.creator,
    };
  });

  const checkRun = await bestEffort('check run', async () => {
    const run = await publishCheckRun(client, {
      repo: event.repo,
      headSha: event.headSha,
      name: checkName,
      conclusion: presentation.conclusion,
      title: headline,
      summary: input.summary,
      annotations: input.annotations,
      detailsUrl: input.runUrl,
      externalId: checkRunExternalId(event.runId, event.job, checkName),
    });
    if (run.annotationError !== undefined) {
      warn(
        `${describeWriteFailure('check run', run.annotationError, { isForkPr: event.isForkPr })} ${run.annotationsSent} of ${input.annotations.length} annotations were attached.`,
      );
    }
    log.info(
      `Check run "${checkName}" = ${presentation.conclusion} on ${event.headSha} with ${run.annotationsSent} annotations: ${run.url}`,
    );
    return { id: run.id, url: run.url, conclusion: presentation.conclusion, annotationsSent: run.annotationsSent };
  });

  let comment: WriteOutcome<StickyCommentResult>;
  if (event.prNumber === null) {
    comment = { skipped: `not a pull request event (${event.eventName})` };
    log.debug(`No PR comment: ${comment.skipped}.`);
  } else {
    const issueNumber = event.prNumber;
    const configured = input.commentAuthorLogin;
    const learned = 'written' in status ? status.written.creator : null;
    let warnedUnknown = false;
    const authorLogin = async (): Promise<string | null> => {
      if (configured) return configured;
      if (learned) {
        log.debug(`github-token writes as ${learned} (the creator of the commit status just posted).`);
        return learned;
      }
      // Not depending on a write: GitHub names a person's token (PAT, OAuth) at GET /user.
      const person = await client.rest.users.getAuthenticated().then(
        (answer) => answer.data.login,
        () => null,
      );
      if (person) return person;
      if (!warnedUnknown) {
        warnedUnknown = true;
        warn(
          'Could not learn which identity github-token writes as (the commit status, whose creator names it, was not written, and GitHub refuses GET /user to App and workflow tokens); ' +
            "the oldest marked PR comment by a bot account is taken as this job's. If several Apps comment with the same comment-key, set the input comment-author (<app-slug>[bot]).",
        );
      }
      return null;
    };
    comment = await bestEffort('PR comment', async () => {
      const result = await upsertStickyComment(
        client,
        { repo: event.repo, issueNumber, commentKey, authorLogin },
        input.commentBody,
        log.debug,
      );
      log.info(
        `PR comment ${result.action}: ${result.url}${result.duplicatesDeleted > 0 ? ` (${result.duplicatesDeleted} duplicate${result.duplicatesDeleted === 1 ? '' : 's'} left by an earlier run deleted)` : ''}`,
      );
      if (configured && result.author && result.author.toLowerCase() !== configured.toLowerCase()) {
        // The next run looks for its comment among `configured`'s only, and would add another:
        // the created comment's author is the token's identity, so name it with the fix.
        warn(
          `The PR comment was written as "${result.author}", but comment-author is "${configured}", so the next run will not find it and will add a new one. Set the input comment-author: ${result.author} (the identity of github-token), or leave it out to have it learned from the commit status.`,
        );
      }
      return result;
    });
  }

  return { status, checkRun, comment, warnings };
}
