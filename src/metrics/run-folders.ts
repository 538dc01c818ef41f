/**
 * Loggers that start a new folder for every run (PyTorch Lightning's `lightning_logs/version_N`,
 * PyTorch SummaryWriter's default `runs/<Mon><DD>_<HH>-<MM>-<SS>_<host>`) leave the folders of earlier
 * runs in place; on a reused self-hosted checkout a glob or a log folder then holds several runs.
 * These helpers tell them apart so that only this run's files are read.
 */
const VERSIONED_RUN_FOLDER = /^(version_\d+|[A-Z][a-z]{2}\d{2}_\d{2}-\d{2}-\d{2}_.+)$/;

/** Whether a folder name is one a logger makes anew for each run (see above). */
export function isVersionedRunFolder(name: string): boolean {
  return VERSIONED_RUN_FOLDER.test(name);
}

/** The path segments of `relativePath` that name a versioned run folder, joined: '' when there are none. */
export function versionOf(relativePath: string): string {
  return relativePath
    .split('/')
    .filter((segment, index, all) => index < all.length - 1 && isVersionedRunFolder(segment))
    .join('/');
}

export interface DatedFile {
  /** Relative to the folder or glob the user named. */
  path: string;
  mtimeMs: number;
}

/**
 * Some filesystems keep whole-second modification times, so a file written in the run's first second
 * may look older than the run.
 */
const MTIME_SLACK_MS = 1000;

/**
 * Splits files into those written during this run (modified at or after `notBefore`, less a second of
 * slack) and those left from earlier runs. With no `notBefore` (compare, reading files the user named)
 * every file is fresh.
 */
export function splitByRunStart<T extends DatedFile>(files: T[], notBefore: Date | null): { fresh: T[]; stale: T[] } {
  if (notBefore === null) return { fresh: files, stale: [] };
  const limit = notBefore.getTime() - MTIME_SLACK_MS;
  return { fresh: files.filter((f) => f.mtimeMs >= limit), stale: files.filter((f) => f.mtimeMs < limit) };
}

/** `a (written 2026-…), b (written …)`, at most `limit` of them and a count of the rest: for messages. */
export function describeDatedFiles(files: DatedFile[], limit = 5): string {
  const shown = files.slice(0, limit).map((f) => `${f.path} (written ${new Date(f.mtimeMs).toISOString()})`);
  return files.length > limit ? `${shown.join(', ')} and ${files.length - limit} more` : shown.join(', ');
}

/** How a folder reader picks the files of this run, and where to look for what the training wrote instead. */
export interface FolderReadOptions {
  /** When the training started (check, baseline update); null for compare, which reads what it is given. */
  notBefore: Date | null;
  /** The folder the training ran in: its newer files are named when the expected ones are missing. */
  baseDir: string;
}
