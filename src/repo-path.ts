import path from 'node:path';

/**
 * Paths as a repository names them: relative to its root, with `/` separators (how git, the Checks
 * API's annotations and `git show <rev>:<path>` spell a file). The one helper for turning a local
 * path into one; pure (no disk access).
 */

/** P with `/` separators (a relative path on Windows becomes git's spelling). */
export function toPosixPath(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * FILE (absolute, or relative to ROOT) as a repository path below ROOT, or null when it is ROOT
 * itself or lies outside it (`..`, another drive). Symlinks are not resolved.
 */
export function repoPathWithin(root: string, file: string): string | null {
  const relative = path.relative(root, path.resolve(root, file));
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
    return null;
  return toPosixPath(relative);
}
