import { simpleGit, type SimpleGit } from 'simple-git';
import { ReproError } from '../errors.ts';
import { SAFE_GIT_CONFIG } from './command.ts';

/**
 * The few git operations repro-check needs, over simple-git. Every command runs with
 * fsmonitor off and hooks pointed nowhere: a repository's own hooks and fsmonitor daemon are
 * code from the repository, and the gate must not run them.
 */
export interface GitRepo {
  /** The repository's top-level directory. */
  root: string;
  /** Runs `git ARGS` and returns stdout; throws on a non-zero exit. */
  run(args: string[]): Promise<string>;
  /** Runs `git ARGS`; null instead of throwing when git exits non-zero. */
  tryRun(args: string[]): Promise<string | null>;
}

/**
 * Git gets a small, explicit environment: what it needs to find itself, its config and the
 * network (a self-hosted runner's CA bundle and proxy for the fetch of a PR's base commit),
 * no credential prompt (a CI job must fail, not hang), and nothing else. simple-git refuses
 * explicit variables that can run programs (EDITOR, PAGER, GIT_ASKPASS, …); none are passed.
 */
const PASSED_VARIABLES = [
  'PATH',
  'HOME',
  'USER',
  'TMPDIR',
  'XDG_CONFIG_HOME',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
];
const ALLOWED_GIT_VARIABLES = ['GIT_TERMINAL_PROMPT', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH'];

function gitAt(dir: string): SimpleGit {
  const env: Record<string, string> = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  for (const name of PASSED_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return simpleGit({
    baseDir: dir,
    config: [...SAFE_GIT_CONFIG],
    allowEnvironment: ALLOWED_GIT_VARIABLES,
    unsafe: { allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true },
    // simple-git only rejects when git exits non-zero AND wrote to stderr; `symbolic-ref -q`
    // on a detached HEAD exits 1 silently and would read as success. Any non-zero exit fails.
    errors: (error, result) =>
      error ??
      (result.exitCode === 0
        ? undefined
        : Buffer.from(
            Buffer.concat(result.stdErr).toString('utf8').trim() || `git exited with code ${result.exitCode}`,
          )),
  }).env(env);
}

export async function openRepo(dir: string): Promise<GitRepo> {
  let root: string;
  try {
    root = (await gitAt(dir).revparse(['--show-toplevel'])).trim();
  } catch (error) {
    throw openFailure(dir, error instanceof Error ? error.message : String(error));
  }
  const git = gitAt(root);
  return {
    root,
    run: (args) => git.raw(args),
    tryRun: async (args) => {
      try {
        return await git.raw(args);
      } catch {
        return null;
      }
    },
  };
}

/**
 * Why git would not open `dir`, from its stderr. "Dubious ownership" is told apart from "not a
 * repository": self-hosted runners meet it when the workspace belongs to another user (a
 * container, an earlier job run as root), and its fix is a git setting, not a clone.
 */
export function openFailure(dir: string, gitMessage: string): ReproError {
  // git >= 2.36 says "detected dubious ownership in repository at '<path>'"; 2.35.2-2.35.x said
  // "unsafe repository ('<path>' is owned by someone else)".
  const owner =
    /dubious ownership in repository at '([^']+)'/.exec(gitMessage) ??
    /unsafe repository \('([^']+)' is owned by someone else\)/.exec(gitMessage);
  if (owner) {
    return new ReproError(
      `git refuses the repository at ${owner[1]}: it is owned by another user than the one running repro-check ("dubious ownership")`,
      {
        hint: `Mark it safe for this user: git config --global --add safe.directory ${owner[1]} (actions/checkout does this for its own steps only), or run the job as the workspace's owner.`,
      },
    );
  }
  return new ReproError(`${dir} is not inside a git repository (${firstLine(gitMessage)})`, {
    hint: 'repro-check trains committed code only: run it inside a clone of your repository.',
  });
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n')[0] ?? '';
}
