import path from 'node:path';
import type { EnvironmentFingerprint } from '../record/types.ts';
import { toPosixPath } from '../repo-path.ts';

/**
 * Fills the baseline path's placeholders, so one repository can keep one baseline per kind
 * of hardware: {runner} is the runner's name (RUNNER_NAME, else the host name), {gpu} the first
 * visible GPU's model (or "cpu"), both as lower-case slugs safe in a file name.
 */
export function resolveBaselinePath(
  pattern: string,
  environment: EnvironmentFingerprint,
  env: NodeJS.ProcessEnv,
  hostname: string,
): string {
  const gpu = environment.gpu?.devices[0]?.name ?? 'cpu';
  return pattern.replaceAll('{runner}', slug(env.RUNNER_NAME ?? hostname)).replaceAll('{gpu}', slug(gpu));
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unknown'
  );
}

/**
 * Whether a repo-relative path is a file the baseline pattern can resolve to, whatever
 * {runner} and {gpu} become: `baseline update` does not count its own earlier output as an
 * unclean tree (a re-run before committing it, or the first baseline not yet added).
 */
export function isBaselineFile(pattern: string, workingDirectory: string, repoPath: string): boolean {
  const full = path.posix.normalize(path.posix.join(toPosixPath(workingDirectory), toPosixPath(pattern)));
  const placeholder = /\\\{(runner|gpu)\\\}/g;
  const source = full.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(placeholder, '[a-z0-9-]+');
  return new RegExp(`^${source}$`).test(repoPath);
}
