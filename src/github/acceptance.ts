/**
 * Accepting an intended change: a PR that changes numerics on purpose passes when it carries the
 * accept label and the label was last put on by someone with write access. Anyone who can open
 * a PR can often add labels too (e.g. through a labeler workflow), so the label alone proves
 * nothing: who added it is read from the issue events and checked against their permission.
 */
import type { GithubClient } from './client.ts';
import { httpStatusOf } from './write-failure.ts';

export interface DriftAcceptance {
  /** Login of the person whose `labeled` event counts. */
  acceptedBy: string;
  /** When they put the label on (ISO 8601, as GitHub reports it). */
  acceptedAt: string;
}

export interface AcceptanceQuery {
  owner: string;
  repo: string;
  prNumber: number;
  label: string;
}

export interface AcceptanceLog {
  /** Why a label on the PR was not honoured (someone without write access put it on). */
  info(message: string): void;
  /** The lookup failed; drift is then not accepted. */
  warning(message: string): void;
}

/** Repository roles allowed to accept drift; `permission` is GitHub's legacy field (maintain reads as write there). */
const ACCEPTING_ROLES = new Set(['admin', 'maintain', 'write']);

/**
 * The acceptance in force on the PR, or null: no label, a label whose latest `labeled` event was
 * made by someone without write access (logged as info), or an API failure (logged as a
 * warning; best effort, never throws for one).
 */
export async function findDriftAcceptance(
  client: GithubClient,
  query: AcceptanceQuery,
  log: AcceptanceLog,
): Promise<DriftAcceptance | null> {
  const where = { owner: query.owner, repo: query.repo, issue_number: query.prNumber };
  const sameLabel = (name: string | undefined): boolean =>
    name !== undefined && name.toLowerCase() === query.label.toLowerCase();
  let step = "list the PR's labels";
  try {
    // Current labels, not the event payload's: a re-run must see a label added after the push.
    const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, { ...where, per_page: 100 });
    if (!labels.some((l) => sameLabel(l.name))) return null;

    step = 'read who added the label (issue events)';
    const events = await client.paginate(client.rest.issues.listEvents, { ...where, per_page: 100 });
    const labeled = events.filter((e) => e.event === 'labeled' && 'label' in e && sameLabel(e.label.name)).at(-1);
    const actor = labeled?.actor?.login;
    if (!labeled || !actor) {
      log.info(
        `Label "${query.label}" is on PR #${query.prNumber}, but GitHub reports no one who added it; drift is not accepted.`,
      );
      return null;
    }

    step = `read @${actor}'s permission`;
    const role = await collaboratorRole(client, query, actor);
    if (!ACCEPTING_ROLES.has(role)) {
      log.info(
        `Label "${query.label}" on PR #${query.prNumber} was added by @${actor}, whose permission is "${role}"; only write, maintain or admin can accept drift, so it is ignored.`,
      );
      return null;
    }
    log.info(
      `Drift accepted on PR #${query.prNumber}: label "${query.label}" added by @${actor} (${role}) at ${labeled.created_at}.`,
    );
    return { acceptedBy: actor, acceptedAt: labeled.created_at };
  } catch (error) {
    const status = httpStatusOf(error);
    const permissionHint =
      status === 403 || status === 404
        ? " The token needs `pull-requests: read` (or `issues: read`) in the job's `permissions:`."
        : '';
    log.warning(
      `Could not ${step} for the accept label (${status === undefined ? 'no HTTP answer' : `HTTP ${status}`}: ${(error as Error).message?.split('\n')[0]}); drift is not accepted.${permissionHint}`,
    );
    return null;
  }
}

/** The actor's role; a login GitHub does not know as a collaborator (404, e.g. a bot) has none. */
async function collaboratorRole(client: GithubClient, query: AcceptanceQuery, username: string): Promise<string> {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
      owner: query.owner,
      repo: query.repo,
      username,
    });
    // role_name carries maintain/triage/custom roles; permission is the legacy four-level view.
    return ACCEPTING_ROLES.has(data.role_name) ? data.role_name : data.permission;
  } catch (error) {
    if (httpStatusOf(error) === 404) return 'none';
    throw error;
  }
}
