import path from 'node:path';
import { ReproError } from '../errors.ts';
import type { ReproConfig } from '../settings/schema.ts';
import type { ModeContext } from './context.ts';
import { openRepo, type GitRepo } from '../git/repo.ts';
import { assertCleanTree, uncleanPaths, uncleanTreeHash } from '../git/clean-tree.ts';
import { resolveProvenance } from '../git/provenance.ts';
import { hasCredentialHeader } from '../git/credentials.ts';
import { UNCLEAN_TREE_NOTE } from '../report/headline.ts';
import { toPosixPath } from '../repo-path.ts';

export interface RepoState {
  repo: GitRepo;
  repoRoot: string;
  /** Where the training runs and relative paths resolve: `working-directory` below the repo root. */
  workDir: string;
  provenance: { commit: string; ref: string | null; shallow: boolean; baseCommit: string | null };
  /** Set only under --allow-dirty on an unclean tree: what was uncommitted, so the record says so. */
  dirty: UncleanTree | null;
}

export interface UncleanTree {
  /** Repo-relative paths, as `git status` lists them. */
  paths: string[];
  /** SHA-256 of the changes against the commit (src/git/clean-tree.ts, uncleanTreeHash). */
  diffSha256: string;
}

export interface TreeGateOptions {
  /** Train an unclean tree anyway (the CLI's --allow-dirty): the record says dirty, the report says it cannot gate. */
  allowDirty?: boolean;
  /** Paths the gate does not count (baseline update: its own output file). */
  ignore?: (repoPath: string) => boolean;
}

/**
 * Opens the repository at CONTEXT.cwd, refuses an unclean tree (unless GATE allows it), and
 * records which commit is being trained; CONFIG's `working-directory` (relative to the repository
 * root) is where the training runs.
 * @throws ReproError for an unclean tree, or a working directory outside the repository.
 */
export async function prepareRepo(
  config: Pick<ReproConfig, 'working-directory'>,
  context: ModeContext,
  gate: TreeGateOptions = {},
): Promise<RepoState> {
  return context.log.group('Checking the working tree', async () => {
    const repo = await openRepo(context.cwd);
    const repoRoot = repo.root;
    const workDir = path.resolve(repoRoot, config['working-directory']);
    if (path.relative(repoRoot, workDir).startsWith('..')) {
      throw new ReproError(`working-directory "${config['working-directory']}" is outside the repository ${repoRoot}`, {
        hint: 'Give a path inside the repository, relative to its root.',
      });
    }
    const provenanceOf = () =>
      resolveProvenance(
        repo,
        context.pullRequest
          ? {
              headSha: context.pullRequest.headSha,
              baseSha: context.pullRequest.baseSha,
              headRef: context.pullRequest.headRef ?? null,
            }
          : null,
        { ref: context.env.GITHUB_REF, sha: context.env.GITHUB_SHA },
      );
    // Independent git questions, asked at once (each git process costs milliseconds to start), their
    // errors still reported in this order; a pull request's provenance may fetch its base commit,
    // and does so only once the tree gate has passed.
    const [dirty, provenance, credentialHeader] = context.pullRequest
      ? [await treeGate(repo, gate, context), await provenanceOf(), await hasCredentialHeader(repo)]
      : await settleInOrder([treeGate(repo, gate, context), provenanceOf(), hasCredentialHeader(repo)] as const);
    if (credentialHeader) {
      context.log.warning(
        '.git/config holds a credential header (actions/checkout with persist-credentials: true): the training command can read that token. Set `persist-credentials: false` on actions/checkout.',
      );
    }
    context.log.info(
      `Training commit ${provenance.commit}${provenance.ref ? ` (${provenance.ref})` : ' (detached HEAD)'}${provenance.shallow ? ', shallow clone' : ''}`,
    );
    return { repo, repoRoot, workDir, provenance, dirty };
  });
}

/** The clean-commit gate; under --allow-dirty, what is unclean instead of an error. */
async function treeGate(repo: GitRepo, gate: TreeGateOptions, context: ModeContext): Promise<UncleanTree | null> {
  if (!gate.allowDirty) {
    await assertCleanTree(repo, gate.ignore);
    return null;
  }
  const unclean = await uncleanPaths(repo, gate.ignore);
  if (unclean.length === 0) return null;
  context.log.warning(
    `${UNCLEAN_TREE_NOTE}: training ${unclean.length} uncommitted path${unclean.length === 1 ? '' : 's'} (--allow-dirty).`,
  );
  return { paths: unclean.map((e) => e.path), diffSha256: await uncleanTreeHash(repo, unclean) };
}

/** Awaits every promise; throws the first rejection in list order (not in time order), else the values. */
async function settleInOrder<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<{
  -readonly [K in keyof T]: T[K];
}> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: T[K] };
}

/** Repo-relative POSIX path of a file below the working directory (how git names it at another commit). */
export function repoRelative(state: RepoState, fileInWorkDir: string): string {
  return toPosixPath(path.relative(state.repoRoot, path.resolve(state.workDir, fileInWorkDir)));
}
