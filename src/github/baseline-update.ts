/**
 * Publishing a new baseline (`mode: baseline`): commit it to the branch the workflow ran on, or
 * propose it as a pull request. The baseline content comes from the caller; this module does the
 * git and GitHub part.
 *
 * The commit is built from the content with git's plumbing in a temporary index, on top of the
 * checkout's HEAD (or, after a rejected push, of the remote tip): the checkout's HEAD, index and
 * working tree are never changed, so giving up loses nothing and a retry re-applies the baseline
 * onto whatever others pushed meanwhile, keeping their commits. Credentials go to git per command
 * (an auth header for that push or fetch), never into `.git/config`, and are redacted from every
 * message.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { GithubClient } from './client.ts';
import type { EventContext } from './event.ts';
import { openOrUpdateBaselinePull, reportStatusOnBaselinePull } from './baseline-update-pr.ts';
import { authConfigEnv, classifyPush, redactingGit, secretFormsOf, type PushOutcome } from './baseline-update-git.ts';
import { gitIn, type GitCommand, type GitOutput } from '../git/command.ts';
import { DEFAULT_CHECK_NAME } from '../settings/schema.ts';

export const BOT_NAME = 'github-actions[bot]';
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';

const DEFAULT_MAX_TRIES = 5;
const DEFAULT_BACKOFF_MS = 1000;
const LONGEST_BACKOFF_MS = 30_000;

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

export async function publishBaseline(
  deps: PublishBaselineDeps,
  request: PublishBaselineRequest,
): Promise<PublishBaselineResult> {
  const baselinePath = checkedRepoPath(request.baselinePath);
  const secrets = secretFormsOf(request.token);
  for (const secret of secrets) deps.mask?.(secret);
  const git = redactingGit(deps.git ?? gitIn(request.repoDir), secrets);
  const remote = request.remote ?? 'origin';
  const remoteUrl = (
    await gitOk(git, ['config', '--get', `remote.${remote}.url`], `read the URL of the remote "${remote}"`)
  ).stdout.trim();
  const session: Session = {
    git,
    remote,
    auth: authConfigEnv(remoteUrl, request.token),
    log: deps.log,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    beforePush: deps.beforePush ?? (async () => undefined),
    maxTries: Math.max(1, request.maxTries ?? DEFAULT_MAX_TRIES),
    backoffMs: request.backoffMs ?? DEFAULT_BACKOFF_MS,
  };
  await refuseOffDefaultBranch(session, request);

  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'repro-check-index-'));
  try {
    const build = (parent: string): Promise<BuiltCommit> =>
      buildBaselineCommit(git, {
        parent,
        baselinePath,
        content: request.content,
        message: request.message,
        indexFile: path.join(indexDir, 'index'),
      });
    const head = (await gitOk(git, ['rev-parse', '--verify', 'HEAD^{commit}'], 'read HEAD')).stdout.trim();
    return request.strategy === 'commit'
      ? await commitToBranch(session, request, build, head)
      : await proposeAsPull(session, deps, request, build, head);
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

interface Session {
  git: GitCommand;
  remote: string;
  /** GIT_CONFIG_* environment with the credentials, for the commands that talk to the remote only. */
  auth: Record<string, string>;
  log: PublishBaselineDeps['log'];
  sleep: (ms: number) => Promise<void>;
  beforePush: (attempt: number) => Promise<void>;
  maxTries: number;
  backoffMs: number;
}

interface BuiltCommit {
  sha: string;
  /** False when the parent already holds exactly this baseline. */
  changed: boolean;
}

function checkedRepoPath(baselinePath: string): string {
  const normal = path.posix.normalize(baselinePath.split(path.sep).join('/'));
  if (path.posix.isAbsolute(normal) || normal === '.' || normal.startsWith('../') || normal === '..') {
    throw new ReproError(`baseline path "${baselinePath}" must be a file inside the repository, relative to its root`);
  }
  return normal;
}

