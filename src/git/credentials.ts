import type { GitRepo } from './repo.ts';

/**
 * True when the repository's own config holds an `http.<url>.extraheader` — what
 * actions/checkout leaves with `persist-credentials: true` (the default): the token is then
 * readable by the training command. `--includes` because actions/checkout v6 and later keep
 * the header in a file under RUNNER_TEMP that `.git/config` pulls in with `includeIf.gitdir`.
 */
export async function hasCredentialHeader(repo: GitRepo): Promise<boolean> {
  const output = await repo.tryRun(['config', '--local', '--includes', '--get-regexp', '^http\\..*\\.extraheader$']);
  return output !== null && output.trim().length > 0;
}
