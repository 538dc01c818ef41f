import { ReproError } from '../errors.ts';
import type { EventContext } from './event.ts';

/**
 * The trust policy: which events' code this runner may train, and which commit a
 * `pull_request_target` run really trained. Pure: the event (and what the workspace holds) in,
 * a refusal or the event to report on out. Kept apart from reading the event so that the policy
 * is read, reviewed and tested on its own (as actions/checkout keeps its unsafe-PR check).
 */

export interface EventSafetyOptions {
  allowForkPrs: boolean;
  allowPullRequestTarget: boolean;
  /**
   * The commit the workspace holds, when known. A `pull_request_target` run that trains the
   * base branch (`GITHUB_SHA`, what checkout takes by default there) runs trusted code only.
   */
  checkedOutSha?: string;
}

/** What the workspace holds: HEAD and its parents as the commit object names them (a shallow clone's grafts hide them from `git log`). */
export interface CheckedOutCommit {
  sha: string;
  parents: string[];
}

/**
 * Under `pull_request_target` the workspace holds what checkout took — by default the base
 * branch (`GITHUB_SHA`), not the PR's head. Results must be reported on the commit that was
 * trained: a verdict on the base branch posted on the PR's head would pass a PR whose code never
 * ran. So unless the workspace holds the PR's head, or the merge commit GitHub makes of it (a
 * parent is the head: the PR's code ran, as on `pull_request`), the run is treated as a run of
 * the checked-out commit, not of the PR (statuses and check run on that commit, no PR comment,
 * no base compare), and the returned note says so. Other events are returned as they are.
 */
export function eventForTrainedCommit(
  ctx: EventContext,
  checkedOut: CheckedOutCommit | null,
): { event: EventContext; note: string | null } {
  if (ctx.eventName !== 'pull_request_target' || checkedOut === null) return { event: ctx, note: null };
  if (checkedOut.sha === ctx.headSha || checkedOut.parents.includes(ctx.headSha)) return { event: ctx, note: null };
  const what =
    checkedOut.sha === ctx.sha
      ? 'the base branch, what actions/checkout takes by default under pull_request_target'
      : "neither the pull request's head nor its merge commit";
  return {
    event: { ...ctx, headSha: checkedOut.sha, baseSha: null, headRef: null, prNumber: null },
    note:
      `pull_request_target: the workspace holds ${checkedOut.sha} (${what}), not pull request #${ctx.prNumber}'s head ${ctx.headSha}. ` +
      'repro-check trains and reports that commit — its status and check run go on it — and posts nothing on the pull request: a verdict there on code that did not run would be a false one.',
  };
}

const WORKFLOW_RUN_PATTERN =
  'To check pull requests from forks safely, use the workflow_run pattern: a `pull_request` job without secrets, on a disposable runner, uploads its run record as an artifact; a separate workflow triggered by `workflow_run` in the base repository downloads it and publishes the result.';

/**
 * Throws a ReproError when the job should not train this event's code on this runner: a pull
 * request from a fork (unless `allow-fork-prs`), or a `pull_request_target` run, which carries
 * the base repository's secrets and write token, unless `allow-pull-request-target` is set or
 * the workspace holds the trusted base commit.
 */
export function refuseUnsafeEvent(ctx: EventContext, options: EventSafetyOptions): void {
  if (ctx.eventName === 'pull_request_target' && !options.allowPullRequestTarget && options.checkedOutSha !== ctx.sha) {
    throw new ReproError(
      `Refusing to train pull request #${ctx.prNumber} under pull_request_target: that event runs with the base repository's secrets and a write token, so training the PR's code (head ${ctx.headSha}) would hand both to it.`,
      {
        hint: `Run repro-check on \`pull_request\` instead, or set allow-pull-request-target: true only if the runner is disposable and the job holds no secrets. ${WORKFLOW_RUN_PATTERN}`,
      },
    );
  }
  if (ctx.isForkPr && !options.allowForkPrs) {
    throw new ReproError(
      `Refusing to train pull request #${ctx.prNumber} from ${ctx.headRepoFullName ?? 'a deleted fork'} (head ${ctx.headSha}): code from a fork would run on this (self-hosted) runner, and the workflow's GITHUB_TOKEN is read-only on fork pull requests.`,
      {
        hint: `Stop fork pull requests at the job level (\`if: github.event.pull_request.head.repo.full_name == github.repository\`), since earlier steps already ran with the fork's code; or set allow-fork-prs: true if the runner is disposable. ${WORKFLOW_RUN_PATTERN}`,
      },
    );
  }
}
