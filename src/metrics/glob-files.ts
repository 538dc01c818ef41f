import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { globToRegExp } from '../compare/glob.ts';
import { describeDatedFiles, splitByRunStart } from './run-folders.ts';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
const MAX_FILES_VISITED = 100_000;

/**
 * Expands a metric-file glob relative to `baseDir`. `*` matches any characters, slashes too
 * (the same rule as metric-name globs), so `dvclive/plots/metrics/*.tsv` finds nested files.
 * Returns repo-relative matches sorted, the glob's literal directory prefix (used to name
 * metrics from matched files), and whether the pattern was a glob at all. A pattern without wildcards is returned as is, existing or not.
 */
export async function expandFileGlob(
  baseDir: string,
  pattern: string,
): Promise<{ staticPrefix: string; files: string[]; isGlob: boolean }> {
  const normalized = pattern.split(path.sep).join('/');
  if (!/[*?]/.test(normalized))
    return { staticPrefix: path.posix.dirname(normalized), files: [normalized], isGlob: false };
  const segments = normalized.split('/');
  const firstWild = segments.findIndex((s) => /[*?]/.test(s));
  const staticPrefix = segments.slice(0, firstWild).join('/');
  const matcher = globToRegExp(normalized);
  const files = listFiles(baseDir, staticPrefix, (relative) => matcher.test(relative));
  return { staticPrefix, files: files.sort(), isGlob: true };
}

/**
 * The files below `baseDir/relativeDir` (recursively, skipping .git and node_modules, at most
 * 100,000 entries visited) whose `baseDir`-relative path `keep` accepts, in no particular order.
 * A folder that cannot be read is skipped.
 */
export function listFiles(baseDir: string, relativeDir: string, keep: (relative: string) => boolean): string[] {
  const files: string[] = [];
  let visited = 0;
  function walk(dir: string): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(baseDir, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++visited > MAX_FILES_VISITED) return;
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(relative);
      } else if (keep(relative)) files.push(relative);
    }
  }
  walk(relativeDir);
  return files;
}

/** Each file's modification time, in milliseconds; `files` are relative to `baseDir`. */
export function withModificationTimes(baseDir: string, files: string[]): Array<{ path: string; mtimeMs: number }> {
  return files.map((file) => ({ path: file, mtimeMs: statSync(path.join(baseDir, file)).mtimeMs }));
}

/**
 * For messages when a training wrote its metrics somewhere other than `metrics` says: ". Files the
 * training wrote during this run: a (written …), …" (newest first, below `baseDir`), or that it wrote
 * none there; '' without a run start (compare).
 */
export function describeFilesWrittenSince(baseDir: string, notBefore: Date | null): string {
  if (notBefore === null) return '';
  let files: Array<{ path: string; mtimeMs: number }>;
  try {
    files = withModificationTimes(
      baseDir,
      listFiles(baseDir, '', () => true),
    );
  } catch {
    return ''; // a file removed while listing: the message goes without this part
  }
  const { fresh } = splitByRunStart(files, notBefore);
  if (fresh.length === 0) return `. The training wrote no file in ${baseDir} during this run`;
  return `. Files the training wrote during this run: ${describeDatedFiles(fresh.sort((a, b) => b.mtimeMs - a.mtimeMs))}`;
}
