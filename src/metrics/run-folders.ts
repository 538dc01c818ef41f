/**
 * Loggers that start a new folder for every run leave the folders of earlier runs in place; on a
 * reused self-hosted checkout a glob or a log folder then holds several runs. These helpers tell them
 * apart so that only this run's files are read, and so that a folder named anew each run never enters
 * a metric name (every rerun would otherwise "drift": `20261130-092909.train.loss` missing, a new
 * `20261130-092912.train.loss`). Recognised (docs/metric-formats.md, "Versioned log folders"):
 * - PyTorch Lightning's `version_N`;
 * - PyTorch SummaryWriter's default `runs/<Mon><DD>_<HH>-<MM>-<SS>_<host>`;
 * - a date and time: Keras' tutorial `logs/fit/%Y%m%d-%H%M%S`, `%Y-%m-%d_%H-%M-%S`, ISO 8601
 *   `2023-11-30T09:00:00`, each optionally after a name and `_`/`-` and before more (a host, a name);
 *   Hydra's `outputs/%Y-%m-%d/%H-%M-%S`; W&B's `run-%Y%m%d_%H%M%S-<id>`;
 * - a Unix time in seconds, as SummaryWriter.add_hparams names its subfolder (`str(time.time())`).
 */
const VERSIONED_RUN_FOLDER_PATTERNS = [
  String.raw`version_\d+`,
  String.raw`[A-Z][a-z]{2}\d{2}_\d{2}-\d{2}-\d{2}_.+`,
  // A date and time anywhere after a name: `20231130-090000`, `train_2023-11-30_09-00-00`, `…T09:00:00`.
  String.raw`(?:.*[-_])?\d{4}-?\d{2}-?\d{2}[-_T]\d{2}[-_:]?\d{2}[-_:]?\d{2}(?:\.\d+)?(?:[-_+].*)?`,
  // Hydra's `outputs/<%Y-%m-%d>/<%H-%M-%S>`: the day and the time are folders of their own.
  String.raw`\d{4}-\d{2}-\d{2}`,
  String.raw`\d{2}-\d{2}-\d{2}`,
  // W&B's `wandb/run-<%Y%m%d_%H%M%S>-<id>` (and `offline-run-…`), should a glob reach into it.
  String.raw`(?:offline-)?run-\d{8}_\d{6}-\w+`,
  String.raw`1\d{9}(?:\.\d+)?`,
];
const VERSIONED_RUN_FOLDER = new RegExp(`^(?:${VERSIONED_RUN_FOLDER_PATTERNS.join('|')})$`);

/** Whether a folder name is one a logger makes anew for each run (see above). */
export function isVersionedRunFolder(name: string): boolean {
  return VERSIONED_RUN_FOLDER.test(name);
}

/**
 * The folder of the versioned run a file belongs to: `relativePath` up to and including its last
 * versioned segment (`lightning_logs/version_1/events…` -> `lightning_logs/version_1`); '' when no
 * folder of its path is versioned. A path, so that a message can name a folder that exists.
 */
export function versionOf(relativePath: string): string {
  const segments = relativePath.split('/').slice(0, -1);
  let last = -1;
  segments.forEach((segment, index) => {
    if (isVersionedRunFolder(segment)) last = index;
  });
  return segments.slice(0, last + 1).join('/');
}

/**
 * The distinct runs among files (relative paths): their versionOf folders, less those that hold
 * another (a run's events next to the versioned subfolder SummaryWriter.add_hparams makes in it are
 * one run). More than one left means several runs of one logger.
 */
export function distinctRuns(relativePaths: string[]): string[] {
  const versions = [...new Set(relativePaths.map(versionOf))];
  const holds = (outer: string, inner: string) => outer !== inner && (outer === '' || inner.startsWith(`${outer}/`));
  return versions.filter((version) => !versions.some((other) => holds(version, other))).sort();
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