async function refuseOffDefaultBranch(session: Session, request: PublishBaselineRequest): Promise<void> {
  if (request.allowAnyBranch) return;
  const defaultBranch = request.defaultBranch ?? (await remoteDefaultBranch(session));
  if (request.branch === defaultBranch) return;
  throw offDefaultBranchError(request.branch, defaultBranch);
}

export function offDefaultBranchError(branch: string, defaultBranch: string): ReproError {
  return new ReproError(
    `mode: baseline ran on branch "${branch}", not on the default branch "${defaultBranch}"; a baseline is published from the default branch only.`,
    {
      hint: `Run the baseline update on ${defaultBranch}, or set the input allow-baseline-from-any-branch: true.`,
    },
  );
}

async function remoteDefaultBranch(session: Session): Promise<string> {
  const output = await gitOk(
    session.git,
    ['ls-remote', '--symref', session.remote, 'HEAD'],
    `ask "${session.remote}" for its default branch`,
    { env: session.auth },
  );
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output.stdout);
  if (!match?.[1])
    throw new ReproError(
      `Could not tell the default branch of "${session.remote}"; set the input allow-baseline-from-any-branch: true to publish from "${session.remote}" anyway.`,
    );
  return match[1];
}

/** A commit holding CONTENT at BASELINE_PATH on top of PARENT, made in a temporary index with the bot's identity. */
async function buildBaselineCommit(
  git: GitCommand,
  spec: { parent: string; baselinePath: string; content: string; message: string; indexFile: string },
): Promise<BuiltCommit> {
  const env = { GIT_INDEX_FILE: spec.indexFile };
  const blob = (
    await gitOk(git, ['hash-object', '-w', '--stdin'], 'store the baseline in git', { input: spec.content })
  ).stdout.trim();
  await gitOk(git, ['read-tree', spec.parent], `read the tree of ${spec.parent}`, { env });
  await gitOk(
    git,
    ['update-index', '--add', '--cacheinfo', `100644,${blob},${spec.baselinePath}`],
    `stage ${spec.baselinePath}`,
    { env },
  );
  const tree = (await gitOk(git, ['write-tree'], 'write the baseline tree', { env })).stdout.trim();
  const parentTree = (
    await gitOk(git, ['rev-parse', `${spec.parent}^{tree}`], `read the tree of ${spec.parent}`)
  ).stdout.trim();
  if (tree === parentTree) return { sha: spec.parent, changed: false };
  const identity = {
    GIT_AUTHOR_NAME: BOT_NAME,
    GIT_AUTHOR_EMAIL: BOT_EMAIL,
    GIT_COMMITTER_NAME: BOT_NAME,
    GIT_COMMITTER_EMAIL: BOT_EMAIL,
  };
  const sha = (
    await gitOk(git, ['commit-tree', tree, '-p', spec.parent, '-F', '-'], 'commit the baseline', {
      input: spec.message,
      env: identity,
    })
  ).stdout.trim();
  return { sha, changed: true };
}

/** `commit`: push onto the branch; when it moved meanwhile, fetch, re-apply onto its tip, and push again. */
async function commitToBranch(
  session: Session,
  request: PublishBaselineRequest,
  build: (parent: string) => Promise<BuiltCommit>,
  head: string,
): Promise<PublishBaselineResult> {
  const target = `refs/heads/${request.branch}`;
  let parent = head;
  let lastBuilt: string | null = null;
  for (let attempt = 1; attempt <= session.maxTries; attempt += 1) {
    if (attempt > 1) {
      await backOff(
        session,
        attempt,
        `${request.branch} moved on "${session.remote}" meanwhile; fetching it and re-applying the baseline`,
      );
      parent = await fetchTip(session, request.branch);
    }
    const built = await build(parent);
    if (!built.changed) {
      session.log.info(`${request.baselinePath} on ${request.branch} already holds this baseline; nothing to commit.`);
      return { strategy: 'commit', action: 'unchanged', branch: request.branch, commitSha: null, tries: attempt };
    }
    lastBuilt = built.sha;
    session.log.info(
      `Pushing baseline commit ${built.sha.slice(0, 12)} to ${request.branch} (try ${attempt} of ${session.maxTries}).`,
    );
    await session.beforePush(attempt);
    const pushed = await push(session, [`${built.sha}:${target}`]);
    if (pushed.outcome === 'pushed' || pushed.outcome === 'unchanged') {
      session.log.info(`Baseline committed to ${request.branch} as ${built.sha}.`);
      return { strategy: 'commit', action: 'pushed', branch: request.branch, commitSha: built.sha, tries: attempt };
    }
    if (pushed.outcome !== 'stale') throw pushError(pushed, request.branch, built.sha, request);
  }
  throw new ReproError(
    `Could not push the baseline to ${request.branch} after ${session.maxTries} tries: the branch moved on "${session.remote}" before each push. ` +
      `Nothing was lost: the checkout is unchanged, and commit ${lastBuilt} in the local repository holds the baseline.`,
    { hint: 'Re-run the baseline update when the branch is quieter, or use baseline-update: pull-request.' },
  );
}

