/**
 * Reading a remote from a checkout: its default branch, where one of its branches points, and
 * fetching a branch's tip. Every command that reaches the remote carries the credentials
 * (remote-auth.ts) in its environment; the others carry none.
 */
import { ReproError } from '../errors.ts';
import { gitOrThrow, type GitCommand } from './command.ts';
import { authConfigEnv, redactingGit, secretFormsOf } from './remote-auth.ts';

/** One remote of a checkout, with what the commands that reach it need. */
export interface Remote {
  /** Git in the checkout; its output has the token redacted. */
  git: GitCommand;
  /** The remote's name (`origin`). */
  name: string;
  /** GIT_CONFIG_* environment with the credentials, for the commands that talk to the remote only. */
  auth: Record<string, string>;
}

/**
 * The remote NAME of the checkout GIT runs in, with TOKEN (empty: git's own credentials) for its
 * server. GIT's output is redacted of every form of TOKEN from here on. Throws a ReproError
 * when the checkout has no such remote.
 */
export async function openRemote(git: GitCommand, name: string, token: string): Promise<Remote> {
  const redacted = redactingGit(git, secretFormsOf(token));
  const url = (
    await gitOrThrow(redacted, ['config', '--get', `remote.${name}.url`], `read the URL of the remote "${name}"`)
  ).stdout.trim();
  return { git: redacted, name, auth: authConfigEnv(url, token) };
}

/** The remote's default branch (its HEAD), asked with `ls-remote --symref`. Throws a ReproError when it cannot be told. */
export async function remoteDefaultBranch(remote: Remote): Promise<string> {
  const output = await gitOrThrow(
    remote.git,
    ['ls-remote', '--symref', remote.name, 'HEAD'],
    `ask "${remote.name}" for its default branch`,
    { env: remote.auth },
  );
  const match = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(output.stdout);
  if (!match?.[1])
    throw new ReproError(
      `Could not tell the default branch of "${remote.name}"; set the input allow-baseline-from-any-branch: true to publish from "${remote.name}" anyway.`,
    );
  return match[1];
}

/** The commit BRANCH points at on the remote, or '' when the remote has no such branch. Throws a ReproError when git fails. */
export async function remoteBranchSha(remote: Remote, branch: string): Promise<string> {
  const output = await gitOrThrow(
    remote.git,
    ['ls-remote', remote.name, `refs/heads/${branch}`],
    `read ${branch} on "${remote.name}"`,
    { env: remote.auth },
  );
  return output.stdout.split('\t')[0]?.trim() ?? '';
}

/**
 * Fetches BRANCH from the remote and returns its tip's sha. Shallow when the checkout is shallow,
 * so a depth-1 checkout stays small. Throws a ReproError when the fetch fails.
 */
export async function fetchBranchTip(remote: Remote, branch: string): Promise<string> {
  const shallow =
    (await gitOrThrow(remote.git, ['rev-parse', '--is-shallow-repository'], 'inspect the checkout')).stdout.trim() ===
    'true';
  await gitOrThrow(
    remote.git,
    ['fetch', '--no-tags', '--quiet', ...(shallow ? ['--depth=1'] : []), remote.name, `refs/heads/${branch}`],
    `fetch ${branch} from "${remote.name}"`,
    { env: remote.auth },
  );
  return (
    await gitOrThrow(remote.git, ['rev-parse', '--verify', 'FETCH_HEAD^{commit}'], `read the fetched tip of ${branch}`)
  ).stdout.trim();
}
