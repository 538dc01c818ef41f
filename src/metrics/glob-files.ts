import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { globToRegExp } from '../compare/glob.ts';

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
const MAX_FILES_VISITED = 100_000;

/**
 * Expands a metric-file glob relative to `baseDir`. `*` matches any characters, slashes too
 * (the same rule as metric-name globs), so `dvclive/plots/metrics/*.tsv` finds nested files.
 * Returns repo-relative matches sorted, the glob's literal directory prefix (used to name
 * metrics from matched files), and whether the pattern was a glob at all. A pattern without wildcards is returned as is, existing or not.
 */
export async function expandFileGlob(baseDir: string, pattern: string): Promise<{ staticPrefix: string; files: string[]; isGlob: boolean }> {
  const normalized = pattern.split(path.sep).join('/');
  if (!/[*?]/.test(normalized)) return { staticPrefix: path.posix.dirname(normalized), files: [normalized], isGlob: false };
  const segments = normalized.split('/');
  const firstWild = segments.findIndex((s) => /[*?]/.test(s));
  const staticPrefix = segments.slice(0, firstWild).join('/');
  const matcher = globToRegExp(normalized);
  const files: string[] = [];
  let visited = 0;
  async function walk(relativeDir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(path.join(baseDir, relativeDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++visited > MAX_FILES_VISITED) return;
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(relative);
      } else if (matcher.test(relative)) files.push(relative);
    }
  }
  await walk(staticPrefix);
  return { staticPrefix, files: files.sort(), isGlob: true };
}
