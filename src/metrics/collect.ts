import { stat } from 'node:fs/promises';
import path from 'node:path';
import { errnoMeaning, InputFileError, ReproError } from '../errors.ts';
import { emptyMetricData, type MetricData } from './series.ts';
import { addPrefix, parseMetricSource, renameMetrics, type ParseOptions } from './parse.ts';
import { fileLineSource } from './line-source.ts';
import { describeFilesWrittenSince, expandFileGlob, withModificationTimes } from './glob-files.ts';
import { readStructuredMetrics } from './metric-source.ts';
import { isEventFileName, readTensorBoardLogDir } from './tensorboard/log-dir.ts';
import { describeDatedFiles, isVersionedRunFolder, splitByRunStart } from './run-folders.ts';
import { globToRegExp, matchesAnyGlob } from '../compare/glob.ts';

/** No file where the `metrics` setting points: PREFIX is the map key ('' for a plain path), LOOKEDFOR where it was looked for. */
export class NoMetricFileError extends ReproError {
  constructor(
    readonly prefix: string,
    readonly lookedFor: string,
    message: string,
  ) {
    super(message, { hint: 'Check that the training writes its metrics there ({out} is the per-run REPRO_OUT_DIR).' });
    this.name = 'NoMetricFileError';
  }
}

/**
 * Reads the metric files a run wrote (the `metrics` setting: a file, a folder, a glob, or
 * {prefix: path}) into one MetricData. On a self-hosted runner a file left by an earlier job must
 * never pass for this run's metrics: a named file older than the run's start is refused, and of the
 * files a glob or a log folder holds only those written since the start are read (docs/metric-formats.md,
 * "Versioned log folders"). Binary formats and folders are told apart in metric-source.ts.
 *
 * `stepKey` is the `step-key` setting: one key for every file, or (with the map form of
 * `metrics`) one per prefix. `wallClock` (the ignore-metrics globs) is only used to name
 * DVCLive-style files (globMatchNamer).
 */
export async function collectRunMetrics(
  spec: string | Record<string, string>,
  options: {
    baseDir: string;
    notBefore: Date | null;
    stepKey?: string | Record<string, string> | undefined;
    wallClock?: readonly string[];
  },
): Promise<{ data: MetricData; files: string[] }> {
  const entries = typeof spec === 'string' ? [['', spec] as const] : Object.entries(spec);
  const merged = emptyMetricData();
  const owners = new Map<string, string>();
  const allFiles: string[] = [];
  const wallClock = (options.wallClock ?? []).map(globToRegExp);
  for (const [prefix, pattern] of entries) {
    const stepKey = typeof options.stepKey === 'string' ? options.stepKey : options.stepKey?.[prefix];
    const absolute = path.isAbsolute(pattern);
    const root = absolute ? '/' : options.baseDir;
    const { staticPrefix, files: matched, isGlob } = await expandFileGlob(root, absolute ? pattern.slice(1) : pattern);
    if (matched.length === 0) {
      throw new NoMetricFileError(
        prefix,
        absolute ? pattern : path.join(options.baseDir, pattern),
        `metrics: no file matches "${pattern}" in ${options.baseDir}${describeFilesWrittenSince(options.baseDir, options.notBefore)}`,
      );
    }
    const files = isGlob ? filesOfThisRun(root, matched, pattern, options, merged.notes) : matched;
    if (isGlob && files.every(isEventFileName)) {
      // Event files are parts of TensorBoard runs, not metrics named by file: read them as a log folder
      // (also when the glob matched one today, so that names do not change when a second appears).
      let data = readTensorBoardLogDir(
        path.join(root, staticPrefix),
        files.map((file) => path.posix.relative(staticPrefix, file)),
        { ...options, notBefore: null },
      );
      if (prefix) data = addPrefix(data, prefix);
      mergeInto(merged, data, pattern, owners);
      allFiles.push(...files.map((relative) => path.join(root, relative)));
      continue;
    }
    for (const relative of files) {
      const file = absolute ? `/${relative}` : path.join(options.baseDir, relative);
      let data = await readMetricFile(file, options, { stepKey }).catch((error: unknown) => {
        if ((error as { cause?: NodeJS.ErrnoException }).cause?.code === 'ENOENT')
          throw new NoMetricFileError(prefix, file, (error as Error).message);
        throw error;
      });
      // Named by path whenever the setting is a glob, however many files it matched today: a
      // metric's name must not change when a commit adds a second file (DVCLive's eval/acc.tsv).
      if (isGlob) data = renameMetrics(data, globMatchNamer(relative, staticPrefix, data, wallClock, prefix));
      else if (prefix) data = addPrefix(data, prefix);
      mergeInto(merged, data, file, owners);
      allFiles.push(file);
    }
  }
  return { data: merged, files: allFiles };
}

/**
 * A file matched by a glob has its metrics named after its path below the glob's literal prefix
 * (`eval/acc.tsv` -> `eval.acc.<name>`), and the file's one metric that is not wall clock drops
 * the repeated stem when it has the file's name (DVCLive's layout: `eval/acc.tsv` holds
 * `timestamp`, `step` and `acc`, named `eval.acc.timestamp` and `eval.acc`). `prefix` is the
 * key of the map form of `metrics`, or ''.
 */
