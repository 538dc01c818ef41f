/**
 * A commit that changes one file, built with git's plumbing in a temporary index: the
 * checkout's HEAD, index and working tree are never touched, so a caller can build it on any
 * parent (the remote's tip after a rejected push) and giving up loses nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gitOrThrow, type GitCommand } from './command.ts';

export interface FileCommit {
  /** The commit the new one goes on top of (a sha or any revision git reads). */
  parent: string;
  /** Repository-relative path of the file, with `/`. */
  path: string;
  /** The file's whole new text (written as UTF-8, mode 100644). */
  content: string;
  /** The commit message, subject first. */
  message: string;
  /** Author and committer. */
  identity: { name: string; email: string };
}

export interface BuiltCommit {
  /** The new commit's sha; the parent's when nothing changed. */
  sha: string;
  /** False when the parent already holds exactly this content at this path (no commit is made). */
  changed: boolean;
}

/**
 * Commits COMMIT.content at COMMIT.path on top of COMMIT.parent in the repository GIT runs in,
 * without touching its HEAD, index or working tree; the commit is left unreferenced for the
 * caller to push. Throws a ReproError naming the step when a git command fails.
 */
export async function commitFileOnto(git: GitCommand, commit: FileCommit): Promise<BuiltCommit> {
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'repro-check-index-'));
  try {
    const env = { GIT_INDEX_FILE: path.join(indexDir, 'index') };
    const blob = (
      await gitOrThrow(git, ['hash-object', '-w', '--stdin'], `store ${commit.path} in git`, { input: commit.content })
    ).stdout.trim();
    await gitOrThrow(git, ['read-tree', commit.parent], `read the tree of ${commit.parent}`, { env });
    await gitOrThrow(
      git,
      ['update-index', '--add', '--cacheinfo', `100644,${blob},${commit.path}`],
      `stage ${commit.path}`,
      { env },
    );
    const tree = (await gitOrThrow(git, ['write-tree'], `write the tree with ${commit.path}`, { env })).stdout.trim();
    const parentTree = (
      await gitOrThrow(git, ['rev-parse', `${commit.parent}^{tree}`], `read the tree of ${commit.parent}`)
    ).stdout.trim();
    if (tree === parentTree) return { sha: commit.parent, changed: false };
    const { name, email } = commit.identity;
    const identity = {
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email,
    };
    const sha = (
      await gitOrThrow(git, ['commit-tree', tree, '-p', commit.parent, '-F', '-'], `commit ${commit.path}`, {
        input: commit.message,
        env: identity,
      })
    ).stdout.trim();
    return { sha, changed: true };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}
