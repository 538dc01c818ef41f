import { ReproError } from '../errors.ts';
import type { GitRepo } from './repo.ts';

const LISTED_PATHS = 20;

/**
 * The clean-commit gate: refuses modified, staged and untracked-not-ignored files, and
 * submodules that are dirty or not at their recorded commit, so that every result can be
 * traced to a commit.
 */
export async function assertCleanTree(repo: GitRepo): Promise<void> {
  const output = await repo.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=none']);
  const offending = parsePorcelain(output);
  if (offending.length === 0) return;
  const listed = offending.slice(0, LISTED_PATHS).map((entry) => `  ${entry.code} ${entry.path}`);
  if (offending.length > LISTED_PATHS) listed.push(`  … and ${offending.length - LISTED_PATHS} more`);
  throw new ReproError(`The working tree of ${repo.root} is not clean (${offending.length} path${offending.length === 1 ? '' : 's'}):\n${listed.join('\n')}`, {
    hint: 'repro-check trains committed code only, so that a result can be traced to a commit: commit these changes, stash them (git stash --include-untracked), or add generated files to .gitignore.',
  });
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
