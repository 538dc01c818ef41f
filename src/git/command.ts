/**
 * Plain git commands, through the one spawn (src/proc/run-captured.ts): stdin, extra
 * environment (GIT_INDEX_FILE, a commit identity), and the exit code with both outputs instead
 * of an exception. No shell, English messages, never a prompt. repo.ts's GitRepo is built on it.
 */
import { ReproError } from '../errors.ts';
import { processEndPhrase } from '../proc/process-failure.ts';
import { runCapturedProcess } from '../proc/run-captured.ts';

export interface GitOutput {
  /** git's exit code; 1 when it was killed or timed out, 127 when git is not installed. */
  exitCode: number;
  stdout: string;
  /** git's stderr; for a git that was killed, did not start or timed out, also a line saying so. */
  stderr: string;
}

export interface GitCallOptions {
  /** Written to git's stdin. */
  input?: string;
  /** Added to the environment (e.g. GIT_INDEX_FILE, the commit identity). */
  env?: Record<string, string>;
}

/** Runs `git ARGS` in one repository and resolves with its exit code and output (never rejects for a non-zero exit). */
export type GitCommand = (args: readonly string[], options?: GitCallOptions) => Promise<GitOutput>;

/**
 * Settings every git call gets: no hooks from the checkout (a training run could have written
 * them), no fsmonitor daemon (code from the repository too).
 */
const SAFE_GIT_CONFIG = ['core.fsmonitor=false', 'core.hooksPath=/dev/null'] as const;

/** A git command that talks to a remote (a fetch of a large repository) may take long, but not forever. */
const GIT_TIMEOUT_MS = 15 * 60_000;

/**
 * Git in REPO_DIR with BASE_ENV (default our own environment) plus each call's `env`, run
 * through runProcess (its own process group, stopped on cancellation and after 15 minutes).
 * The returned command never rejects: a git that could not run is a non-zero exit with the
 * reason in `stderr`.
 */
export function gitIn(repoDir: string, baseEnv: NodeJS.ProcessEnv = process.env): GitCommand {
  return async (args, options = {}) => {
    const result = await runCapturedProcess(
      ['git', ...SAFE_GIT_CONFIG.flatMap((setting) => ['-c', setting]), ...args],
      {
        cwd: repoDir,
        env: {
          ...baseEnv,
          ...options.env,
          GIT_TERMINAL_PROMPT: '0',
          GCM_INTERACTIVE: 'never',
          LC_ALL: 'C',
          LANGUAGE: 'C',
        },
        timeoutMs: GIT_TIMEOUT_MS,
        ...(options.input === undefined ? {} : { input: options.input }),
      },
    );
    if (result.exitCode !== null && result.exitCode !== 127 && !result.timedOut && !result.cancelled)
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    const ended = `git ${processEndPhrase(result, `${GIT_TIMEOUT_MS / 60_000} minutes`)}`;
    return {
      exitCode: result.exitCode === 127 ? 127 : 1,
      stdout: result.stdout,
      stderr: result.stderr ? `${result.stderr.trimEnd()}\n${ended}\n` : `${ended}\n`,
    };
  };
}

/**
 * Runs `git ARGS` and returns its output when it exits 0. Throws a ReproError "Could not WHAT:
 * git exited with N: <stderr>" otherwise (WHAT in words: "read HEAD", "fetch main from origin").
 */
export async function gitOrThrow(
  git: GitCommand,
  args: string[],
  what: string,
  options?: GitCallOptions,
): Promise<GitOutput> {
  const output = await git(args, options);
  if (output.exitCode !== 0)
    throw new ReproError(
      `Could not ${what}: git exited with ${output.exitCode}: ${output.stderr.trim() || output.stdout.trim()}`,
    );
  return output;
}
