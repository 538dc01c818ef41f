/**
 * The REST side of `baseline-update: pull-request`: open the baseline PR or update the open one
 * from the same branch (never a second one), and, when the workflow's GITHUB_TOKEN opened it,
 * report the required status on its head ourselves, since such a PR starts no workflows.
 */
import { ReproError } from '../errors.ts';
import type { GithubClient } from './client.ts';
import { postCommitStatus, statusContext } from './status.ts';
import { httpStatusOf } from './write-failure.ts';

interface BaselinePullRequest {
  repo: { owner: string; repo: string };
  /** The branch holding the baseline commit (already pushed). */
  head: string;
  /** The branch the baseline is for (the workflow's branch). */
  base: string;
  title: string;
  body: string;
}

interface BaselinePull {
  number: number;
  url: string;
  action: 'created' | 'updated';
}

/** GitHub's 403 message when the repository does not let Actions open PRs. */
const ACTIONS_MAY_NOT_CREATE_PRS = /not permitted to create or approve pull requests/i;
const ALREADY_EXISTS = /already exists/i;

/**
 * Opens the baseline PR from REQUEST.head into REQUEST.base, or updates the open one (title and
 * body); a PR another run opened between our look-up and our create is updated, not duplicated.
 * Returns its number, URL and which was done. Throws a ReproError naming the permission or
 * repository setting when GitHub refuses.
 */
async function openOrUpdateBaselinePull(client: GithubClient, request: BaselinePullRequest): Promise<BaselinePull> {
  const existing = await findOpenPull(client, request);
  if (existing !== undefined) return updatePull(client, request, existing);
  try {
    const { data } = await client.rest.pulls.create({
      ...request.repo,
      head: request.head,
      base: request.base,
      title: request.title,
      body: request.body,
    });
    return { number: data.number, url: data.html_url, action: 'created' };
  } catch (error) {
    const message = (error as Error).message ?? '';
    // Another run opened it between our look-up and our create: update that one instead.
    if (
      httpStatusOf(error) === 422 &&
      ALREADY_EXISTS.test(JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? message))
    ) {
      const raced = await findOpenPull(client, request);
      if (raced !== undefined) return updatePull(client, request, raced);
    }
    throw pullRequestError(request, 'open', error);
  }
}

async function findOpenPull(client: GithubClient, request: BaselinePullRequest): Promise<number | undefined> {
  try {
    const pulls = await client.paginate(client.rest.pulls.list, {
      ...request.repo,
      head: `${request.repo.owner}:${request.head}`,
      state: 'open',
      per_page: 100,
    });
    return pulls.find((p) => p.head.ref === request.head && p.base.ref === request.base)?.number;
  } catch (error) {
    throw pullRequestError(request, 'look up', error);
  }
}

async function updatePull(client: GithubClient, request: BaselinePullRequest, number: number): Promise<BaselinePull> {
  try {
    const { data } = await client.rest.pulls.update({
      ...request.repo,
      pull_number: number,
      title: request.title,
      body: request.body,
    });
    return { number: data.number, url: data.html_url, action: 'updated' };
  } catch (error) {
    throw pullRequestError(request, 'update', error);
  }
}

function pullRequestError(
  request: BaselinePullRequest,
  what: 'open' | 'look up' | 'update',
  error: unknown,
): ReproError {
  const status = httpStatusOf(error);
  const githubMessage = (error as Error).message?.split('\n')[0] ?? String(error);
  const pushed = `The baseline is on branch ${request.head}; a PR from it into ${request.base} can be opened by hand.`;
  const summary = `Could not ${what} the baseline pull request (${status === undefined ? 'no HTTP answer' : `HTTP ${status}`}: ${githubMessage}). ${pushed}`;
  if (status === 403 && ACTIONS_MAY_NOT_CREATE_PRS.test(githubMessage)) {
    return new ReproError(summary, {
      hint: 'Allow it under the repository\'s Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and approve pull requests", or pass a GitHub App token or PAT as baseline-token.',
      cause: error,
    });
  }
  if (status === 403 || status === 404) {
    return new ReproError(summary, {
      hint: "The token needs `pull-requests: write` (and `contents: write`) under the job's `permissions:`.",
      cause: error,
    });
  }
  return new ReproError(summary, { cause: error });
}

interface SelfReportedStatus {
  repo: { owner: string; repo: string };
  sha: string;
  checkName: string;
  targetUrl: string;
}

/**
 * A PR opened with the workflow's GITHUB_TOKEN starts no `pull_request` workflows, so the
 * required status `repro-check/<check-name>` would never report on it and the PR could not be
 * merged. The baseline PR only changes the baseline, which this run just measured: report it.
 * Best effort: returns a warning instead of throwing.
 */
async function reportStatusOnBaselinePull(
  client: GithubClient,
  status: SelfReportedStatus,
): Promise<{ posted: true } | { posted: false; warning: string }> {
  try {
    await postCommitStatus(client, {
      repo: status.repo,
      sha: status.sha,
      checkName: status.checkName,
      state: 'success',
      description: 'Baseline measured by this run; set here because a PR opened with GITHUB_TOKEN starts no workflows',
      targetUrl: status.targetUrl,
    });
    return { posted: true };
  } catch (error) {
    const code = httpStatusOf(error);
    return {
      posted: false,
      warning:
        `Could not set the status ${statusContext(status.checkName)} on the baseline PR (${code === undefined ? 'no HTTP answer' : `HTTP ${code}`}: ${(error as Error).message?.split('\n')[0]}); ` +
        "a required check will wait on it. Add `statuses: write` to the job's `permissions:`, or pass a baseline-token whose PRs start workflows.",
    };
  }
}

/**
 * The REST side of `baseline-update: pull-request`, once the baseline commit REQUEST.sha is on
 * branch REQUEST.head: opens or updates the PR (openOrUpdateBaselinePull), then, when
 * `statusCheckName` is given (the workflow token opened it), sets the required status
 * `repro-check/<statusCheckName>` on its head, or logs a warning when it may not. Returns the
 * PR and whether the status was set. Throws what openOrUpdateBaselinePull throws.
 */
export async function proposeBaselinePull(
  client: GithubClient,
  log: { info(message: string): void; warning(message: string): void },
  request: BaselinePullRequest & { sha: string; statusCheckName: string | null; runUrl: string },
): Promise<{ pull: BaselinePull; statusSetByUs: boolean }> {
  const pull = await openOrUpdateBaselinePull(client, request);
  log.info(`Baseline pull request #${pull.number} ${pull.action}: ${pull.url}`);
  if (request.statusCheckName === null) return { pull, statusSetByUs: false };
  const status = await reportStatusOnBaselinePull(client, {
    repo: request.repo,
    sha: request.sha,
    checkName: request.statusCheckName,
    targetUrl: request.runUrl,
  });
  if (!status.posted) {
    log.warning(status.warning);
    return { pull, statusSetByUs: false };
  }
  log.info(
    `Set the status repro-check/${request.statusCheckName} on the PR's head: a PR opened with GITHUB_TOKEN starts no workflows, so no check would report on it. Pass baseline-token to have the PR checked by its workflows instead.`,
  );
  return { pull, statusSetByUs: true };
}
