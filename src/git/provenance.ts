import { ReproError } from '../errors.ts';
import { firstLine, type GitRepo } from './repo.ts';

export interface RepoProvenance {
  /** The commit results are recorded and reported against. */
  commit: string;
  /** The checked-out branch (`refs/heads/…`); in a pull request the PR's head branch; null on a detached HEAD otherwise. */
  ref: string | null;
  shallow: boolean;
  /** In a pull request, the base commit (present locally); else null. */
  baseCommit: string | null;
}

/** What the runner says it checked out: GITHUB_REF and GITHUB_SHA (absent outside Actions). */
export interface RunnerCheckout {
  ref?: string | undefined;
  sha?: string | undefined;
}

/**
 * Which commit is being trained. On `pull_request` the checkout is a temporary merge commit:
 * the PR's head SHA is recorded, and the base commit is made present (a `fetch-depth: 1`
 * checkout lacks it: it is fetched alone, `--depth=1`) so the baseline and tolerance can be
 * read from it. A detached HEAD is normal (actions/checkout leaves one on pull requests and
 * tags): the ref recorded is then the PR's head branch, or the runner's GITHUB_REF when HEAD is
 * the commit the runner names (a tag push), so the run record still says what was trained.
 * Throws a ReproError when the repository has no commit yet, or the base commit cannot be made
 * present (ensureCommitPresent).
 */
export async function resolveProvenance(
  repo: GitRepo,
  pullRequest: { headSha: string; baseSha: string; headRef?: string | null } | null,
  runner: RunnerCheckout = {},
): Promise<RepoProvenance> {
  // Three independent questions, asked at once (each git process costs milliseconds to start).
  const [headOutput, symbolic, shallowOutput] = await Promise.all([
    repo.tryRun(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']),
    repo.tryRun(['symbolic-ref', '-q', 'HEAD']),
    repo.run(['rev-parse', '--is-shallow-repository']).catch((error: unknown) => error as Error),
  ]);
  const head = headOutput?.trim();
  if (!head)
    throw new ReproError(`The repository ${repo.root} has no commit yet`, {
      hint: 'Commit the training code first: repro-check records which commit produced each result.',
    });
  if (shallowOutput instanceof Error) throw shallowOutput;
  const shallow = shallowOutput.trim() === 'true';
  const ref = symbolic?.trim() || (runner.ref && runner.sha === head ? runner.ref : null);
  if (!pullRequest) return { commit: head, ref, shallow, baseCommit: null };
  await ensureCommitPresent(repo, pullRequest.baseSha);
  // The checkout is a detached merge commit (GITHUB_REF is refs/pull/N/merge): the branch worth recording is the PR's head branch.
  return {
    commit: pullRequest.headSha,
    ref: pullRequest.headRef ? `refs/heads/${pullRequest.headRef}` : symbolic?.trim() || null,
    shallow,
    baseCommit: pullRequest.baseSha,
  };
}

async function hasCommit(repo: GitRepo, sha: string): Promise<boolean> {
  return (await repo.tryRun(['cat-file', '-e', `${sha}^{commit}`])) !== null;
}

/**
 * Makes commit SHA present in the clone: fetched alone (`--depth=1`) from `origin` (or the first
 * remote) when it is missing. Throws a ReproError when there is no remote, the fetch fails, or
 * the fetched object is still no commit.
 */
export async function ensureCommitPresent(repo: GitRepo, sha: string): Promise<void> {
  if (await hasCommit(repo, sha)) return;
  const remotes = (await repo.run(['remote'])).split('\n').filter(Boolean);
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  if (!remote) {
    throw new ReproError(
      `The pull request's base commit ${sha} is not in this clone, and the clone has no remote to fetch it from`,
      {
        hint: 'Check out with actions/checkout (any fetch-depth), or fetch the base commit before running repro-check.',
      },
    );
  }
  try {
    await repo.run(['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', remote, sha]);
  } catch (error) {
    throw new ReproError(
      `The pull request's base commit ${sha} is not in this shallow clone, and fetching it from ${remote} failed: ${firstLine(error)}`,
      {
        hint: 'Use `fetch-depth: 0` on actions/checkout, or make sure the job can read the repository (contents: read).',
      },
    );
  }
  if (!(await hasCommit(repo, sha)))
    throw new ReproError(`Fetched ${sha} from ${remote}, but it is still not a commit in this clone`);
}

/**
 * The text of REPO_RELATIVE_PATH (with `/`) at COMMIT, whole; null when the path does not exist
 * there. Throws a ReproError when the commit is not in the clone or the path is not a file.
 */
export async function readFileAtCommit(
  repo: GitRepo,
  commit: string,
  repoRelativePath: string,
): Promise<string | null> {
  const spec = `${commit}:${repoRelativePath}`;
  const type = await repo.tryRun(['cat-file', '-t', spec]);
  if (type === null) {
    if (!(await hasCommit(repo, commit)))
      throw new ReproError(`Commit ${commit} is not in this clone; cannot read ${repoRelativePath} from it`);
    return null;
  }
  if (type.trim() !== 'blob')
    throw new ReproError(`${repoRelativePath} at ${commit.slice(0, 12)} is a ${type.trim()}, not a file`);
  return repo.run(['cat-file', 'blob', spec]);
}

/** The checked-out branch's short name (`main`), for a commit of a new baseline. Throws a ReproError on a detached HEAD. */
export async function requireBranch(repo: GitRepo): Promise<string> {
  const symbolic = await repo.tryRun(['symbolic-ref', '-q', '--short', 'HEAD']);
  if (symbolic === null || symbolic.trim() === '') {
    throw new ReproError('HEAD is detached, and a baseline update needs a branch to commit to', {
      hint: 'Check out the branch first (git switch main); in a workflow, run the baseline update on a branch (workflow_dispatch or push), not on a pull request.',
    });
  }
  return symbolic.trim();
}

/**
 * The checked-out HEAD commit and its parents' shas, or null when the repository has no commit.
 * The parents come from the commit object itself: a shallow clone's graft hides them from
 * `git log`. Tells a pull_request_target run that trains the base (safe; reported on the base
 * commit) from one that checked out the PR head or its merge commit.
 */
export async function checkedOutCommit(repo: GitRepo): Promise<{ sha: string; parents: string[] } | null> {
  const sha = (await repo.tryRun(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']))?.trim();
  if (!sha) return null;
  const object = (await repo.tryRun(['cat-file', 'commit', sha])) ?? '';
  const headerEnd = object.indexOf('\n\n');
  const header = headerEnd < 0 ? object : object.slice(0, headerEnd);
  const parents = header
    .split('\n')
    .filter((line) => line.startsWith('parent '))
    .map((line) => line.slice('parent '.length).trim());
  return { sha, parents };
}
