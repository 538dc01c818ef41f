/**
 * Turning a failed GitHub write into a warning that says what to change. Publishing is best
 * effort after the verdict, so callers log these and go on with the next write.
 */

/** The writes repro-check makes, each with the job permission that allows it. */
export const WRITE_PERMISSIONS = {
  'commit status': 'statuses: write',
  'check run': 'checks: write',
  'PR comment': 'pull-requests: write',
} as const;

export type GithubWrite = keyof typeof WRITE_PERMISSIONS;

/** The HTTP status of an Octokit RequestError (or a timeout, which it reports as 500); undefined for other errors. */
export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Whether a request may have failed only for now (5xx, timeout, network): worth trying again. */
export function isTransient(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status === undefined || status >= 500;
}

/**
 * The warning for a GitHub write that failed: what was not written, the HTTP status and GitHub's
 * message, and what to do (the `permissions:` entry it needs; on a fork PR, that its token is
 * read-only and the two-job pattern in docs/github.md). Pure.
 */
export function describeWriteFailure(write: GithubWrite, error: unknown, context: { isForkPr: boolean }): string {
  const status = httpStatusOf(error);
  const githubMessage = (error as Error | null)?.message?.split('\n')[0] ?? String(error);
  const what = `Could not write the ${write} (${status === undefined ? 'no HTTP answer' : `HTTP ${status}`}: ${githubMessage}).`;
  return `${what} ${remedy(write, status, githubMessage, context)}`;
}

function remedy(
  write: GithubWrite,
  status: number | undefined,
  githubMessage: string,
  context: { isForkPr: boolean },
): string {
  const permission = WRITE_PERMISSIONS[write];
  if (status === 401) return 'The token was refused: check the github-token input.';
  if ((status === 403 || status === 429) && /rate limit/i.test(githubMessage))
    return "GitHub's rate limit held after retries; a re-run will publish the result.";
  if (status === 403 || status === 404) {
    const fork = context.isForkPr
      ? ' On a pull request from a fork the workflow GITHUB_TOKEN is read-only whatever `permissions:` says; publish from a trusted `workflow_run` workflow instead.'
      : '';
    const hidden = status === 404 ? ' (GitHub answers 404 when the token may not see the resource)' : '';
    return `The token needs \`${permission}\`${hidden}: add it under \`permissions:\` in the job.${fork}`;
  }
  if (status === 422) return 'GitHub refused the request as invalid; please report this with the run log.';
  return 'GitHub did not accept it after retries; the verdict above stands, and a re-run will publish it.';
}
