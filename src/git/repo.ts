import { ReproError } from '../errors.ts';
import { gitIn, type GitCommand } from './command.ts';

/**
 * The few git operations repro-check needs, over src/git/command.ts (so through the one spawn,
 * with fsmonitor off and hooks pointed nowhere: a repository's own hooks and fsmonitor daemon
 * are code from the repository, and the gate must not run them).
 */
export interface GitRepo {
  /** The repository's top-level directory. */
  root: string;
  /** Runs `git ARGS` and returns stdout; throws an Error with git's stderr (or its exit code) on a non-zero exit. */
  run(args: string[]): Promise<string>;
  /** Runs `git ARGS`; null instead of throwing when git exits non-zero. */
  tryRun(args: string[]): Promise<string | null>;
}

/**
 * Git gets a small, explicit environment: what it needs to find itself, its config and the
 * network (a self-hosted runner's CA bundle and proxy for the fetch of a PR's base commit),
 * no credential prompt (a CI job must fail, not hang), and nothing else: no variable that can
 * run a program (EDITOR, PAGER, GIT_ASKPASS, GIT_SSH_COMMAND, …) is passed.
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

function gitAt(dir: string): GitCommand {
  const env: NodeJS.ProcessEnv = {};
  for (const name of PASSED_VARIABLES) if (process.env[name] !== undefined) env[name] = process.env[name];
  return gitIn(dir, env);
}

/** Runs GIT and returns stdout; an Error with git's stderr (or "git exited with code N") when it exits non-zero. */
async function stdoutOf(git: GitCommand, args: string[]): Promise<string> {
  const output = await git(args);
  if (output.exitCode !== 0) throw new Error(output.stderr.trim() || `git exited with code ${output.exitCode}`);
  return output.stdout;
}

/**
 * Opens the repository DIR is in (DIR: an absolute or relative folder path).
 * Throws a ReproError (openFailure's) when DIR is not inside one, or git refuses it.
 */
export async function openRepo(dir: string): Promise<GitRepo> {
  let root: string;
  try {
    root = (await stdoutOf(gitAt(dir), ['rev-parse', '--show-toplevel'])).trim();
  } catch (error) {
    throw openFailure(dir, error instanceof Error ? error.message : String(error));
  }
  const git = gitAt(root);
  return {
    root,
    run: (args) => stdoutOf(git, args),
    tryRun: async (args) => {
      const output = await git(args);
      return output.exitCode === 0 ? output.stdout : null;
    },
  };
}

/**
 * Why git would not open `dir`, from its stderr. "Dubious ownership" is told apart from "not a
 * repository": self-hosted runners meet it when the workspace belongs to another user (a
 * container, an earlier job run as root), and its fix is a git setting, not a clone.
 * Returns the error (a ReproError with a hint) for the caller to throw.
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

/** The first line of an error's message (or of a thrown non-Error as text), trimmed. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n')[0] ?? '';
}
