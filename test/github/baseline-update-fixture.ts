/**
 * Real git for the baseline-update tests: a bare repository as `origin`, the runner's checkout
 * cloned from it (its remote spelled `https://github.com/...` as actions/checkout leaves it, and
 * rewritten to the bare repository by `url.insteadOf`, so the credentials code takes its https
 * path), and a second clone for the "someone else pushed meanwhile" commits.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gitIn, type GitCommand } from '../../src/git/command.ts';
import { GIT_ENV, sh } from '../git/remote-fixture.ts';

export const REMOTE_URL = 'https://github.com/octo/models.git';
export const TOKEN = 'ghs_SeCrEt0123456789abcdefTOKEN';
export const BASELINE_PATH = '.repro/baseline.json';

export { GIT_ENV, sh };

export interface GitCall {
  args: readonly string[];
  env: Record<string, string> | undefined;
}

export interface Repos {
  root: string;
  origin: string;
  checkout: string;
  other: string;
  /** Git in the checkout, recording every call. */
  git: GitCommand;
  calls: GitCall[];
  /** A commit from the other clone, pushed to BRANCH of origin. Returns its sha. */
  pushFromOther(branch: string, file: string, content: string): string;
  /** Makes origin refuse every push to refs/heads/main the way GitHub's branch protection does. */
  protectMain(): Promise<void>;
  close(): Promise<void>;
}

export async function makeRepos(): Promise<Repos> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'repro-baseline-'));
  const origin = path.join(root, 'origin.git');
  const seed = path.join(root, 'seed');
  const checkout = path.join(root, 'checkout');
  const other = path.join(root, 'other');
  sh(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  sh(root, 'clone', '--quiet', origin, seed);
  await mkdir(path.join(seed, '.repro'), { recursive: true });
  await writeFile(path.join(seed, 'train.py'), 'print("train")\n');
  await writeFile(path.join(seed, BASELINE_PATH), '{"old": true}\n');
  sh(seed, 'add', '.');
  sh(seed, 'commit', '--quiet', '-m', 'seed');
  sh(seed, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  sh(root, 'clone', '--quiet', origin, checkout);
  sh(checkout, 'remote', 'set-url', 'origin', REMOTE_URL);
  sh(checkout, 'config', `url.${pathToFileURL(origin).href}.insteadOf`, REMOTE_URL);
  sh(root, 'clone', '--quiet', origin, other);

  const calls: GitCall[] = [];
  const realGit = gitIn(checkout, GIT_ENV);
  const git: GitCommand = (args, options) => {
    calls.push({ args, env: options?.env });
    return realGit(args, options);
  };
  let otherCommits = 0;
  return {
    root,
    origin,
    checkout,
    other,
    git,
    calls,
    pushFromOther(branch, file, content) {
      otherCommits += 1;
      sh(other, 'fetch', '--quiet', 'origin');
      const exists = sh(other, 'ls-remote', 'origin', `refs/heads/${branch}`) !== '';
      sh(other, 'checkout', '--quiet', '-B', branch, exists ? `origin/${branch}` : 'origin/main');
      execFileSync('sh', ['-c', 'mkdir -p "$(dirname "$1")" && printf %s "$2" > "$1"', 'sh', file, content], {
        cwd: other,
      });
      sh(other, 'add', file);
      sh(other, 'commit', '--quiet', '-m', `other change ${otherCommits}`);
      sh(other, 'push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`);
      return sh(other, 'rev-parse', 'HEAD');
    },
    async protectMain() {
      const hook = path.join(origin, 'hooks', 'pre-receive');
      await writeFile(
        hook,
        [
          '#!/bin/sh',
          'while read old new ref; do',
          '  if [ "$ref" = "refs/heads/main" ]; then',
          '    echo "error: GH006: Protected branch update failed for refs/heads/main." >&2',
          '    echo "error: Changes must be made through a pull request." >&2',
          '    exit 1',
          '  fi',
          'done',
          '',
        ].join('\n'),
      );
      await chmod(hook, 0o755);
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
}

/** Commits on origin's BRANCH, newest first: sha, author email, subject, parent shas. */
export function originLog(
  origin: string,
  branch = 'main',
): Array<{ sha: string; email: string; subject: string; parents: string[] }> {
  return sh(origin, 'log', '--format=%H%x09%P%x09%ae%x09%s', branch)
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha, parents, email, subject] = line.split('\t') as [string, string, string, string];
      return { sha, email, subject, parents: parents.split(' ').filter(Boolean) };
    });
}

export function originFile(origin: string, branch: string, file: string): string {
  return execFileSync('git', ['show', `${branch}:${file}`], { cwd: origin, env: GIT_ENV, encoding: 'utf8' });
}
