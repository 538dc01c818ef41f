import { simpleGit, type SimpleGit } from 'simple-git';
import { ReproError } from '../errors.ts';

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

const SAFE_CONFIG = ['core.fsmonitor=false', 'core.hooksPath=/dev/null'];

/**
 * simple-git drops every ambient GIT_* variable and refuses explicit ones it was not told to
 * allow; these are the ones we pass: no credential prompt (a CI job must fail, not hang), and a
 * self-hosted runner's own CA bundle for the fetch of a PR's base commit.
 */
const ALLOWED_GIT_VARIABLES = ['GIT_TERMINAL_PROMPT', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH'];

function gitAt(dir: string): SimpleGit {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && (!name.startsWith('GIT_') || ALLOWED_GIT_VARIABLES.includes(name))) env[name] = value;
  env.GIT_TERMINAL_PROMPT = '0';
  env.LC_ALL = 'C';
  return simpleGit({
    baseDir: dir,
    config: SAFE_CONFIG,
    allowEnvironment: ALLOWED_GIT_VARIABLES,
    unsafe: { allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true } as Record<string, boolean>,
  }).env(env);
}

export async function openRepo(dir: string): Promise<GitRepo> {
  let root: string;
  try {
    root = (await gitAt(dir).revparse(['--show-toplevel'])).trim();
  } catch (error) {
    throw new ReproError(`${dir} is not inside a git repository (${firstLine(error)})`, {
      hint: 'repro-check trains committed code only: run it inside a clone of your repository.',
    });
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

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n')[0] ?? '';
}
