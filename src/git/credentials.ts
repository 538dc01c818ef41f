import type { GitRepo } from './repo.ts';

/**
 * True when the repository's own config holds an `http.<url>.extraheader` — what
 * actions/checkout leaves with `persist-credentials: true` (the default): the token is then
 * readable by the training command.
 */
export async function hasCredentialHeader(repo: GitRepo): Promise<boolean> {
  const output = await repo.tryRun(['config', '--local', '--get-regexp', '^http\\..*\\.extraheader$']);
  return output !== null && output.trim().length > 0;
}
