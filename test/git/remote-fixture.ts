/**
 * Real git for the src/git remote tests: a bare repository as `origin` with one commit on
 * `main`, a checkout cloned from it (the one src/git works in), and a second clone whose pushes
 * play "someone else pushed meanwhile". No user or system git configuration is read.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gitIn, type GitCommand } from '../../src/git/command.ts';

/** Git's environment in these tests: no user or system configuration, a fixed identity for the people. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: os.tmpdir(),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Other Person',
  GIT_AUTHOR_EMAIL: 'other@example.com',
  GIT_COMMITTER_NAME: 'Other Person',
  GIT_COMMITTER_EMAIL: 'other@example.com',
};

/** Runs git in CWD with GIT_ENV (by the test itself, not through src/git) and returns its trimmed stdout. */
export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export interface Remotes {
  root: string;
  origin: string;
  checkout: string;
  other: string;
  /** src/git's git in the checkout. */
  git: GitCommand;
  /** Commits FILE with CONTENT in the other clone on top of origin's BRANCH (or main) and pushes it there. Returns its sha. */
  pushFromOther(branch: string, file: string, content: string): string;
  /** Makes origin refuse pushes to BRANCH with MESSAGE on stderr (as a server hook does). */
  refusePushesTo(branch: string, message: string): Promise<void>;
  close(): Promise<void>;
}

export async function makeRemotes(options: { shallowCheckout?: boolean } = {}): Promise<Remotes> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'repro-git-remote-'));
  const origin = path.join(root, 'origin.git');
  const checkout = path.join(root, 'checkout');
  const other = path.join(root, 'other');
  sh(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  sh(root, 'clone', '--quiet', origin, other);
  execFileSync('sh', ['-c', 'printf "seed\\n" > seed.txt'], { cwd: other });
  sh(other, 'add', '.');
  sh(other, 'commit', '--quiet', '-m', 'seed');
  sh(other, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  sh(root, 'clone', '--quiet', ...(options.shallowCheckout ? ['--depth=1', `file://${origin}`] : [origin]), checkout);
  let commits = 0;
  return {
    root,
    origin,
    checkout,
    other,
    git: gitIn(checkout, GIT_ENV),
    pushFromOther(branch, file, content) {
      commits += 1;
      sh(other, 'fetch', '--quiet', 'origin');
      const exists = sh(other, 'ls-remote', 'origin', `refs/heads/${branch}`) !== '';
      sh(other, 'checkout', '--quiet', '-B', branch, exists ? `origin/${branch}` : 'origin/main');
      execFileSync('sh', ['-c', 'printf %s "$2" > "$1"', 'sh', file, content], { cwd: other });
      sh(other, 'add', file);
      sh(other, 'commit', '--quiet', '-m', `other change ${commits}`);
      sh(other, 'push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`);
      return sh(other, 'rev-parse', 'HEAD');
    },
    async refusePushesTo(branch, message) {
      const hook = path.join(origin, 'hooks', 'pre-receive');
      const script = `#!/bin/sh\nwhile read old new ref; do\n  if [ "$ref" = "refs/heads/${branch}" ]; then echo "${message}" >&2; exit 1; fi\ndone\n`;
      await writeFile(hook, script);
      await chmod(hook, 0o755);
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
}
