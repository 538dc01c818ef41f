/**
 * Plain git commands for callers that need what simple-git does not give per call (repo.ts uses
 * simple-git for the gate): stdin, extra environment (GIT_INDEX_FILE, a commit identity), and
 * the exit code with both outputs instead of an exception. No shell, English messages, never a prompt.
 */
import { spawn } from 'node:child_process';

export interface GitOutput {
  exitCode: number;
  stdout: string;
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
 * Settings every git call gets, here and in repo.ts: no hooks from the checkout (a training run
 * could have written them), no fsmonitor daemon (code from the repository too).
 */
export const SAFE_GIT_CONFIG = ['core.fsmonitor=false', 'core.hooksPath=/dev/null'] as const;

export function gitIn(repoDir: string, baseEnv: NodeJS.ProcessEnv = process.env): GitCommand {
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn('git', [...SAFE_GIT_CONFIG.flatMap((setting) => ['-c', setting]), ...args], {
        cwd: repoDir,
        env: {
          ...baseEnv,
          ...options.env,
          GIT_TERMINAL_PROMPT: '0',
          GCM_INTERACTIVE: 'never',
          LC_ALL: 'C',
          LANGUAGE: 'C',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', reject);
      // A command that exits without reading its stdin makes the write fail with EPIPE; its exit code tells the story.
      child.stdin.on('error', () => undefined);
      child.on('close', (code) =>
        resolve({
          exitCode: code ?? 1,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        }),
      );
      child.stdin.end(options.input ?? '');
    });
}
