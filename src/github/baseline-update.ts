/**
 * Publishing a new baseline (`mode: baseline`): the strategy. `commit` puts it on the branch the
 * workflow ran on; `pull-request` forces a baseline branch (with a lease) to one commit and opens
 * or updates its PR. The baseline content comes from the caller; the git plumbing is src/git/'s
 * (commit-file.ts builds the commit in a temporary index, so the checkout's HEAD, index and
 * working tree are never changed; push.ts pushes and retries; remote-auth.ts hands git the
 * token per command and redacts it), the REST side baseline-update-pr.ts's.
 */
import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { GithubClient } from './client.ts';
import type { EventContext } from './event.ts';
import { proposeBaselinePull } from './baseline-update-pr.ts';
import { gitIn, gitOrThrow, type GitCommand } from '../git/command.ts';
import { commitFileOnto, type BuiltCommit } from '../git/commit-file.ts';
import { pushWithRetry } from '../git/push.ts';
import { offDefaultBranchError, pushFailure } from './baseline-update-errors.ts';
import { fetchBranchTip, openRemote, remoteBranchSha, remoteDefaultBranch, type Remote } from '../git/remote.ts';
import { secretFormsOf } from '../git/remote-auth.ts';
import { DEFAULT_CHECK_NAME } from '../settings/schema.ts';
import { toPosixPath } from '../repo-path.ts';

export const BOT_NAME = 'github-actions[bot]';
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

const DEFAULT_MAX_TRIES = 5;
const DEFAULT_BACKOFF_MS = 1000;

export interface PublishBaselineDeps {
  log: { info(message: string): void; warning(message: string): void; debug(message: string): void };
  /** Registers a secret with the runner's log masking (the action passes `core.setSecret`). */
  mask?: (secret: string) => void;
  /** Git in the checkout; default the real git in `repoDir`. */
  git?: GitCommand;
  /** For `pull-request`; default a client for `token` (created only when needed). */
  client?: GithubClient;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each push with the try number (tests push a competing commit here). */
  beforePush?: (attempt: number) => Promise<void>;
}

export interface PublishBaselineRequest {
  /** The checkout (actions/checkout's GITHUB_WORKSPACE). */
  repoDir: string;
  /** Repository-relative path of the baseline file, with `/`. */
  baselinePath: string;
  content: string;
  /** Commit message, with the provenance (commit trained, seed, run link). */
  message: string;
  strategy: 'commit' | 'pull-request';
  /** The branch the workflow ran on. */
  branch: string;
  /** The repository's default branch; null when the event did not say (then the remote's HEAD is asked). */
  defaultBranch: string | null;
  allowAnyBranch: boolean;
  /** Token for git (and the REST calls of `pull-request`); empty: git's own credentials. */
  token: string;
  event: Pick<EventContext, 'repo' | 'runUrl'>;
  /** The check whose status a baseline PR gets when GITHUB_TOKEN opened it. Default `repro-check`. */
  checkName?: string;
  /**
   * Whether `token` is the workflow's GITHUB_TOKEN (no `baseline-token` given): its PRs start no
   * workflows, so the required status is set on the PR here. Default true.
   */
  tokenIsWorkflowToken?: boolean;
  /** Default `origin`. */
  remote?: string;
  /** Pushes tried before giving up. Default 5. */
  maxTries?: number;
  /** Wait before the second try; doubles each try (up to 30 s). Default 1000. */
  backoffMs?: number;
  /** For `pull-request`; defaults: branch `repro-check/baseline-<branch>`, a title naming the file, the message as body. */
  pr?: { branch?: string; title?: string; body?: string };
}

export type PublishBaselineResult =
  | { strategy: 'commit' | 'pull-request'; action: 'unchanged'; branch: string; commitSha: null; tries: number }
  | { strategy: 'commit'; action: 'pushed'; branch: string; commitSha: string; tries: number }
  | {
      strategy: 'pull-request';
      action: 'created' | 'updated';
      /** The PR's head branch. */
      branch: string;
      commitSha: string;
      tries: number;
      pullNumber: number;
      pullUrl: string;
      /** True when the PR's required status was set here (the workflow token's PRs start no workflows). */
      statusSetByUs: boolean;
    };

/** What every step of one publication shares. */
interface Session {
  remote: Remote;
  request: PublishBaselineRequest;
  log: PublishBaselineDeps['log'];
  /** The retry settings and hooks of pushWithRetry. */
  pushing: { maxTries: number; backoffMs: number; sleep: (ms: number) => Promise<void> } & Pick<
    PublishBaselineDeps,
    'beforePush'
  >;
  /** The baseline commit on top of PARENT. */
  build(parent: string): Promise<BuiltCommit>;
}

/**
 * Publishes REQUEST.content at REQUEST.baselinePath by REQUEST.strategy, from the checkout in
 * `repoDir` (or the one `deps.git` runs in). Returns what was done. Throws a ReproError when the
 * path leaves the repository, the branch is not the default one (unless allowed), a git step or
 * the push fails (branch protection and permissions named), every try met a moved branch, or the
 * pull request cannot be opened; the checkout is unchanged in every case.
 */
