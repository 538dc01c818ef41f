import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { GitRepo } from './repo.ts';

const LISTED_PATHS = 20;

/**
 * The clean-commit gate: refuses modified, staged and untracked-not-ignored files, and
 * submodules that are dirty or not at their recorded commit, so that every result can be
 * traced to a commit.
 */
export async function assertCleanTree(
  repo: GitRepo,
  ignore: (repoPath: string) => boolean = () => false,
): Promise<void> {
  const offending = await uncleanPaths(repo, ignore);
  if (offending.length === 0) return;
  const listed = offending.slice(0, LISTED_PATHS).map((entry) => `  ${entry.code} ${entry.path}`);
  if (offending.length > LISTED_PATHS) listed.push(`  … and ${offending.length - LISTED_PATHS} more`);
  throw new ReproError(
    `The working tree of ${repo.root} is not clean (${offending.length} path${offending.length === 1 ? '' : 's'}):\n${listed.join('\n')}`,
    {
      hint: 'repro-check trains committed code only, so that a result can be traced to a commit: commit these changes, stash them (git stash --include-untracked), or add generated files to .gitignore.',
    },
  );
}

/** What keeps the tree from being clean (modified, staged, untracked-not-ignored, submodules), less what `ignore` accepts. */
export async function uncleanPaths(
  repo: GitRepo,
  ignore: (repoPath: string) => boolean = () => false,
): Promise<Array<{ code: string; path: string }>> {
  const output = await repo.run([
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--ignore-submodules=none',
  ]);
  return parsePorcelain(output).filter((entry) => !ignore(entry.path));
}

/**
 * SHA-256 (hex) of an unclean tree's changes against HEAD: `git diff --binary HEAD` (staged and
 * unstaged, binary files as base85) followed by each untracked file's path and content. Two runs
 * with the same hash on the same commit trained the same code.
 */
export async function uncleanTreeHash(
  repo: GitRepo,
  entries: ReadonlyArray<{ code: string; path: string }>,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await repo.run(['diff', '--binary', '--no-ext-diff', 'HEAD']));
  for (const entry of entries.filter((e) => e.code === '??').sort((a, b) => (a.path < b.path ? -1 : 1))) {
    hash.update(`\0untracked ${entry.path}\0`);
    hash.update(await readFile(path.join(repo.root, entry.path)));
  }
  return hash.digest('hex');
}

/** `git status --porcelain=v1 -z` entries; a rename carries its source path as an extra field. */
export function parsePorcelain(output: string): Array<{ code: string; path: string }> {
  const fields = output.split('\0').filter((f) => f.length > 0);
  const entries: Array<{ code: string; path: string }> = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const code = field.slice(0, 2);
    entries.push({ code: code.replace(/ /g, '.'), path: field.slice(3) });
    if (code[0] === 'R' || code[0] === 'C') i++;
  }
  return entries;
}
