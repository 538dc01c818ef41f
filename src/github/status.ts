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

export function statusContext(checkName: string): string {
  return `repro-check/${checkName}`;
}

export async function postCommitStatus(client: GithubClient, status: CommitStatus): Promise<{ context: string; description: string }> {
  const context = statusContext(status.checkName);
  const description = fitLine(status.description, STATUS_DESCRIPTION_LIMIT);
  await client.rest.repos.createCommitStatus({
    owner: status.repo.owner,
    repo: status.repo.repo,
    sha: status.sha,
    state: status.state,
    context,
    description,
    target_url: status.targetUrl,
  });
  return { context, description };
}
