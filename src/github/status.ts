/**
 * The commit status `repro-check/<check-name>`: the documented required status check for branch
 * protection. Posted on the PR head (never the merge commit GITHUB_SHA points at on
 * pull_request), linking to the run.
 */
import type { GithubClient } from './client.ts';
import { fitLine, STATUS_DESCRIPTION_LIMIT } from './text-limits.ts';

export type CommitState = 'success' | 'failure' | 'error' | 'pending';

export interface CommitStatus {
  repo: { owner: string; repo: string };
  sha: string;
  checkName: string;
  state: CommitState;
  description: string;
  targetUrl: string;
}

/** The commit status context for CHECKNAME: `repro-check/<check-name>` (the name branch protection requires). Pure. */
export function statusContext(checkName: string): string {
  return `repro-check/${checkName}`;
}

/**
 * Posts the status. GitHub's answer names its `creator`: the token's own login, learned over REST
 * for every kind of token (GET /user refuses the workflow's and App installation tokens).
 */
export async function postCommitStatus(
  client: GithubClient,
  status: CommitStatus,
): Promise<{ context: string; description: string; creator: string | null }> {
  const context = statusContext(status.checkName);
  const description = fitLine(status.description, STATUS_DESCRIPTION_LIMIT);
  const response = await client.rest.repos.createCommitStatus({
    owner: status.repo.owner,
    repo: status.repo.repo,
    sha: status.sha,
    state: status.state,
    context,
    description,
    target_url: status.targetUrl,
  });
  return { context, description, creator: response.data.creator?.login ?? null };
}