function globMatchNamer(
  relative: string,
  staticPrefix: string,
  data: MetricData,
  wallClock: readonly RegExp[],
  prefix: string,
): (name: string) => string {
  const below =
    staticPrefix && relative.startsWith(`${staticPrefix}/`) ? relative.slice(staticPrefix.length + 1) : relative;
  const withoutExtension = below.replace(/\.[^./]+$/, '');
  // A versioned run folder (lightning_logs/version_3) changes from run to run: it never enters a name.
  const parts = [
    ...(prefix ? [prefix] : []),
    ...withoutExtension.split('/').filter((part) => !isVersionedRunFolder(part)),
  ];
  const stem = parts.at(-1)!;
  const compared = [...data.series.keys(), ...data.finals.keys()].filter((name) => !matchesAnyGlob(name, wallClock));
  const fileNamesTheMetric = compared.length === 1 && compared[0] === stem;
  const path = parts.join('.');
  return (name) => (fileNamesTheMetric && name === stem ? path : `${path}.${name}`);
}

/**
 * Of the files a glob matched, those written during this run (`notBefore`): a reused self-hosted
 * checkout keeps the versioned log folders of earlier jobs (lightning_logs/version_0), which must never
 * be merged in. The files left out are noted; when none is left, the error names what was matched and
 * what the training did write.
 */
function filesOfThisRun(
  root: string,
  matched: string[],
  pattern: string,
  options: { baseDir: string; notBefore: Date | null },
  notes: string[],
): string[] {
  if (options.notBefore === null) return matched;
  const { fresh, stale } = splitByRunStart(withModificationTimes(root, matched), options.notBefore);
  if (fresh.length === 0) {
    throw new ReproError(
      `metrics: every file matching "${pattern}" is left over from an earlier run (this one started ${options.notBefore.toISOString()}): ${describeDatedFiles(stale)}${describeFilesWrittenSince(options.baseDir, options.notBefore)}`,
      {
        hint: 'The training did not write its metrics where `metrics` points; fix the path (or write to {out}, the per-run REPRO_OUT_DIR). The old files were not read.',
      },
    );
  }
  if (stale.length > 0)
    notes.push(
      `metrics: ${stale.length} file${stale.length === 1 ? '' : 's'} matching "${pattern}" from earlier runs left out: ${describeDatedFiles(stale)}`,
    );
  return fresh.map((file) => file.path);
}

function mergeInto(target: MetricData, source: MetricData, file: string, owners: Map<string, string>): void {
  const claim = (name: string) => {
    const owner = owners.get(name);
    if (owner)
      throw new ReproError(`metrics: "${name}" is logged in both ${owner} and ${file}`, {
        hint: 'Give the files prefixes with the map form: metrics: { train: a.jsonl, eval: b.jsonl }.',
      });
    owners.set(name, file);
  };
  for (const [name, series] of source.series) {
    claim(name);
    target.series.set(name, series);
  }
  for (const [name, value] of source.finals) {
    claim(`${name} (final)`);
    target.finals.set(name, value);
    const origin = source.finalOrigins?.get(name);
    if (origin) target.finalOrigins!.set(name, origin);
  }
  target.notes.push(...source.notes);
  target.stepAxes!.push(...(source.stepAxes ?? []));
  if (source.uncompared) (target.uncompared ??= []).push(...source.uncompared);
}

async function readMetricFile(
  file: string,
  options: { baseDir: string; notBefore: Date | null },
  parseOptions: ParseOptions,
): Promise<MetricData> {
  const { notBefore } = options;
  if (notBefore) {
    const info = await stat(file).catch((error: unknown) => {
      throw cannotRead(file, 'cannot read the metric file', error);
    });
    // One second of slack: some filesystems keep whole-second modification times. A folder's own
    // time says nothing of its files: the folder readers check those.
    if (!info.isDirectory() && info.mtime.getTime() < notBefore.getTime() - 1000) {
      throw new InputFileError(
        file,
        undefined,
        `was last written at ${info.mtime.toISOString()}, before this run started (${notBefore.toISOString()}): it is left over from an earlier run`,
        {
          hint: 'The training did not write its metrics where `metrics` points; fix the path (or write to {out}, the per-run REPRO_OUT_DIR). The old file was not read.',
        },
      );
    }
  }
  return withReadErrors(
    file,
    'cannot read the metric file',
    () => readStructuredMetrics(file, options) ?? parseMetricSource(fileLineSource(file), parseOptions),
  );
}

/**
 * Runs READ and returns what it returns, turning a file-system error (the file is gone, a folder,
 * unreadable) into an InputFileError naming FILE, its message starting with WHAT. ReproErrors
 * pass through; any other error is rethrown as it is.
 */
export function withReadErrors<T>(file: string, what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ReproError) throw error;
    if ((error as NodeJS.ErrnoException).code !== undefined) throw cannotRead(file, what, error);
    throw error;
  }
}

function cannotRead(file: string, what: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_STRING_TOO_LONG') {
    // JSONL, CSV and TSV are read line by line; only a JSON document is read whole.
    return new InputFileError(
      file,
      undefined,
      `${what}: a JSON document this large (over 512 MiB) cannot be read whole`,
      {
        cause: error,
        hint: 'Log one JSON object per line (JSONL), which is read as a stream at any size.',
      },
    );
  }
  // errno in words: "cannot read the metric file: no such file or directory", not ENOENT.
  return new InputFileError(file, undefined, `${what}: ${code ? errnoMeaning(code) : (error as Error).message}`, {
    cause: error,
  });
}
