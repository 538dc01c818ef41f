import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { ReproConfig } from '../settings/schema.ts';
import type { ModeContext } from './context.ts';
import { openRepo, type GitRepo } from '../git/repo.ts';
import { assertCleanTree } from '../git/clean-tree.ts';
import { resolveProvenance } from '../git/provenance.ts';
import { hasCredentialHeader } from '../git/credentials.ts';

export interface RepoState {
  repo: GitRepo;
  repoRoot: string;
  /** Where the training runs and relative paths resolve: `working-directory` below the repo root. */
  workDir: string;
  provenance: { commit: string; ref: string | null; shallow: boolean; baseCommit: string | null };
}

/** Opens the repository, refuses an unclean tree, and records which commit is being trained. */
export async function prepareRepo(config: ReproConfig, context: ModeContext): Promise<RepoState> {
  return context.log.group('Checking the working tree', async () => {
    const repo = await openRepo(context.cwd);
    const repoRoot = repo.root;
    const workDir = path.resolve(repoRoot, config['working-directory']);
    if (path.relative(repoRoot, workDir).startsWith('..')) {
      throw new ReproError(`working-directory "${config['working-directory']}" is outside the repository ${repoRoot}`, { hint: 'Give a path inside the repository, relative to its root.' });
    }
    await assertCleanTree(repo);
    const provenance = await resolveProvenance(repo, context.pullRequest ? { headSha: context.pullRequest.headSha, baseSha: context.pullRequest.baseSha, headRef: context.pullRequest.headRef ?? null } : null, { ref: context.env.GITHUB_REF, sha: context.env.GITHUB_SHA });
    if (await hasCredentialHeader(repo)) {
      context.log.warning('.git/config holds a credential header (actions/checkout with persist-credentials: true): the training command can read that token. Set `persist-credentials: false` on actions/checkout.');
    }
    context.log.info(`Training commit ${provenance.commit}${provenance.ref ? ` (${provenance.ref})` : ' (detached HEAD)'}${provenance.shallow ? ', shallow clone' : ''}`);
    return { repo, repoRoot, workDir, provenance };
  });
}

/** Repo-relative POSIX path of a file below the working directory (how git names it at another commit). */
export function repoRelative(state: RepoState, fileInWorkDir: string): string {
  return path.relative(state.repoRoot, path.resolve(state.workDir, fileInWorkDir)).split(path.sep).join('/');
}