export async function publishBaseline(
  deps: PublishBaselineDeps,
  request: PublishBaselineRequest,
): Promise<PublishBaselineResult> {
  const baselinePath = checkedRepoPath(request.baselinePath);
  for (const secret of secretFormsOf(request.token)) deps.mask?.(secret);
  const remote = await openRemote(deps.git ?? gitIn(request.repoDir), request.remote ?? 'origin', request.token);
  if (!request.allowAnyBranch) {
    const defaultBranch = request.defaultBranch ?? (await remoteDefaultBranch(remote));
    if (request.branch !== defaultBranch) throw offDefaultBranchError(request.branch, defaultBranch);
  }
  const session: Session = {
    remote,
    request,
    log: deps.log,
    pushing: {
      maxTries: Math.max(1, request.maxTries ?? DEFAULT_MAX_TRIES),
      backoffMs: request.backoffMs ?? DEFAULT_BACKOFF_MS,
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      ...(deps.beforePush ? { beforePush: deps.beforePush } : {}),
    },
    build: (parent) =>
      commitFileOnto(remote.git, {
        parent,
        path: baselinePath,
        content: request.content,
        message: request.message,
        identity: { name: BOT_NAME, email: BOT_EMAIL },
      }),
  };
  const head = (await gitOrThrow(remote.git, ['rev-parse', '--verify', 'HEAD^{commit}'], 'read HEAD')).stdout.trim();
  return request.strategy === 'commit' ? commitToBranch(session, head) : proposeAsPull(session, deps, head);
}

function checkedRepoPath(baselinePath: string): string {
  const normal = path.posix.normalize(toPosixPath(baselinePath));
  if (path.posix.isAbsolute(normal) || normal === '.' || normal.startsWith('../') || normal === '..') {
    throw new ReproError(`baseline path "${baselinePath}" must be a file inside the repository, relative to its root`);
  }
  return normal;
}

/** `commit`: push onto the branch; when it moved meanwhile, fetch, re-apply onto its tip, and push again. */
async function commitToBranch(session: Session, head: string): Promise<PublishBaselineResult> {
  const { request, remote, log } = session;
  const pushed = await pushWithRetry(remote, {
    ...session.pushing,
    branch: request.branch,
    label: 'baseline commit',
    log,
    retryReason: `${request.branch} moved on "${remote.name}" meanwhile; fetching it and re-applying the baseline`,
    prepare: async (attempt) => {
      const built = await session.build(attempt === 1 ? head : await fetchBranchTip(remote, request.branch));
      if (built.changed) return { sha: built.sha };
      log.info(`${request.baselinePath} on ${request.branch} already holds this baseline; nothing to commit.`);
      return null;
    },
  });
  if (pushed.status === 'nothing')
    return { strategy: 'commit', action: 'unchanged', branch: request.branch, commitSha: null, tries: pushed.tries };
  if (pushed.status === 'gave-up' || pushed.status === 'refused')
    throw pushFailure(pushed, request.branch, remote.name, request.strategy);
  log.info(`Baseline committed to ${request.branch} as ${pushed.sha}.`);
  return { strategy: 'commit', action: 'pushed', branch: request.branch, commitSha: pushed.sha, tries: pushed.tries };
}

/** `pull-request`: force the baseline branch (with a lease) to one commit on top of HEAD, then open or update its PR. */
async function proposeAsPull(
  session: Session,
  deps: PublishBaselineDeps,
  head: string,
): Promise<PublishBaselineResult> {
  const { request, remote, log } = session;
  const pullBranch = request.pr?.branch ?? `repro-check/baseline-${request.branch}`;
  const built = await session.build(head);
  if (!built.changed) {
    log.info(`${request.baselinePath} on ${request.branch} already holds this baseline; no pull request needed.`);
    return { strategy: 'pull-request', action: 'unchanged', branch: pullBranch, commitSha: null, tries: 0 };
  }
  const pushed = await pushWithRetry(remote, {
    ...session.pushing,
    branch: pullBranch,
    label: 'baseline commit',
    log,
    retryReason: `${pullBranch} changed on "${remote.name}" while we pushed`,
    // The lease: overwrite the branch only if it is still where we saw it (absent, or our previous proposal).
    prepare: async () => ({ sha: built.sha, lease: await remoteBranchSha(remote, pullBranch) }),
  });
  if (pushed.status === 'gave-up' || pushed.status === 'refused')
    throw pushFailure(pushed, pullBranch, remote.name, request.strategy);

  const client = deps.client ?? (await defaultClient(request.token, log));
  const { pull, statusSetByUs } = await proposeBaselinePull(client, log, {
    repo: request.event.repo,
    head: pullBranch,
    base: request.branch,
    title: request.pr?.title ?? `Update repro-check baseline ${request.baselinePath}`,
    body: request.pr?.body ?? request.message,
    sha: built.sha,
    // The workflow token's PRs start no workflows: the required status is set on the PR here.
    statusCheckName: (request.tokenIsWorkflowToken ?? true) ? (request.checkName ?? DEFAULT_CHECK_NAME) : null,
    runUrl: request.event.runUrl,
  });
  return {
    strategy: 'pull-request',
    action: pull.action,
    branch: pullBranch,
    commitSha: built.sha,
    tries: pushed.tries,
    pullNumber: pull.number,
    pullUrl: pull.url,
    statusSetByUs,
  };
}

async function defaultClient(token: string, log: PublishBaselineDeps['log']): Promise<GithubClient> {
  const { createGithubClient } = await import('./client.ts');
  return createGithubClient({ token, log });
}