/** `pull-request`: force the baseline branch (with a lease) to one commit on top of HEAD, then open or update its PR. */
async function proposeAsPull(
  session: Session,
  deps: PublishBaselineDeps,
  request: PublishBaselineRequest,
  build: (parent: string) => Promise<BuiltCommit>,
  head: string,
): Promise<PublishBaselineResult> {
  const pullBranch = request.pr?.branch ?? `repro-check/baseline-${request.branch}`;
  const built = await build(head);
  if (!built.changed) {
    session.log.info(
      `${request.baselinePath} on ${request.branch} already holds this baseline; no pull request needed.`,
    );
    return { strategy: 'pull-request', action: 'unchanged', branch: pullBranch, commitSha: null, tries: 0 };
  }
  const target = `refs/heads/${pullBranch}`;
  let tries = 0;
  for (let attempt = 1; ; attempt += 1) {
    tries = attempt;
    if (attempt > 1) await backOff(session, attempt, `${pullBranch} changed on "${session.remote}" while we pushed`);
    // The lease: overwrite the branch only if it is still where we saw it (absent, or our previous proposal).
    const seen =
      (
        await gitOk(session.git, ['ls-remote', session.remote, target], `read ${pullBranch} on "${session.remote}"`, {
          env: session.auth,
        })
      ).stdout
        .split('\t')[0]
        ?.trim() ?? '';
    session.log.info(
      `Pushing baseline commit ${built.sha.slice(0, 12)} to ${pullBranch} (try ${attempt} of ${session.maxTries}).`,
    );
    await session.beforePush(attempt);
    const pushed = await push(session, [`--force-with-lease=${target}:${seen}`, `${built.sha}:${target}`]);
    if (pushed.outcome === 'pushed' || pushed.outcome === 'unchanged') break;
    if (pushed.outcome !== 'stale') throw pushError(pushed, pullBranch, built.sha, request);
    if (attempt >= session.maxTries) {
      throw new ReproError(
        `Could not push the baseline branch ${pullBranch} after ${session.maxTries} tries: it changed on "${session.remote}" before each push. Nothing was lost: commit ${built.sha} holds the baseline locally.`,
      );
    }
  }

  const client = deps.client ?? (await defaultClient(request.token, deps.log));
  const pull = await openOrUpdateBaselinePull(client, {
    repo: request.event.repo,
    head: pullBranch,
    base: request.branch,
    title: request.pr?.title ?? `Update repro-check baseline ${request.baselinePath}`,
    body: request.pr?.body ?? request.message,
  });
  session.log.info(`Baseline pull request #${pull.number} ${pull.action}: ${pull.url}`);
  let statusSetByUs = false;
  if (request.tokenIsWorkflowToken ?? true) {
    const status = await reportStatusOnBaselinePull(client, {
      repo: request.event.repo,
      sha: built.sha,
      checkName: request.checkName ?? DEFAULT_CHECK_NAME,
      targetUrl: request.event.runUrl,
    });
    if (status.posted) {
      statusSetByUs = true;
      session.log.info(
        `Set the status repro-check/${request.checkName ?? DEFAULT_CHECK_NAME} on the PR's head: a PR opened with GITHUB_TOKEN starts no workflows, so no check would report on it. Pass baseline-token to have the PR checked by its workflows instead.`,
      );
    } else {
      session.log.warning(status.warning);
    }
  }
  return {
    strategy: 'pull-request',
    action: pull.action,
    branch: pullBranch,
    commitSha: built.sha,
    tries,
    pullNumber: pull.number,
    pullUrl: pull.url,
    statusSetByUs,
  };
}

async function defaultClient(token: string, log: PublishBaselineDeps['log']): Promise<GithubClient> {
  const { createGithubClient } = await import('./client.ts');
  return createGithubClient({ token, log });
}

async function backOff(session: Session, attempt: number, why: string): Promise<void> {
  const waitMs = Math.min(session.backoffMs * 2 ** (attempt - 2), LONGEST_BACKOFF_MS);
  session.log.info(`${why} (try ${attempt} of ${session.maxTries}, after ${waitMs} ms).`);
  await session.sleep(waitMs);
}

/** The remote tip of BRANCH, fetched (shallow when the checkout is shallow, so a depth-1 checkout stays small). */
async function fetchTip(session: Session, branch: string): Promise<string> {
  const shallow =
    (await gitOk(session.git, ['rev-parse', '--is-shallow-repository'], 'inspect the checkout')).stdout.trim() ===
    'true';
  await gitOk(
    session.git,
    ['fetch', '--no-tags', '--quiet', ...(shallow ? ['--depth=1'] : []), session.remote, `refs/heads/${branch}`],
    `fetch ${branch} from "${session.remote}"`,
    { env: session.auth },
  );
  return (
    await gitOk(session.git, ['rev-parse', '--verify', 'FETCH_HEAD^{commit}'], `read the fetched tip of ${branch}`)
  ).stdout.trim();
}

async function push(session: Session, refspecArgs: string[]): Promise<{ outcome: PushOutcome; output: GitOutput }> {
  const output = await session.git(['push', '--porcelain', session.remote, ...refspecArgs], { env: session.auth });
  return { outcome: classifyPush(output), output };
}

function pushError(
  pushed: { outcome: PushOutcome; output: GitOutput },
  branch: string,
  sha: string,
  request: PublishBaselineRequest,
): ReproError {
  const remoteLines = pushed.output.stderr
    .split('\n')
    .filter((line) => line.startsWith('remote:') || line.startsWith('error:') || line.startsWith('fatal:'))
    .slice(0, 6)
    .join('\n');
  const kept = `Nothing was lost: commit ${sha} in the local repository holds the baseline.`;
  if (pushed.outcome === 'protected') {
    return new ReproError(
      `The push of the baseline to ${branch} was refused by its branch protection or a ruleset:\n${remoteLines}\n${kept}`,
      {
        hint:
          request.strategy === 'commit'
            ? `Pass a token allowed to push to ${branch} as baseline-token (a GitHub App token or a PAT the protection lets through), or set baseline-update: pull-request to propose the baseline as a PR.`
            : `Pass a token allowed to push to ${branch} as baseline-token (a GitHub App token or a PAT), or exempt the repro-check/* branches from the ruleset.`,
      },
    );
  }
  return new ReproError(
    `git push of the baseline to ${branch} failed (exit ${pushed.output.exitCode}):\n${remoteLines || pushed.output.stderr.trim()}\n${kept}`,
    {
      hint: "The token needs `contents: write` under the job's `permissions:` (or pass baseline-token).",
    },
  );
}

async function gitOk(
  git: GitCommand,
  args: string[],
  what: string,
  options?: { input?: string; env?: Record<string, string> },
): Promise<GitOutput> {
  const output = await git(args, options);
  if (output.exitCode !== 0)
    throw new ReproError(
      `Could not ${what}: git exited with ${output.exitCode}: ${output.stderr.trim() || output.stdout.trim()}`,
    );
  return output;
}
